using Microsoft.Playwright;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Browser;

/// <summary>The real server process on a fresh database and Debian's Chromium driven by Playwright, for one
/// browser test. Screenshots go to TestResults/screenshots.</summary>
public abstract class BrowserSession : IAsyncLifetime
{
    protected static readonly string Screenshots = Repo.File("tests", "Steppe.Web.Tests", "TestResults", "screenshots");

    private readonly TestFolder _folder = new();
    private IPlaywright _playwright = null!;

    protected AppProcess App { get; private set; } = null!;
    protected IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await AppProcess.StartAsync(Repo.Root, _folder.AppEnvironment());
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserTheoryAttribute.Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        try
        {
            CspViolations.Should().BeEmpty("the pages work under their content security policy");
        }
        finally
        {
            await Close();
        }
    }

    private async Task Close()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>Signs a new user up on this page and waits for the home page it lands on.</summary>
    protected async Task SignUp(IPage page, string email)
    {
        await page.GotoAsync("/signup");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Support.Accounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(App.BaseAddress.ToString());
    }

    /// <summary>Every message in which Chromium refused something under the pages' content security policy.</summary>
    protected List<string> CspViolations { get; } = [];

    /// <summary>A page in a fresh browser context (its own cookies) of the given size, addressed relative to the app.
    /// Every page of every browser test runs under the app's content security policy, and a test fails on any
    /// violation (an inline style or script the policy blocks).</summary>
    protected async Task<IPage> NewPage(int width, int height)
    {
        var page = await (await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = App.BaseAddress.ToString() })).NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (CspViolations)
                {
                    CspViolations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        return page;
    }
}
