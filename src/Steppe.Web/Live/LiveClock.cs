using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Steppe.Domain.Live;

namespace Steppe.Web.Live;

/// <summary>Moves running games on by the server's clock every 50 ms: answers open after the reading delay
/// and close at the deadline, and the reveal goes out then, whoever is connected. It ticks only while the server
/// holds a game, and sleeps (no timer at all) while it holds none.</summary>
public sealed class LiveClock(GameRegistry games, IHubContext<LiveHub> hub, TimeProvider clock, LiveResults results, ILogger<LiveClock> log) : BackgroundService
{
    private long _ticks;

    /// <summary>Ticks so far, for tests and diagnostics.</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await games.WhenAnyGameAsync(stoppingToken);
            await TickWhileGamesAsync(stoppingToken);
        }
    }

    private async Task TickWhileGamesAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50), clock);
        var swept = clock.GetUtcNow();
        var ticks = 0L;
        while (games.Count > 0 && await timer.WaitForNextTickAsync(stoppingToken))
        {
            Interlocked.Increment(ref _ticks);
            if (clock.GetUtcNow() - swept > TimeSpan.FromMinutes(1))
            {
                swept = clock.GetUtcNow();
                games.Sweep(swept);
            }
            if (++ticks % 4 == 0) // new players reach the host's lobby five times a second
            {
                foreach (var hosted in games.All.Where(g => g.LobbyChanged).ToList())
                {
                    hosted.LobbyChanged = false;
                    var lobby = LiveHub.LobbyNow(hosted);
                    _ = LiveHub.Queue(hosted, log, "lobby", () => hub.Clients.Group(hosted.HostGroup).SendAsync("lobby", lobby, stoppingToken));
                }
            }
            foreach (var hosted in games.Running.ToList())
            {
                lock (hosted.Gate)
                {
                    if (!hosted.Game.Tick(clock.GetUtcNow()))
                    {
                        continue;
                    }
                    // Queued under the lock, in order with the host's steps; sent without holding up other games.
                    if (hosted.Game.Phase == GamePhase.Revealed)
                    {
                        _ = LiveHub.QueueReveal(hub.Clients, hosted, results, log);
                    }
                    else if (hosted.Game.Phase == GamePhase.Open)
                    {
                        var index = hosted.Game.QuestionIndex;
                        _ = LiveHub.Queue(hosted, log, "open", () => hub.Clients.Groups(hosted.PlayersGroup, hosted.HostGroup).SendAsync("open", index, stoppingToken));
                    }
                }
            }
        }
    }
}

public static class LiveSetup
{
    /// <summary>Hub messages from clients are small (an answer); anything over 8 KB is refused.</summary>
    public const long MaxMessageBytes = 8 * 1024;

    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicUrl) || (Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"),
                "Live:PublicUrl is an absolute http or https address, such as http://192.168.1.20:5000.")
            .ValidateOnStart();
        services.AddSingleton<LiveLimits>().AddSingleton<JoinAddress>();
        services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = MaxMessageBytes;
            o.EnableDetailedErrors = false;
            o.AddFilter<HubErrors>();
            o.AddFilter<LiveLimits>();
            o.AddFilter<Accounts.SessionHubFilter>();
        });
        services.AddLogging(logging => logging.AddFilter(HubErrors.DispatcherCategory, LogLevel.Critical));
        services.AddSingleton(sp => new GameRegistry(sp.GetRequiredService<IOptions<LiveOptions>>())).AddHostedService<LiveClock>();
        services.AddSingleton<LiveResults>().AddHostedService(sp => sp.GetRequiredService<LiveResults>());
        return services;
    }

    /// <summary>Public: players need no account. Host methods carry [Authorize] and check the game's host.</summary>
    public static void MapLive(this IEndpointRouteBuilder app) =>
        app.MapHub<LiveHub>("/hubs/live", o => o.AllowStatefulReconnects = true).AllowAnonymous();
}
