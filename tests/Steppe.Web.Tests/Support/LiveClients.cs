using System.Net;
using Microsoft.AspNetCore.SignalR.Client;

namespace Steppe.Web.Tests.Support;

/// <summary>Real SignalR connections to the live hub of a server process, all closed at the end.</summary>
public sealed class LiveClients(AppProcess app) : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];

    /// <summary>A started connection (with this browser's cookies, if any); <paramref name="handlers"/> are
    /// registered before it starts, so no message is missed.</summary>
    public async Task<HubConnection> Connect(CookieContainer? cookies = null, Action<HubConnection>? handlers = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "/hubs/live"), o => { if (cookies is not null) { o.Cookies = cookies; } })
            .Build();
        handlers?.Invoke(connection);
        _connections.Add(connection);
        await connection.StartAsync();
        return connection;
    }

    /// <summary>A connection of a newly signed-up account (a host), its cookies in <paramref name="cookies"/>.</summary>
    public async Task<HubConnection> SignedIn(CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app.BaseAddress };
        await client.SignUpAsync();
        return await Connect(cookies);
    }

    /// <summary>Waits until the condition holds, then asserts it (so a timeout fails with the condition).</summary>
    public static async Task WaitFor(Func<bool> condition, int seconds = 10)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(25);
        }
        condition().Should().BeTrue();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _connections)
        {
            await c.DisposeAsync();
        }
    }
}
