using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Steppe.Web.Accounts;

/// <summary>Wrong passwords are counted per typed e-mail address and client network address, whether or not an
/// account has that address: after <see cref="AccountsOptions.FailuresBeforeLock"/> within 15 minutes, that address
/// is refused from that network for 15 minutes. An attacker therefore locks out only themselves, and an unknown
/// address locks exactly as a real one does. Across all networks an address may fail at most
/// <see cref="AccountsOptions.FailuresPerAddressPerHour"/> times an hour (ASVS 2.2.1), which only an attacker with
/// many networks can reach.</summary>
public sealed class SignInThrottle(IOptions<AccountsOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan LockTime = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan AddressWindow = TimeSpan.FromHours(1);

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start = start;
        public int Failures;
        public DateTimeOffset? LockedUntil;
    }

    private readonly ConcurrentDictionary<string, Window> _pairs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Window> _addresses = new(StringComparer.Ordinal);
    private DateTimeOffset _swept = clock.GetUtcNow();

    /// <summary>Whether sign-in with this address from this network is refused now.</summary>
    public bool IsLocked(string email, string network)
    {
        var now = clock.GetUtcNow();
        Sweep(now);
        return Locked(_pairs, PairKey(email, network), now) || Locked(_addresses, AddressKey(email), now);
    }

    /// <summary>Counts a wrong password (or an unknown address).</summary>
    public void Failed(string email, string network)
    {
        var now = clock.GetUtcNow();
        Count(_pairs, PairKey(email, network), now, LockTime, options.Value.FailuresBeforeLock, LockTime);
        Count(_addresses, AddressKey(email), now, AddressWindow, options.Value.FailuresPerAddressPerHour, AddressWindow);
    }

    /// <summary>A right password from this network clears its count.</summary>
    public void Succeeded(string email, string network) => _pairs.TryRemove(PairKey(email, network), out _);

    private static bool Locked(ConcurrentDictionary<string, Window> windows, string key, DateTimeOffset now)
    {
        if (!windows.TryGetValue(key, out var w))
        {
            return false;
        }
        lock (w)
        {
            return w.LockedUntil > now;
        }
    }

    private static void Count(ConcurrentDictionary<string, Window> windows, string key, DateTimeOffset now, TimeSpan window, int limit, TimeSpan lockFor)
    {
        var w = windows.GetOrAdd(key, _ => new Window(now));
        lock (w)
        {
            var lockOver = w.LockedUntil is not { } until || until <= now;
            if (lockOver && (now - w.Start > window || w.LockedUntil is not null))
            {
                (w.Start, w.Failures, w.LockedUntil) = (now, 0, null);
            }
            if (++w.Failures >= limit && w.LockedUntil is null)
            {
                w.LockedUntil = now + lockFor;
            }
        }
    }

    /// <summary>Forgets windows that ended, once a minute, so that memory does not grow with every address tried.</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (now - _swept < TimeSpan.FromMinutes(1))
        {
            return;
        }
        _swept = now;
        foreach (var (windows, span) in new[] { (_pairs, LockTime), (_addresses, AddressWindow) })
        {
            foreach (var (key, w) in windows)
            {
                if (now - w.Start > span + span)
                {
                    windows.TryRemove(key, out _);
                }
            }
        }
    }

    private static string AddressKey(string email) => email.Trim().ToUpperInvariant();

    private static string PairKey(string email, string network) => AddressKey(email) + "\n" + network;
}
