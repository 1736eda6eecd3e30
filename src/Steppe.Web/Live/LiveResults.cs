using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Steppe.Domain.Banks;
using Steppe.Domain.Live;
using Steppe.Web.Data;

namespace Steppe.Web.Live;

public sealed record PlayerRow(int Number, string Nickname, string TokenHash, string? UserId);

public sealed record AnswerRow(int Player, int Question, string Given, bool Correct, int ElapsedMs, int Points, int Bonus);

public sealed record Standing(int Number, int Score, int? Rank, bool Kicked);

/// <summary>What a game has not stored yet: players who joined and answers given since the last batch; at the end
/// also every player's final score and place.</summary>
public sealed record ResultsBatch(long GameId, IReadOnlyList<PlayerRow> NewPlayers, IReadOnlyList<AnswerRow> Answers, int QuestionsAsked,
    long? StartedAtTicks, long? EndedAtTicks, IReadOnlyList<Standing>? Final);

/// <summary>Stores live games as they are played. The game is written when the lobby opens; after each reveal
/// its new players and answers go to a queue that one background writer empties in order, so a reveal to
/// thousands of phones never waits on the disk; the end is awaited, so the results are there when the players
/// see their summary. If the server stops mid-game, what was revealed is kept.</summary>
public sealed class LiveResults(IServiceScopeFactory scopes, WriteGate writes, ILogger<LiveResults> log) : BackgroundService
{
    private readonly Channel<(ResultsBatch Batch, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(ResultsBatch, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    public static string Hash(string rejoinToken) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(rejoinToken)));

    /// <summary>Stores a new game with a copy of its questions; returns its id.</summary>
    public static async Task<long> CreateAsync(AppDbContext db, HostedGame hosted, string bankId, DateTimeOffset now, CancellationToken ct)
    {
        var g = hosted.Game;
        var s = g.Settings;
        var game = new LiveGameEntity
        {
            Pin = hosted.Pin, HostUserId = hosted.HostUserId, BankId = bankId, BankTitle = hosted.BankTitle,
            SecondsPerQuestion = s.SecondsPerQuestion, PointsPerQuestion = s.PointsPerQuestion, SpeedScoring = s.Scoring.SpeedScoring,
            StreakBonus = s.Scoring.StreakBonus, ReadingSeconds = (int)s.ReadingDelay.TotalSeconds, CreatedAtTicks = now.UtcTicks,
        };
        db.LiveGames.Add(game);
        await db.SaveChangesAsync(ct);
        db.LiveQuestions.AddRange(g.Questions.Select((q, i) => new LiveQuestionEntity
        {
            GameId = game.Id, Position = i, QuestionId = q.Id, Type = QuestionTypes.Name(q.Type), Prompt = q.Prompt, Answer = q.AnswerText,
            TimeLimitSeconds = (int)g.TimeLimit(q).TotalSeconds, Points = g.PointsFor(q),
        }));
        await db.SaveChangesAsync(ct);
        return game.Id;
    }

    /// <summary>What the game has not stored yet. Call under the game's lock.</summary>
    public static ResultsBatch Unsaved(HostedGame hosted)
    {
        var g = hosted.Game;
        var players = g.Players.Skip(hosted.SavedPlayers)
            .Select(p => new PlayerRow(p.Id, p.Nickname, Hash(p.RejoinToken), hosted.PlayerUsers.GetValueOrDefault(p.Id))).ToList();
        var answers = g.Answers.Skip(hosted.SavedAnswers)
            .Select(a => new AnswerRow(a.PlayerId, a.QuestionIndex, a.Given.Shown(), a.Correct, (int)Math.Round(a.Elapsed.TotalMilliseconds), a.Score.Points, a.Score.StreakBonus))
            .ToList();
        hosted.SavedPlayers = g.Players.Count;
        hosted.SavedAnswers = g.Answers.Count;
        IReadOnlyList<Standing>? final = null;
        if (g.Phase == GamePhase.Ended)
        {
            var ranks = g.Leaderboard().ToDictionary(r => r.Player.Id, r => r.Rank);
            final = g.Players.Select(p => new Standing(p.Id, p.Score, ranks.TryGetValue(p.Id, out var r) ? r : null, p.Kicked)).ToList();
        }
        return new ResultsBatch(hosted.GameId, players, answers, g.QuestionIndex + 1, hosted.StartedAt?.UtcTicks, final is null ? null : hosted.EndedAt?.UtcTicks, final);
    }

    /// <summary>Queues a batch; the returned task ends when it is stored (or failed, logged).</summary>
    public Task SaveAsync(ResultsBatch batch)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((batch, done)))
        {
            done.SetException(new InvalidOperationException("The results writer has stopped."));
        }
        return done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Drain what is queued even while stopping: those are revealed answers.
        await foreach (var (batch, done) in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await WriteAsync(batch);
                done.SetResult();
            }
            catch (Exception e)
            {
                log.LogError(e, "Live game {Game}: results could not be stored", batch.GameId);
                done.SetException(e);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(ResultsBatch batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        using var _ = await writes.EnterAsync(CancellationToken.None);
        await using var tx = await db.Database.BeginTransactionAsync();
        db.LivePlayers.AddRange(batch.NewPlayers.Select(p => new LivePlayerEntity
        {
            GameId = batch.GameId, Number = p.Number, Nickname = p.Nickname, RejoinTokenHash = p.TokenHash, UserId = p.UserId,
        }));
        db.LiveAnswers.AddRange(batch.Answers.Select(a => new LiveAnswerEntity
        {
            GameId = batch.GameId, PlayerNumber = a.Player, QuestionPosition = a.Question, Given = a.Given, Correct = a.Correct,
            ElapsedMs = a.ElapsedMs, Points = a.Points, StreakBonus = a.Bonus,
        }));
        await db.SaveChangesAsync();
        var game = await db.LiveGames.FindAsync(batch.GameId);
        if (game is not null)
        {
            game.QuestionsAsked = Math.Max(game.QuestionsAsked, batch.QuestionsAsked);
            game.StartedAtTicks ??= batch.StartedAtTicks;
            game.EndedAtTicks ??= batch.EndedAtTicks;
        }
        if (batch.Final is { } final)
        {
            var players = await db.LivePlayers.Where(p => p.GameId == batch.GameId).ToDictionaryAsync(p => p.Number);
            foreach (var s in final)
            {
                if (players.TryGetValue(s.Number, out var p))
                {
                    (p.Score, p.Rank, p.Kicked) = (s.Score, s.Rank, s.Kicked);
                }
            }
        }
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }
}
