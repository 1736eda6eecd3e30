using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Security;

/// <summary>A copy of a sign-in cookie (taken from a shared computer, a proxy log) replayed against the real server
/// after the session it belongs to has ended.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private readonly TestFolder _folder = new();
    private AppProcess _app = null!;

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync(Repo.Root, _folder.AppEnvironment(("Accounts__SignInAttemptsPerMinute", "1000")));

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    private sealed record Browser(HttpClient Client, CookieContainer Cookies);

    private Browser NewBrowser()
    {
        var cookies = new CookieContainer();
        return new Browser(new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = _app.BaseAddress }, cookies);
    }

    private string CookieOf(Browser browser) => browser.Cookies.GetCookies(_app.BaseAddress)["steppe"]!.Value;

    /// <summary>An attacker's client sending only the copied cookie.</summary>
    private HttpClient Replay(string cookie)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _app.BaseAddress };
        client.DefaultRequestHeaders.Add("Cookie", $"steppe={cookie}");
        return client;
    }

    private async Task<Browser> SignIn(string email)
    {
        var browser = NewBrowser();
        (await browser.Client.PostAsJsonAsync("/api/account/signin", new { email, password = Support.Accounts.Password })).EnsureSuccessStatusCode();
        return browser;
    }

    [Fact]
    public async Task A_copied_cookie_is_refused_once_its_browser_signs_out()
    {
        var browser = NewBrowser();
        await browser.Client.SignUpAsync();
        var copied = CookieOf(browser);
        (await Replay(copied).GetAsync("/api/account")).StatusCode.Should().Be(HttpStatusCode.OK, "the copy works while the session lasts");

        (await browser.Client.PostAsync("/api/account/signout", null)).EnsureSuccessStatusCode();

        (await Replay(copied).GetAsync("/api/account")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Replay(copied).PostAsJsonAsync("/api/decks", new { bankId = "sino-kazakh-relations-starter" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_at_once_and_keeps_this_one()
    {
        var first = NewBrowser();
        var email = await first.Client.SignUpAsync();
        var second = await SignIn(email);
        var copied = CookieOf(first);

        var changed = await second.Client.PostAsJsonAsync("/api/account/password", new { currentPassword = Support.Accounts.Password, newPassword = "granite orchard lantern" });

        changed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Replay(copied).GetAsync("/api/account")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await first.Client.GetAsync("/api/account")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await second.Client.GetAsync("/api/account")).StatusCode.Should().Be(HttpStatusCode.OK, "the browser that changed it stays signed in");
    }

    [Fact]
    public async Task A_deleted_users_other_session_can_do_nothing_more()
    {
        var first = NewBrowser();
        var email = await first.Client.SignUpAsync();
        var second = await SignIn(email);
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(_app.BaseAddress, "/hubs/live"), o => o.Cookies = second.Cookies).Build();
        await hub.StartAsync(); // a host page left open on another computer

        var deleted = await first.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/account") { Content = JsonContent.Create(new { password = Support.Accounts.Password }) });
        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);

        var bank = await second.Client.PostAsync("/api/banks", new StringContent(BankJson.Minimal("orphan", "Orphan", "a"), Encoding.UTF8, "application/json"));
        bank.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await second.Client.GetAsync("/api/banks/orphan")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var create = () => hub.InvokeAsync<object>("CreateGame", new { bankId = "sino-kazakh-relations-starter" });
        (await create.Should().ThrowAsync<HubException>()).Which.Message.Should().Contain("signed out");
        _app.Output.Should().NotContain("FOREIGN KEY constraint failed");
    }
}
