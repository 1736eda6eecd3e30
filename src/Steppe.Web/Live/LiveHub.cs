using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Steppe.Domain.Banks;
using Steppe.Domain.Live;
using Steppe.Web.Accounts;
using Steppe.Web.Banks;
using Steppe.Web.Data;

namespace Steppe.Web.Live;

/// <summary>A new game: all of a bank's questions, those of chosen themes, or a picked list (in that order);
/// shuffled if asked.</summary>
public sealed record CreateGameRequest(string BankId, int? SecondsPerQuestion, int? PointsPerQuestion, bool? SpeedScoring, bool? StreakBonus,
    int? ReadingSeconds = null, IReadOnlyList<string>? Themes = null, IReadOnlyList<string>? QuestionIds = null, bool Shuffle = false);

public sealed record GameCreated(string Pin, string BankTitle, int Questions, long GameId);

public sealed record Joined(int PlayerId, string Nickname, string RejoinToken, int Score);

/// <summary>An answer's acknowledgement: only whether it was taken (Accepted, AlreadyAnswered, NotOpen, TooLate,
/// UnknownPlayer), never anything that depends on whether it was right; the player learns that from the reveal.</summary>
public sealed record AnswerAck(string Status);

/// <summary>What players see of a question: never its answer or explanation before the reveal. <see cref="Image"/>
/// and <see cref="ChoiceImages"/> (one per choice, null where a choice has none) are the question's pictures.</summary>
public sealed record QuestionShown(int Index, int Count, string Type, string Prompt, IReadOnlyList<string>? Choices, IReadOnlyList<string>? Items,
    string? Unit, DateTimeOffset OpensAt, DateTimeOffset Deadline, int Points, bool Open,
    Steppe.Web.Media.PictureShown? Image = null, IReadOnlyList<Steppe.Web.Media.PictureShown?>? ChoiceImages = null);

public sealed record LeaderRow(int Rank, string Nickname, int Score);

public sealed record Revealed(int Index, string Answer, string? Explanation, IReadOnlyDictionary<string, int> Distribution, IReadOnlyList<LeaderRow> Top);

public sealed record GameEnded(long GameId, IReadOnlyList<LeaderRow> Podium, int Players);

/// <summary>A question a player missed (wrong or unanswered), for the end-of-game summary.</summary>
public sealed record Missed(int Index, string Prompt, string Answer, string? Given);

/// <summary>Each player's own end of game: place, score, how many right, and what they missed.</summary>
public sealed record PlayerSummary(long GameId, int Rank, int Players, int Score, int Correct, int Asked, IReadOnlyList<Missed> Missed);

public sealed record PauseState(bool Paused, DateTimeOffset? OpensAt, DateTimeOffset? Deadline);

