using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Steppe.Web.Accounts;
using Steppe.Web.Data;
using Steppe.Web.Hosting;
using Steppe.Web.Study;

namespace Steppe.Web.Live;

public sealed record PastGame(long Id, string BankTitle, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt, string Status, int Players, int QuestionsAsked, int Questions);

/// <summary>How a question went: share of players right (of those asked), average seconds of those who
/// answered, and the most given answers.</summary>
public sealed record QuestionResult(int Number, string QuestionId, string Type, string Prompt, string Answer, int Players, int Answered, int Correct,
    double? ShareCorrect, double? AverageSeconds, IReadOnlyList<GivenCount> TopAnswers);

public sealed record GivenCount(string Answer, int Count, bool Correct);

public sealed record PlayerResult(int Number, string Nickname, int? Rank, int Score, int Correct, bool Kicked);

public sealed record GameResults(PastGame Game, IReadOnlyList<QuestionResult> Questions, IReadOnlyList<PlayerResult> Players);

public sealed record KeepMissedRequest(string? RejoinToken);

public sealed record KeptMissed(int Missed, int Added, long DeckId, string DeckTitle);

/// <summary>Stored live games: the host's past games, each game's per-question statistics and players, a CSV of
/// every answer, and, for a player, the questions they missed added to their flashcards.</summary>
public static class LiveResultsApi
{
    public static IEndpointRouteBuilder MapLiveResults(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/live/games").RequireAuthorization().AddEndpointFilter<SameOriginFilter>().WithTags("Live results");
        api.MapGet("/", List).WithSummary("Games you hosted, newest first.");
        api.MapGet("/{id:long}", Get).WithSummary("A game you hosted: per-question statistics (share correct, average time) and players.");
        api.MapGet("/{id:long}/results.csv", Csv).WithSummary("A game you hosted as CSV: one row per player per question asked.");
        api.MapDelete("/{id:long}", Delete).WithSummary("Delete a game you hosted and its results.");
        api.MapPost("/{id:long}/keep-missed", KeepMissed)
            .WithSummary("As a player of this game (proved by the rejoin token your browser kept), add the questions you missed to your flashcards.");
        return app;
    }

    internal static async Task<Ok<List<PastGame>>> List(ClaimsPrincipal user, AppDbContext db, GameRegistry registry, CancellationToken ct)
    {
        var id = user.UserId();
        var games = await db.LiveGames.AsNoTracking().Where(g => g.HostUserId == id).OrderByDescending(g => g.CreatedAtTicks).Take(200)
            .Select(g => new { Game = g, Players = db.LivePlayers.Count(p => p.GameId == g.Id && !p.Kicked), Questions = db.LiveQuestions.Count(q => q.GameId == g.Id) })
            .ToListAsync(ct);
        return TypedResults.Ok(games.Select(g => Describe(g.Game, g.Players, g.Questions, registry.IsLive(g.Game.Id))).ToList());
    }

    private static PastGame Describe(LiveGameEntity g, int players, int questions, bool live) =>
        new(g.Id, g.BankTitle, new DateTimeOffset(g.CreatedAtTicks, TimeSpan.Zero), g.EndedAtTicks is { } e ? new DateTimeOffset(e, TimeSpan.Zero) : null,
            g.EndedAtTicks is not null ? "ended" : live ? (g.StartedAtTicks is null ? "lobby" : "playing") : "stopped",
            players, g.QuestionsAsked, questions);

    internal static async Task<Results<Ok<GameResults>, NotFound>> Get(long id, ClaimsPrincipal user, AppDbContext db, GameRegistry registry, CancellationToken ct) =>
        await LoadAsync(id, user.UserId(), db, registry, ct) is { } results ? TypedResults.Ok(results) : TypedResults.NotFound();

    /// <summary>A hosted game as stored: its questions, players (by number), answers, and each player's score.</summary>
    private sealed record Stored(LiveGameEntity Game, List<LiveQuestionEntity> Questions, List<LivePlayerEntity> Players,
        List<LiveAnswerEntity> Answers, Dictionary<int, int> Scores)
    {
        public IEnumerable<LiveQuestionEntity> Asked => Questions.Where(q => q.Position < Game.QuestionsAsked);
    }

