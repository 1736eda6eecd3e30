using Microsoft.Playwright;

namespace Steppe.Web.Tests.Browser;

/// <summary>A teacher brings a Moodle quiz: pasted GIFT is shown item by item (what was found, what not and why)
/// before anything is saved, opened in the editor, saved, and downloaded again as GIFT from the bank's page.</summary>
public sealed class ImportInBrowserTests : BrowserSession
{
    private const string Quiz = """
        ::capital::What is the capital of Kazakhstan? {=Astana ~Almaty ~Shymkent}

        Astana is on the Ishim river. {T}

        Match the cities. {=Astana -> north =Almaty -> south}
        """;

    [BrowserFact]
    public async Task A_moodle_quiz_is_previewed_opened_in_the_editor_and_saved()
    {
        var page = await NewPage(1280, 900);
        await page.GotoAsync("/signup");
        await page.FillAsync("#email", "moodle@example.org");
        await page.FillAsync("#password", Support.Accounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(App.BaseAddress.ToString());
        await page.ClickAsync("text=Import from Quizlet, Anki or Moodle");
        await page.WaitForURLAsync("**/banks/import");

        await page.CheckAsync("#format-gift");
        await page.FillAsync("#import-title", "Kazakhstan quiz");
        await page.FillAsync("#import-text", Quiz);
        await page.ClickAsync("#import-form button[type=submit]");
        await page.WaitForSelectorAsync("#import-result:not([hidden])");
        (await page.TextContentAsync("#import-summary")).Should().Be("Found 2 questions; 1 item not converted.");
        (await page.TextContentAsync("#not-converted")).Should().Contain("Line 5: a matching question");
        (await page.Locator("#found tr").CountAsync()).Should().Be(2);
        await AxeChecks.NoSeriousProblems(page, "import");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "import-preview.png"), FullPage = true });

        await page.ClickAsync("#import-edit");
        await page.WaitForURLAsync("**/banks/new?from=import");
        await page.WaitForSelectorAsync("#editor[data-ready]");
        (await page.InputValueAsync("#bank-title")).Should().Be("Kazakhstan quiz");
        (await page.InputValueAsync("#q0-prompt")).Should().Be("What is the capital of Kazakhstan?");
        await page.ClickAsync("#save");
        await page.WaitForURLAsync("**/banks/kazakhstan-quiz/edit?saved=1");

        await page.GotoAsync("/banks/kazakhstan-quiz");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=GIFT (Moodle)"));
        var gift = await File.ReadAllTextAsync((await download.PathAsync())!);
        gift.Should().Contain("::capital:: What is the capital of Kazakhstan? {=Astana ~Almaty ~Shymkent}");
    }
}