/// <summary>The live quiz hub (/hubs/live). Players are anonymous; host methods need a signed-in user and check
/// that the caller hosts this game. The server's clock times everything; client times are never read.
/// Games are stored as they are played (<see cref="LiveResults"/>).</summary>
public sealed class LiveHub(GameRegistry games, AppDbContext db, TimeProvider clock, LiveResults results, IHubContext<LiveHub> hub,
    Microsoft.Extensions.Options.IOptions<LiveOptions> limits, ILogger<LiveHub> log) : Hub
{
    [Authorize]
    public async Task<GameCreated> CreateGame(CreateGameRequest request)
    {
        // The cheap refusals first: a flood of games is turned away before any bank is read.
        if (games.Refusal(HostId()) is { } refusal)
        {
            throw new HubException(refusal);
        }
        // A host plays the banks listed for them: samples, public banks and their own (a bank shared by link is copied first).
        var count = await db.Banks.AsNoTracking().ListedFor(HostId()).Where(b => b.Id == request.BankId).Select(b => (int?)b.QuestionCount).SingleOrDefaultAsync()
            ?? throw new HubException($"There is no bank '{request.BankId}'.");
        if (request.Themes is not { Count: > 0 } && request.QuestionIds is not { Count: > 0 } && count > limits.Value.MaxQuestionsPerGame)
        {
            throw new HubException(TooMany(count));
        }
        var content = await db.Banks.AsNoTracking().Where(b => b.Id == request.BankId).Select(b => new { b.Id, b.Title, b.Contents!.Content }).SingleOrDefaultAsync()
            ?? throw new HubException($"There is no bank '{request.BankId}'.");
        var bank = BankReader.Read(content.Content).Bank ?? throw new HubException("That bank cannot be read.");
        var settings = new GameSettings
        {
            SecondsPerQuestion = request.SecondsPerQuestion ?? 20,
            PointsPerQuestion = request.PointsPerQuestion ?? 1000,
            ReadingDelay = TimeSpan.FromSeconds(request.ReadingSeconds ?? 0),
            Scoring = new ScoringRules { SpeedScoring = request.SpeedScoring ?? true, StreakBonus = request.StreakBonus ?? true },
        };
        if (settings.Problem() is { } problem)
        {
            throw new HubException(problem);
        }
        var (questions, error) = GameQuestions.Choose(bank.Questions, request.Themes, request.QuestionIds, request.Shuffle, Random.Shared);
        if (questions is null)
        {
            throw new HubException(error);
        }
        if (questions.Count > limits.Value.MaxQuestionsPerGame)
        {
            throw new HubException(TooMany(questions.Count)); // the game keeps its questions, never the rest of a huge bank
        }
        var now = clock.GetUtcNow();
        var hosted = games.Create(HostId(), content.Title, settings, questions, now);
        try
        {
            hosted.GameId = await LiveResults.CreateAsync(db, hosted, content.Id, now, Context.ConnectionAborted);
        }
        catch
        {
            games.Remove(hosted.Pin); // a game whose results cannot be kept is not opened
            throw;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, hosted.HostGroup);
        return new GameCreated(hosted.Pin, content.Title, questions.Count, hosted.GameId);
    }

    private string TooMany(int count) =>
        $"A game asks at most {limits.Value.MaxQuestionsPerGame} questions, and this choice has {count:N0}: pick themes or questions.";

    [Authorize]
    public async Task Start(string pin) => await Advance(pin, (g, now) => g.Start(now));

    /// <summary>Every screen's countdown stops and starts with the server's: the new times are sent.</summary>
    [Authorize]
    public async Task Pause(string pin) => await HostStep(pin, (g, now) => g.Pause(now), QueuePaused).Sent;

    [Authorize]
    public async Task Resume(string pin) => await HostStep(pin, (g, now) => g.Resume(now), QueuePaused).Sent;

    private Task QueuePaused(HostedGame hosted)
    {
        var state = new PauseState(hosted.Game.Paused, hosted.Game.OpensAt, hosted.Game.Deadline);
        return Queue(hosted, log, "paused", () => hub.Clients.Groups(hosted.PlayersGroup, hosted.HostGroup).SendAsync("paused", state));
    }

    [Authorize]
    public async Task Next(string pin) => await Advance(pin, (g, now) => g.Next(now));

    [Authorize]
    public async Task Skip(string pin) => await Advance(pin, (g, now) => g.Skip(now));

    [Authorize]
    public async Task End(string pin) => await Advance(pin, (g, _) => { g.End(); return true; });

    [Authorize]
    public async Task Lock(string pin, bool locked)
    {
        var hosted = HostStep(pin, (g, _) => { g.LockLobby(locked); return true; }).Hosted;
        await Clients.Group(hosted.HostGroup).SendAsync("lobby", LobbyNow(hosted));
    }

    [Authorize]
    public async Task Kick(string pin, int playerId)
    {
        var hosted = HostStep(pin, (g, _) => g.Kick(playerId)).Hosted;
        hosted.LobbyChanged = true; // the projector's list drops the name
        foreach (var (connection, _) in hosted.Connections.Where(c => c.Value == playerId).ToList())
        {
            hosted.Connections.TryRemove(connection, out _);
            await Groups.RemoveFromGroupAsync(connection, hosted.PlayersGroup);
            await Clients.Client(connection).SendAsync("kicked");
        }
    }

    /// <summary>The host's page (again, after a reload): joins the host's group and gets the whole state.</summary>
    [Authorize]
    public async Task<object> Watch(string pin)
    {
        var hosted = HostedBy(pin);
        await Groups.AddToGroupAsync(Context.ConnectionId, hosted.HostGroup);
        lock (hosted.Gate)
        {
            var g = hosted.Game;
            return new
            {
                pin = hosted.Pin, gameId = hosted.GameId, bankTitle = hosted.BankTitle, phase = g.Phase.ToString().ToLowerInvariant(), paused = g.Paused, locked = g.LobbyLocked,
                lobby = Lobby(hosted), question = g.Current is null || g.Phase == GamePhase.Ended ? null : Shown(hosted),
                answered = g.Phase is GamePhase.Open or GamePhase.Reading ? g.AnsweredCount : 0,
                podium = g.Phase == GamePhase.Ended ? Top(g, 3) : null,
            };
        }
    }

    /// <summary>Nickname suggestions free in this game.</summary>
    public string Suggest(string pin)
    {
        var hosted = Game(pin);
        lock (hosted.Gate)
        {
            return Nickname.Suggest(Random.Shared, hosted.Game.IsTaken);
        }
    }

    /// <summary>A player coming back (phone slept, network dropped) with the token from their first join:
    /// same nickname, score and streak. A token that is not this game's, or a kicked player's, is refused.</summary>
    public async Task<Joined> Rejoin(string pin, string rejoinToken)
    {
        var hosted = Game(pin);
        LivePlayer? player;
        lock (hosted.Gate)
        {
            player = hosted.Game.Rejoin(rejoinToken ?? "");
        }
        if (player is null)
        {
            throw new HubException("That player cannot rejoin this game; join again with a nickname.");
        }
        // The player's other tab or device is told it was replaced, and hears nothing more of this game.
        foreach (var stale in hosted.Connections.Where(c => c.Value == player.Id && c.Key != Context.ConnectionId).Select(c => c.Key).ToList())
        {
            hosted.Connections.TryRemove(stale, out _);
            await Groups.RemoveFromGroupAsync(stale, hosted.PlayersGroup);
            await Clients.Client(stale).SendAsync("replaced", "You joined this game from another tab or device; this one has left it.");
        }
        hosted.Connections[Context.ConnectionId] = player.Id;
        await Groups.AddToGroupAsync(Context.ConnectionId, hosted.PlayersGroup);
        QuestionShown? shown;
        (GameEnded Ended, Dictionary<int, PlayerSummary> Summaries)? ending = null;
        lock (hosted.Gate)
        {
            shown = hosted.Game.Phase is GamePhase.Reading or GamePhase.Open ? Shown(hosted) : null;
            if (hosted.Game.Phase == GamePhase.Ended)
            {
                ending = Ending(hosted, player.Id); // the phone slept through the end
            }
        }
        if (shown is not null)
        {
            await Clients.Caller.SendAsync("question", shown);
        }
        if (ending is { } e)
        {
            await Clients.Caller.SendAsync("ended", e.Ended);
            if (e.Summaries.TryGetValue(player.Id, out var summary))
            {
                await Clients.Caller.SendAsync("summary", summary);
            }
        }
        return new Joined(player.Id, player.Nickname, player.RejoinToken, hosted.Game.ScoreShown(player));
    }

    public async Task<Joined> Join(string pin, string nickname)
    {
        var hosted = Game(pin);
        JoinOutcome outcome;
        var userId = Context.User.UserIdOrNull();
        lock (hosted.Gate)
        {
            outcome = hosted.Game.Join(nickname, GameRegistry.NewRejoinToken());
            if (outcome.Player is { } joined && userId is not null)
            {
                hosted.PlayerUsers[joined.Id] = userId; // before any reveal stores the player: a signed-in player keeps what they missed
            }
        }
        if (outcome.Player is not { } player)
        {
            throw new HubException(outcome.Error);
        }
        hosted.Connections[Context.ConnectionId] = player.Id;
        await Groups.AddToGroupAsync(Context.ConnectionId, hosted.PlayersGroup);
        hosted.LobbyChanged = true; // the clock sends the host the list, at most five times a second
        return new Joined(player.Id, player.Nickname, player.RejoinToken, hosted.Game.ScoreShown(player));
    }

    public async Task<AnswerAck> Answer(string pin, GivenAnswer given)
    {
        if (given is null || (given.Text is null && given.Choice is null && given.Order is null))
        {
            throw new HubException("Send an answer: a text, true or false, or the items in order.");
        }
        var hosted = Game(pin);
        if (!hosted.Connections.TryGetValue(Context.ConnectionId, out var playerId))
        {
            throw new HubException("Join the game first.");
        }
        AnswerOutcome outcome;
        int answered, players;
        lock (hosted.Gate) // everything read under the one lock, once
        {
            var game = hosted.Game;
            var before = game.Phase;
            outcome = game.Answer(playerId, given, clock.GetUtcNow());
            (answered, players) = (game.AnsweredCount, game.ActiveCount);
            if (before != GamePhase.Revealed && game.Phase == GamePhase.Revealed)
            {
                // This answer closed the question (the last player, or the deadline passed): the reveal is queued,
                // and this player's acknowledgement does not wait for thousands of messages to go out.
                _ = QueueReveal(hub.Clients, hosted, results, log);
            }
        }
        if (outcome.Status == AnswerStatus.Accepted)
        {
            await Clients.Group(hosted.HostGroup).SendAsync("answers", answered, players);
        }
        return new AnswerAck(outcome.Status.ToString());
    }

    /// <summary>A host's change to the game, after checking that the caller hosts it; refused when the game is
    /// not in a phase that allows it. <paramref name="announce"/> queues, under the same lock, what the screens
    /// are told of the change.</summary>
    private (HostedGame Hosted, Task Sent) HostStep(string pin, Func<LiveGame, DateTimeOffset, bool> step, Func<HostedGame, Task>? announce = null)
    {
        var hosted = HostedBy(pin);
        lock (hosted.Gate)
        {
            if (!step(hosted.Game, clock.GetUtcNow()))
            {
                throw new HubException($"Not now: the game is in its {hosted.Game.Phase.ToString().ToLowerInvariant()} phase.");
            }
            return (hosted, announce?.Invoke(hosted) ?? Task.CompletedTask);
        }
    }

    /// <summary>A host's step that moves the game on, then tells everyone where it now stands: a new question,
    /// the reveal, or the end. Returns when that is sent.</summary>
    private async Task Advance(string pin, Func<LiveGame, DateTimeOffset, bool> step) =>
        await HostStep(pin, step, hosted =>
        {
            var now = clock.GetUtcNow();
            hosted.StartedAt ??= now;
            switch (hosted.Game.Phase)
            {
                case GamePhase.Revealed:
                    return QueueReveal(hub.Clients, hosted, results, log);
                case GamePhase.Ended:
                    return QueueEnd(hub.Clients, hosted, results, now, log);
                default:
                    var shown = Shown(hosted);
                    return Queue(hosted, log, "question", () => hub.Clients.Groups(hosted.PlayersGroup, hosted.HostGroup).SendAsync("question", shown));
            }
        }).Sent;

    /// <summary>Queues a send (see <see cref="HostedGame.Post"/>); a failure is logged, never thrown at the
    /// caller, and the game goes on.</summary>
    internal static Task Queue(HostedGame hosted, ILogger log, string what, Func<Task> send) => hosted.Post(async () =>
    {
        try
        {
            await send();
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Game {Pin}: the {Message} message could not be sent", hosted.Pin, what);
        }
    });

    private HostedGame Game(string pin) => games.Find(pin) ?? throw new HubException("No game has that PIN.");

    /// <summary>The game, when the caller hosts it.</summary>
    private HostedGame HostedBy(string pin)
    {
        var hosted = Game(pin);
        return hosted.HostUserId == HostId() ? hosted : throw new HubException("Only this game's host can do that.");
    }

    private string HostId() => Context.User.UserIdOrNull() ?? throw new HubException("Sign in to host a game.");

    internal static object LobbyNow(HostedGame hosted)
    {
        lock (hosted.Gate)
        {
            return Lobby(hosted);
        }
    }

    private static object Lobby(HostedGame hosted) =>
        new { players = hosted.Game.ActivePlayers.Select(p => new { p.Id, p.Nickname }).ToList(), locked = hosted.Game.LobbyLocked };

    internal static QuestionShown Shown(HostedGame hosted)
    {
        var g = hosted.Game;
        var q = g.Current!;
        return new QuestionShown(g.QuestionIndex, g.Questions.Count, q.Type.ToString(), q.Prompt,
            (q as MultipleChoiceQuestion)?.Choices,
            q is OrderingQuestion o ? hosted.ItemsFor(g.QuestionIndex, o.Answer) : null,
            (q as NumericQuestion)?.Unit, g.OpensAt!.Value, g.Deadline!.Value, g.PointsFor(q), g.Phase == GamePhase.Open,
            Steppe.Web.Media.PictureShown.Of(q.Image), (q as MultipleChoiceQuestion)?.ChoiceImages?.Select(Steppe.Web.Media.PictureShown.Of).ToList());
    }

    /// <summary>The reveal to everyone, then each player's own result and place; the question's answers are
    /// queued for storing. Call under the game's lock, when the question has just closed.</summary>
    internal static Task QueueReveal(IHubClients<IClientProxy> clients, HostedGame hosted, LiveResults results, ILogger log)
    {
        var g = hosted.Game;
        var q = g.Current!;
        var message = new Revealed(g.QuestionIndex, q.AnswerText, q.Explanation, g.Distribution(g.QuestionIndex), Top(g, 5));
        var answers = g.Answers.Where(a => a.QuestionIndex == g.QuestionIndex).ToDictionary(a => a.PlayerId);
        var own = g.Leaderboard().ToDictionary(r => r.Player.Id, r => (object)new
        {
            rank = r.Rank, score = r.Player.Score, streak = r.Player.Streak,
            answered = answers.ContainsKey(r.Player.Id), correct = answers.TryGetValue(r.Player.Id, out var a) && a.Correct,
            points = answers.TryGetValue(r.Player.Id, out var b) ? b.Score.Total : 0,
        });
        var batch = LiveResults.Unsaved(hosted);
        _ = results.SaveAsync(batch).ContinueWith(t => log.LogError(t.Exception, "Game {Pin}: answers not stored", hosted.Pin), TaskContinuationOptions.OnlyOnFaulted);
        return Queue(hosted, log, "reveal", async () =>
        {
            await clients.Groups(hosted.PlayersGroup, hosted.HostGroup).SendAsync("reveal", message);
            foreach (var (connection, playerId) in hosted.Connections)
            {
                if (own.TryGetValue(playerId, out var result))
                {
                    await clients.Client(connection).SendAsync("you", result);
                }
            }
        });
    }

    /// <summary>The end: the results are stored first (so a player can keep what they missed at once), then the
    /// podium to everyone and each player's own summary. Call under the game's lock.</summary>
    internal static Task QueueEnd(IHubClients<IClientProxy> clients, HostedGame hosted, LiveResults results, DateTimeOffset now, ILogger log)
    {
        hosted.EndedAt ??= now;
        var (ended, summaries) = Ending(hosted);
        var batch = LiveResults.Unsaved(hosted);
        return Queue(hosted, log, "ended", async () =>
        {
            try
            {
                await results.SaveAsync(batch);
            }
            catch (Exception e)
            {
                log.LogError(e, "Game {Pin}: results not stored", hosted.Pin);
            }
            await clients.Groups(hosted.PlayersGroup, hosted.HostGroup).SendAsync("ended", ended);
            foreach (var (connection, playerId) in hosted.Connections)
            {
                if (summaries.TryGetValue(playerId, out var summary))
                {
                    await clients.Client(connection).SendAsync("summary", summary);
                }
            }
        });
    }

    /// <summary>The podium and the summary of every player (or of one). Call under the game's lock.</summary>
    private static (GameEnded Ended, Dictionary<int, PlayerSummary> Summaries) Ending(HostedGame hosted, int? onlyPlayer = null)
    {
        var g = hosted.Game;
        var board = g.Leaderboard();
        var asked = Math.Min(g.QuestionIndex + 1, g.Questions.Count);
        var byPlayer = g.Answers.ToLookup(a => a.PlayerId);
        var summaries = board.Where(r => onlyPlayer is null || r.Player.Id == onlyPlayer).ToDictionary(r => r.Player.Id, r =>
        {
            var mine = byPlayer[r.Player.Id].ToDictionary(a => a.QuestionIndex);
            var missed = Enumerable.Range(0, asked)
                .Where(i => !(mine.TryGetValue(i, out var a) && a.Correct))
                .Select(i => new Missed(i, g.Questions[i].Prompt, g.Questions[i].AnswerText, mine.TryGetValue(i, out var a) ? a.Given.Shown() : null))
                .ToList();
            return new PlayerSummary(hosted.GameId, r.Rank, board.Count, r.Player.Score, mine.Values.Count(a => a.Correct), asked, missed);
        });
        return (new GameEnded(hosted.GameId, Top(g, 3), board.Count), summaries);
    }

    private static List<LeaderRow> Top(LiveGame game, int n) =>
        game.Leaderboard().Take(n).Select(r => new LeaderRow(r.Rank, r.Player.Nickname, r.Player.Score)).ToList();
}