    /// <summary>Loads a game of this host, or null. A player's score is the final one when the game ended; while
    /// it runs (or if the server stopped it), the sum of the stored answers.</summary>
    private static async Task<Stored?> LoadStoredAsync(long id, string hostId, AppDbContext db, CancellationToken ct)
    {
        var game = await db.LiveGames.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id && g.HostUserId == hostId, ct);
        if (game is null)
        {
            return null;
        }
        var questions = await db.LiveQuestions.AsNoTracking().Where(q => q.GameId == id).OrderBy(q => q.Position).ToListAsync(ct);
        var players = await db.LivePlayers.AsNoTracking().Where(p => p.GameId == id).OrderBy(p => p.Number).ToListAsync(ct);
        var answers = await db.LiveAnswers.AsNoTracking().Where(a => a.GameId == id).ToListAsync(ct);
        var sums = answers.GroupBy(a => a.PlayerNumber).ToDictionary(g => g.Key, g => g.Sum(a => a.Points + a.StreakBonus));
        var scores = players.ToDictionary(p => p.Number, p => p.Rank is not null ? p.Score : sums.GetValueOrDefault(p.Number));
        return new Stored(game, questions, players, answers, scores);
    }

    /// <summary>A hosted game's results, or null when there is no such game of this host.</summary>
    internal static async Task<GameResults?> LoadAsync(long id, string hostId, AppDbContext db, GameRegistry registry, CancellationToken ct)
    {
        if (await LoadStoredAsync(id, hostId, db, ct) is not { } stored)
        {
            return null;
        }
        var (game, questions, players, answers, scores) = stored;
        var active = players.Where(p => !p.Kicked).Select(p => p.Number).ToHashSet();
        var byQuestion = answers.Where(a => active.Contains(a.PlayerNumber)).ToLookup(a => a.QuestionPosition);
        var correctBy = answers.Where(a => a.Correct).GroupBy(a => a.PlayerNumber).ToDictionary(g => g.Key, g => g.Count());
        var stats = stored.Asked.Select(q =>
        {
            var given = byQuestion[q.Position].ToList();
            var right = given.Count(a => a.Correct);
            return new QuestionResult(q.Position + 1, q.QuestionId, q.Type, q.Prompt, q.Answer, active.Count, given.Count, right,
                active.Count == 0 ? null : (double)right / active.Count,
                given.Count == 0 ? null : Math.Round(given.Average(a => a.ElapsedMs) / 1000.0, 1),
                given.GroupBy(a => a.Given).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(5)
                    .Select(g => new GivenCount(g.Key, g.Count(), g.First().Correct)).ToList());
        }).ToList();
        var rows = players.OrderBy(p => p.Rank ?? int.MaxValue).ThenByDescending(p => scores[p.Number]).ThenBy(p => p.Number)
            .Select(p => new PlayerResult(p.Number, p.Nickname, p.Rank, p.Kicked ? 0 : scores[p.Number], correctBy.GetValueOrDefault(p.Number), p.Kicked)).ToList();
        return new GameResults(Describe(game, active.Count, questions.Count, registry.IsLive(game.Id)), stats, rows);
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> Csv(long id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        if (await LoadStoredAsync(id, user.UserId(), db, ct) is not { } stored)
        {
            return TypedResults.NotFound();
        }
        var (game, _, players, all, scores) = stored;
        var answers = all.ToDictionary(a => (a.PlayerNumber, a.QuestionPosition));
        var started = game.StartedAtTicks is { } s ? new DateTimeOffset(s, TimeSpan.Zero).ToString("u", CultureInfo.InvariantCulture) : "";

        using var buffer = new MemoryStream();
        // A nickname or an answer starting with = + - @ would run as a formula in a spreadsheet: escaped.
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteHeader(["game_id", "started_utc", "question_number", "question_id", "question_type", "question", "correct_answer",
                "player", "player_rank", "player_score", "kicked", "answered", "answer", "correct", "seconds", "points", "streak_bonus"]);
            foreach (var q in stored.Asked)
            {
                foreach (var p in players)
                {
                    answers.TryGetValue((p.Number, q.Position), out var a);
                    csv.WriteRecord([
                        Invariant(game.Id), started, Invariant(q.Position + 1), q.QuestionId, q.Type, q.Prompt, q.Answer,
                        p.Nickname, p.Rank is { } rank ? Invariant(rank) : "", Invariant(scores[p.Number]), p.Kicked ? "yes" : "no",
                        a is null ? "no" : "yes", a?.Given ?? "", a is null ? "" : a.Correct ? "yes" : "no",
                        a is null ? "" : (a.ElapsedMs / 1000.0).ToString("0.000", CultureInfo.InvariantCulture),
                        Invariant(a?.Points ?? 0), Invariant(a?.StreakBonus ?? 0),
                    ]);
                }
            }
        }
        var name = $"steppe-live-{game.Id}-{new DateTimeOffset(game.CreatedAtTicks, TimeSpan.Zero):yyyy-MM-dd}.csv";
        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", name);
    }

    private static string Invariant(long n) => n.ToString(CultureInfo.InvariantCulture);

    internal static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(long id, ClaimsPrincipal user, AppDbContext db, GameRegistry registry, CancellationToken ct)
    {
        var hostId = user.UserId();
        var game = await db.LiveGames.SingleOrDefaultAsync(g => g.Id == id && g.HostUserId == hostId, ct);
        if (game is null)
        {
            return TypedResults.NotFound();
        }
        if (game.EndedAtTicks is null && registry.IsLive(id))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The game is still open",
                detail: "End the game before deleting its results.");
        }
        db.LiveGames.Remove(game);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>The questions this player missed (wrong or not answered) become new cards in their own deck of
    /// the game's bank; ones already there are left as they are.</summary>
    internal static async Task<Results<Ok<KeptMissed>, NotFound, ProblemHttpResult>> KeepMissed(long id, KeepMissedRequest request, ClaimsPrincipal user,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var userId = user.UserId();
        if (string.IsNullOrWhiteSpace(request.RejoinToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No player named",
                detail: "rejoinToken: the token this browser kept when it joined the game is required.");
        }
        var hash = LiveResults.Hash(request.RejoinToken);
        var player = await db.LivePlayers.SingleOrDefaultAsync(p => p.GameId == id && p.RejoinTokenHash == hash, ct);
        var game = await db.LiveGames.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct);
        if (player is null || game is null)
        {
            return TypedResults.NotFound();
        }
        if (player.UserId is { } owner && owner != userId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Another account's results",
                detail: "These results were kept by another account.");
        }
        if (game.EndedAtTicks is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The game is not over",
                detail: "Keep the questions you missed when the game has ended.");
        }
        var bank = await db.Banks.AsNoTracking().Where(b => b.Id == game.BankId).Select(b => new { b.Id, b.Title }).SingleOrDefaultAsync(ct);
        if (bank is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The bank is gone",
                detail: $"The bank '{game.BankTitle}' of this game is no longer on this server.");
        }
        var right = (await db.LiveAnswers.AsNoTracking().Where(a => a.GameId == id && a.PlayerNumber == player.Number && a.Correct)
            .Select(a => a.QuestionPosition).ToListAsync(ct)).ToHashSet();
        var present = (await db.Questions.AsNoTracking().Where(q => q.BankId == bank.Id).Select(q => q.Id).ToListAsync(ct)).ToHashSet();
        var missed = await db.LiveQuestions.AsNoTracking().Where(q => q.GameId == id && q.Position < game.QuestionsAsked).OrderBy(q => q.Position)
            .Select(q => new { q.Position, q.QuestionId }).ToListAsync(ct);
        var ids = missed.Where(q => !right.Contains(q.Position) && present.Contains(q.QuestionId)).Select(q => q.QuestionId).Distinct().ToList();
        player.UserId = userId;
        await db.SaveChangesAsync(ct);
        if (ids.Count == 0)
        {
            return TypedResults.Ok(new KeptMissed(0, 0, 0, bank.Title));
        }
        var (deck, added) = await StudyApi.AddToDeckAsync(db, userId, bank.Id, bank.Title, ids, clock.GetUtcNow(), ct);
        return TypedResults.Ok(new KeptMissed(ids.Count, added, deck.Id, deck.Title));
    }
}
