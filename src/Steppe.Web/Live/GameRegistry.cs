using System.Collections.Concurrent;
using System.Security.Cryptography;
using Steppe.Domain.Banks;
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

    public string PlayersGroup => $"live:{Pin}:players";
    public string HostGroup => $"live:{Pin}:host";
}

/// <summary>The games in progress, by PIN (six digits, random, never two alive at once). Kept in memory: a game
/// lives as long as the process; results are stored when it ends (see the live-quiz issue).</summary>
public sealed class GameRegistry
{
    private readonly ConcurrentDictionary<string, HostedGame> _games = new(StringComparer.Ordinal);

    public HostedGame Create(string hostUserId, string bankTitle, GameSettings settings, IReadOnlyList<Question> questions)
    {
        var game = new LiveGame(settings, questions);
        while (true)
        {
            var pin = RandomNumberGenerator.GetInt32(100_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var hosted = new HostedGame(pin, hostUserId, bankTitle, game);
            if (_games.TryAdd(pin, hosted))
            {
                return hosted;
            }
        }
    }

    public HostedGame? Find(string? pin) => pin is not null && _games.TryGetValue(pin.Trim(), out var g) ? g : null;

    public IEnumerable<HostedGame> Running => _games.Values.Where(g => g.Game.Phase is GamePhase.Reading or GamePhase.Open);

    /// <summary>A fresh secret for a player's browser: 128 random bits, URL-safe.</summary>
    public static string NewRejoinToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
