using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Steppe.Web.Study;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Security;

/// <summary>Requests that a page of another site, or of another port of this host, makes a browser send with the
/// victim's cookie, sent to the real server process with the headers the browser sends.</summary>
public sealed class CrossSiteTests : IAsyncLifetime
{
    private readonly TestFolder _folder = new();
    private AppProcess _app = null!;

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync(Repo.Root, _folder.AppEnvironment());

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>Another port of the same host: same site (the cookie rides along), another origin.</summary>
    private string OtherPort => $"http://{_app.BaseAddress.Host}:{(_app.BaseAddress.Port == 65535 ? 1024 : _app.BaseAddress.Port + 1)}";

    [Theory]
    // what Chrome sends after a cross-site 307 redirect of a POST (the probe's attack)
    [InlineData("null")]
    // not an origin at all
    [InlineData("garbage")]
    [InlineData("file://")]
    // an origin with a path is no origin either
    [InlineData("http://evil.example/x")]
    public async Task A_post_whose_origin_cannot_be_parsed_is_refused_and_suspends_nothing(string origin)
    {
        var client = _app.CreateClient();
        await client.SignUpAsync();
        (await client.PostAsJsonAsync("/api/decks", new { bankId = "sino-kazakh-relations-starter" })).EnsureSuccessStatusCode();
        var card = (await client.GetFromJsonAsync<NextCardResponse>("/api/study/next"))!.Card!;

        var attack = new HttpRequestMessage(HttpMethod.Post, $"/api/cards/{card.Id}/suspend");
        attack.Headers.TryAddWithoutValidation("Origin", origin);
        var response = await client.SendAsync(attack);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetFromJsonAsync<List<DeckSummary>>("/api/decks"))!.Single().Suspended.Should().Be(0);
    }

    [Fact]
    public async Task A_post_from_this_site_still_works()
    {
        var client = _app.CreateClient();
        await client.SignUpAsync();
        (await client.PostAsJsonAsync("/api/decks", new { bankId = "sino-kazakh-relations-starter" })).EnsureSuccessStatusCode();
        var card = (await client.GetFromJsonAsync<NextCardResponse>("/api/study/next"))!.Card!;

        var own = new HttpRequestMessage(HttpMethod.Post, $"/api/cards/{card.Id}/suspend");
        own.Headers.Add("Origin", _app.BaseAddress.GetLeftPart(UriPartial.Authority));

        (await client.SendAsync(own)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetFromJsonAsync<List<DeckSummary>>("/api/decks"))!.Single().Suspended.Should().Be(1);
    }

    [Theory]
    [InlineData(HttpTransportType.WebSockets, true)]
    [InlineData(HttpTransportType.WebSockets, false)]
    [InlineData(HttpTransportType.LongPolling, false)]
    public async Task The_live_hub_refuses_a_page_of_another_port_that_carries_the_teachers_cookie(HttpTransportType transport, bool skipNegotiation)
    {
        var cookies = new CookieContainer();
        using (var teacher = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = _app.BaseAddress })
        {
            await teacher.SignUpAsync();
        }
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(_app.BaseAddress, "/hubs/live"), o =>
        {
            o.Cookies = cookies;
            o.Transports = transport;
            o.SkipNegotiation = skipNegotiation;
            o.Headers["Origin"] = OtherPort;
        }).Build();

        var connect = async () =>
        {
            await hub.StartAsync();
            await hub.InvokeAsync<object>("CreateGame", new { bankId = "sino-kazakh-relations-starter" });
        };

        await connect.Should().ThrowAsync<Exception>();
        hub.State.Should().Be(HubConnectionState.Disconnected);
    }

    [Fact]
    public async Task The_live_hub_still_takes_this_sites_pages_and_clients_that_name_no_origin()
    {
        var cookies = new CookieContainer();
        using (var teacher = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = _app.BaseAddress })
        {
            await teacher.SignUpAsync();
        }
        foreach (var origin in new[] { _app.BaseAddress.GetLeftPart(UriPartial.Authority), null })
        {
            await using var hub = new HubConnectionBuilder().WithUrl(new Uri(_app.BaseAddress, "/hubs/live"), o =>
            {
                o.Cookies = cookies;
                if (origin is not null)
                {
                    o.Headers["Origin"] = origin;
                }
            }).Build();
            await hub.StartAsync();
            hub.State.Should().Be(HubConnectionState.Connected);
        }
    }
}
