using Microsoft.Playwright;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Browser;

/// <summary>The probe's browser attacks, in Chromium against the real server process: a sign-in link that sends
/// the browser elsewhere, a page of another port opening the live hub with the teacher's cookie, a page framing
/// the account page; and every main page still working under the content security policy.</summary>
public sealed class SecurityInBrowserTests : BrowserSession
{
    private async Task<IPage> SignedUp(string email)
    {
        var page = await NewPage(1280, 900);
        await page.GotoAsync("/signup");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Support.Accounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(App.BaseAddress.ToString());
        return page;
    }

    [BrowserTheory]
    [InlineData(@"/\evil.example/x")]
    [InlineData("/%09/evil.example/x")]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/x")]
    public async Task Signing_in_from_a_link_with_a_foreign_return_address_stays_on_this_site(string returnUrl)
    {
        await SignedUp("teacher@example.org");
        var page = await NewPage(1280, 900);

        await page.GotoAsync($"/signin?ReturnUrl={returnUrl}");
        await page.FillAsync("#email", "teacher@example.org");
        await page.FillAsync("#password", Support.Accounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));

        page.Url.Should().Be(App.BaseAddress.ToString(), "the home page, never another host");
    }

    [BrowserFact]
    public async Task A_local_return_address_is_kept()
    {
        await SignedUp("learner@example.org");
        var page = await NewPage(1280, 900);

        await page.GotoAsync("/study"); // signed out in this context: redirected to sign in, with the way back
        await page.WaitForURLAsync(url => url.Contains("/signin?ReturnUrl=", StringComparison.Ordinal));
        await page.FillAsync("#email", "learner@example.org");
        await page.FillAsync("#password", Support.Accounts.Password);
        await page.ClickAsync("button[type=submit]");

        await page.WaitForURLAsync(new Uri(App.BaseAddress, "/study").ToString());
    }

    [BrowserFact]
    public async Task A_page_of_another_port_cannot_open_the_live_hub_with_the_teachers_cookie()
    {
        var teacher = await SignedUp("host@example.org");
        var hub = new Uri(App.BaseAddress, "/hubs/live");
        await using var attacker = await AttackerSite.StartAsync($$"""
            <!DOCTYPE html><html><body>
            <script src="{{new Uri(App.BaseAddress, "/lib/signalr/signalr.min.js")}}"></script>
            <script>
              const connection = new signalR.HubConnectionBuilder()
                .withUrl('{{hub}}', { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets }).build();
              connection.start()
                .then(() => connection.invoke('CreateGame', { bankId: 'sino-kazakh-relations-starter' }))
                .then(game => { document.title = 'game ' + game.pin; }, error => { document.title = 'refused'; });
            </script></body></html>
            """);

        await teacher.GotoAsync(attacker.BaseAddress.ToString());
        await teacher.WaitForFunctionAsync("() => document.title.length > 0");

        (await teacher.TitleAsync()).Should().Be("refused");
    }

    [BrowserFact]
    public async Task No_page_of_steppe_can_be_framed_by_another_site()
    {
        await SignedUp("framed@example.org");
        await using var attacker = await AttackerSite.StartAsync($"""
            <!DOCTYPE html><html><body><iframe id="f" src="{new Uri(App.BaseAddress, "/account")}" width="800" height="600"></iframe></body></html>
            """);
        // A page of its own (not NewPage), since the refusal it expects is itself a policy message.
        var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var messages = new List<string>();
        page.Console += (_, m) => messages.Add(m.Text);

        await page.GotoAsync(attacker.BaseAddress.ToString());
        await page.WaitForTimeoutAsync(500);

        messages.Should().Contain(m => m.Contains("frame-ancestors 'none'", StringComparison.Ordinal));
        (await page.Frames[1].ContentAsync()).Should().NotContain("Delete account");
    }

    [BrowserFact]
    public async Task Every_main_page_works_under_the_content_security_policy()
    {
        var page = await SignedUp("pages@example.org");
        var pages = new[] { "/", "/banks/sino-kazakh-relations-starter", "/study", "/statistics", "/live/host", "/live/games", "/account", "/play" };
        foreach (var path in pages)
        {
            var response = await page.GotoAsync(path);
            response!.Status.Should().Be(200, path);
            (await response.HeaderValueAsync("content-security-policy")).Should().Contain("default-src 'self'").And.NotContain("unsafe-inline");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        // The scripts run: the host page lists the banks it fetched, the account page shows who is signed in.
        await page.GotoAsync("/live/host");
        await page.WaitForSelectorAsync("#bank option[value='sino-kazakh-relations-starter']", new() { State = WaitForSelectorState.Attached });
        await page.GotoAsync("/account");
        await page.WaitForFunctionAsync("() => document.getElementById('account-email').textContent === 'pages@example.org'");
        var anonymous = await NewPage(390, 844);
        foreach (var path in new[] { "/", "/signin", "/signup", "/play" })
        {
            (await anonymous.GotoAsync(path))!.Status.Should().Be(200, path);
        }
        await page.GotoAsync("/");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "home-signed-in.png"), FullPage = true });
        await anonymous.GotoAsync("/");
        await anonymous.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "home-anonymous.png"), FullPage = true });
        CspViolations.Should().BeEmpty();
    }
}
