using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;

namespace Steppe.Web.Live;

/// <summary>Settings of the "Live" section.</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>Hub calls a connection may make in a burst; more than that, faster than
    /// <see cref="CallsPerSecond"/> refills it, and the connection is closed (the game goes on).</summary>
    [Range(1, 10_000)]
    public int CallBurst { get; set; } = 60;

    [Range(1, 10_000)]
    public int CallsPerSecond { get; set; } = 20;

    /// <summary>Joins (and rejoins, name suggestions) per client address per minute. A whole class behind one
    /// school address must fit.</summary>
    [Range(1, 1_000_000)]
    public int JoinsPerMinutePerAddress { get; set; } = 300;

    /// <summary>Games one host may have open (not ended) at once.</summary>
    [Range(1, 1_000)]
    public int OpenGamesPerHost { get; set; } = 5;

    /// <summary>Games the server keeps open at once, all hosts together.</summary>
    [Range(1, 100_000)]
    public int MaxGames { get; set; } = 1_000;

    /// <summary>Questions one game may ask: a game of a huge bank picks themes or questions.</summary>
    [Range(1, 10_000)]
    public int MaxQuestionsPerGame { get; set; } = 300;

    /// <summary>The address players open to join (e.g. "http://quiz.school.example" behind a proxy), shown on the
    /// projector and in its QR code; when empty, Steppe works it out (<see cref="JoinAddress"/>).</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>Rate limits on the live hub: a token bucket per connection for every call, and a per-address
/// window for joining.</summary>
public sealed class LiveLimits(Microsoft.Extensions.Options.IOptions<LiveOptions> options, ILogger<LiveLimits> log) : IHubFilter, IDisposable
{
    private static readonly object BucketKey = new();
    private static readonly HashSet<string> JoinMethods = [nameof(LiveHub.Join), nameof(LiveHub.Rejoin), nameof(LiveHub.Suggest)];

    private readonly PartitionedRateLimiter<string> _joins = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.JoinsPerMinutePerAddress, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var hub = context.Context;
        var bucket = (TokenBucketRateLimiter)hub.Items[BucketKey]!;
        using (var lease = bucket.AttemptAcquire())
        {
            if (!lease.IsAcquired)
            {
                log.LogWarning("Live hub: connection {Connection} exceeded {Burst} calls and was closed", hub.ConnectionId, options.Value.CallBurst);
                hub.Abort();
                throw new HubException("Too many messages; this connection is closed.");
            }
        }
        if (JoinMethods.Contains(context.HubMethodName))
        {
            var address = hub.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            using var lease = _joins.AttemptAcquire(address);
            if (!lease.IsAcquired)
            {
                throw new HubException("Too many joins from this network; wait a minute and try again.");
            }
        }
        return await next(context);
    }

    /// <summary>Each connection gets its own bucket when it connects.</summary>
    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        context.Context.Items[BucketKey] = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.CallBurst, TokensPerPeriod = options.Value.CallsPerSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0, AutoReplenishment = true,
        });
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.Items.TryGetValue(BucketKey, out var bucket))
        {
            (bucket as IDisposable)?.Dispose();
        }
        return next(context, exception);
    }

    public void Dispose() => _joins.Dispose();
}
