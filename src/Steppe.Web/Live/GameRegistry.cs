using System.Collections.Concurrent;
using System.Security.Cryptography;
using Steppe.Domain.Banks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Steppe.Domain.Live;

namespace Steppe.Web.Live;

/// <summary>A game being played: the pure <see cref="LiveGame"/> plus who hosts it and which connection is
/// which player. Every change to the game happens under <see cref="Gate"/>.</summary>
public sealed class HostedGame(string pin, string hostUserId, string bankTitle, LiveGame game)
{
    public string Pin { get; } = pin;
    public string HostUserId { get; } = hostUserId;
    public string BankTitle { get; } = bankTitle;
    public LiveGame Game { get; } = game;
    public object Gate { get; } = new();

    /// <summary>Connection id → player id.</summary>
    public ConcurrentDictionary<string, int> Connections { get; } = new(StringComparer.Ordinal);

    /// <summary>The stored game's id (see <see cref="LiveResults"/>).</summary>
    public long GameId { get; set; }

    /// <summary>Set when a player joins; the clock then sends the host the lobby (coalesced, so that a class
    /// of thousands joining does not send the whole list thousands of times).</summary>
    public bool LobbyChanged { get => Volatile.Read(ref _lobbyChanged); set => Volatile.Write(ref _lobbyChanged, value); }
    private bool _lobbyChanged;

    /// <summary>Player id → account id, for players who joined signed in.</summary>
    public ConcurrentDictionary<int, string> PlayerUsers { get; } = new();

    /// <summary>Players and answers already handed to <see cref="LiveResults"/> (under <see cref="Gate"/>).</summary>
    public int SavedPlayers { get; set; }
    public int SavedAnswers { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    private readonly Dictionary<int, IReadOnlyList<string>> _items = [];
    private Task _outbox = Task.CompletedTask;

    /// <summary>Queues a send to this game's screens. Call under <see cref="Gate"/>, right after the change it
    /// announces: sends go out one after another in the order of the changes (a reveal always before the next
    /// question), and none holds the lock while thousands of messages go out. The send logs its own failures.</summary>
    public Task Post(Func<Task> send) =>
        _outbox = _outbox.ContinueWith(_ => send(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();

    /// <summary>An ordering question's items as every screen shows them: shuffled once per question (never in the
    /// answer's order), so a phone that rejoins sees the same list. Call under <see cref="Gate"/>.</summary>
    public IReadOnlyList<string> ItemsFor(int index, IReadOnlyList<string> answer)
    {
        if (!_items.TryGetValue(index, out var items))
        {
            var shuffled = answer.ToArray();
            Random.Shared.Shuffle(shuffled);
            if (shuffled.Length > 1 && shuffled.SequenceEqual(answer))
            {
                (shuffled[0], shuffled[^1]) = (shuffled[^1], shuffled[0]);
            }
            _items[index] = items = shuffled;
        }
        return items;
    }

    public string PlayersGroup => $"live:{Pin}:players";
    public string HostGroup => $"live:{Pin}:host";
}

/// <summary>The games in progress, by PIN (six digits, random, never two alive at once). Kept in memory: a game
/// stays here while it is played and a while after; its results are stored as it goes (<see cref="LiveResults"/>).
/// Bounded: a host may keep <see cref="LiveOptions.OpenGamesPerHost"/> games open, the server
/// <see cref="LiveOptions.MaxGames"/>, and a PIN is looked for a bounded number of times.</summary>
public sealed class GameRegistry(IOptions<LiveOptions>? options = null, Func<string>? nextPin = null)
{
    private readonly ConcurrentDictionary<string, HostedGame> _games = new(StringComparer.Ordinal);
    private readonly LiveOptions _limits = options?.Value ?? new LiveOptions();
    private readonly Func<string> _nextPin = nextPin ?? (() => RandomNumberGenerator.GetInt32(100_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
    private readonly Lock _creating = new();
    private TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Random PINs tried before giving up; with at most <see cref="LiveOptions.MaxGames"/> of 900,000 taken,
    /// 50 misses in a row do not happen by chance.</summary>
    public const int PinTries = 50;

    /// <summary>How long a finished game stays reachable (host reload, late phones) before it is forgotten; its
    /// results are stored.</summary>
    public static readonly TimeSpan KeepEnded = TimeSpan.FromMinutes(30);

    /// <summary>A game never started (a lobby left open) is forgotten after this long.</summary>
    public static readonly TimeSpan KeepUnstarted = TimeSpan.FromHours(1);

    /// <summary>A game never finished is forgotten after this long: a lesson is over by then.</summary>
    public static readonly TimeSpan KeepAny = TimeSpan.FromHours(4);

    /// <summary>Why the host may not open another game now, or null.</summary>
    public string? Refusal(string hostUserId)
    {
        var open = _games.Values.Count(g => g.HostUserId == hostUserId && g.EndedAt is null);
        if (open >= _limits.OpenGamesPerHost)
        {
            return $"You have {open} games open, the most a host may have ({_limits.OpenGamesPerHost}): end one first. A game never started closes by itself after {KeepUnstarted.TotalHours:0} hour.";
        }
        return _games.Count >= _limits.MaxGames
            ? $"This server has {_games.Count} games open, the most it keeps ({_limits.MaxGames}); try again later."
            : null;
    }

    /// <summary>A new game under a free PIN; a <see cref="HubException"/> says why there is none.</summary>
    public HostedGame Create(string hostUserId, string bankTitle, GameSettings settings, IReadOnlyList<Question> questions, DateTimeOffset now)
    {
        lock (_creating) // the limits are checked and the game added as one step
        {
            if (Refusal(hostUserId) is { } refusal)
            {
                throw new HubException(refusal);
            }
            var game = new LiveGame(settings, questions);
            for (var tries = 0; tries < PinTries; tries++)
            {
                var hosted = new HostedGame(_nextPin(), hostUserId, bankTitle, game) { CreatedAt = now };
                if (_games.TryAdd(hosted.Pin, hosted))
                {
                    _opened.TrySetResult(); // under the same lock as WhenAnyGameAsync: the clock wakes
                    return hosted;
                }
            }
            throw new HubException("No free PIN was found for a new game; try again in a minute.");
        }
    }

    public HostedGame? Find(string? pin) => pin is not null && _games.TryGetValue(pin.Trim(), out var g) ? g : null;

    /// <summary>Forgets games ended more than <see cref="KeepEnded"/> ago, never started after <see cref="KeepUnstarted"/>,
    /// or made more than <see cref="KeepAny"/> ago, so their PINs can be used again and memory does not grow with
    /// every game played.</summary>
    public int Sweep(DateTimeOffset now)
    {
        var removed = 0;
        foreach (var (pin, hosted) in _games)
        {
            if ((hosted.EndedAt is { } ended && now - ended > KeepEnded) || now - hosted.CreatedAt > KeepAny
                || (hosted.StartedAt is null && hosted.EndedAt is null && now - hosted.CreatedAt > KeepUnstarted))
            {
                removed += _games.TryRemove(pin, out _) ? 1 : 0;
            }
        }
        return removed;
    }

    public int Count => _games.Count;

    /// <summary>Done when the server holds a game (at once if it does): <see cref="LiveClock"/> sleeps until then.</summary>
    public Task WhenAnyGameAsync(CancellationToken ct)
    {
        lock (_creating)
        {
            if (!_games.IsEmpty)
            {
                return Task.CompletedTask;
            }
            if (_opened.Task.IsCompleted)
            {
                _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            return _opened.Task.WaitAsync(ct);
        }
    }

    public void Remove(string pin) => _games.TryRemove(pin, out _);

    /// <summary>Whether this server still holds the game with this stored id.</summary>
    public bool IsLive(long gameId) => _games.Values.Any(g => g.GameId == gameId);

    public IEnumerable<HostedGame> All => _games.Values;

    public IEnumerable<HostedGame> Running => _games.Values.Where(g => g.Game.Phase is GamePhase.Reading or GamePhase.Open);

    /// <summary>A fresh secret for a player's browser: 128 random bits, URL-safe.</summary>
    public static string NewRejoinToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
