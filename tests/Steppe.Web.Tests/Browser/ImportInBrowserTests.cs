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
        await SignUp(page, "moodle@example.org");
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

    [BrowserFact]
    public async Task An_anki_deck_with_its_history_lands_in_the_learners_flashcards()
    {
        var page = await NewPage(1280, 900);
        await SignUp(page, "anki@example.org");
        await page.GotoAsync("/banks/import");
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var package = Support.AnkiFixture.Package("anki21b",
            [new(1600000000001, Support.AnkiFixture.BasicReversed, ["Astana", "capital of Kazakhstan"], [0, 1])],
            reviews: [new(1, now - 86_400_000, 3, 0, 5000), new(2, now - 86_000_000, 1, 0, 7000)]);

        await page.SetInputFilesAsync("#import-file", new FilePayload { Name = "capitals.apkg", MimeType = "application/octet-stream", Buffer = package });
        (await page.IsCheckedAsync("#format-anki")).Should().BeTrue("the file's name chose the format");
        await page.ClickAsync("#import-form button[type=submit]");
        await page.WaitForSelectorAsync("#import-result:not([hidden])");
        (await page.TextContentAsync("#import-summary")).Should().Be("Found 2 questions; 0 items not converted.");
        (await page.TextContentAsync("#unit-head")).Should().Be("Note");
        await page.ClickAsync("#import-save");
        await page.WaitForSelectorAsync("#save-status:has-text('2 of your Anki answers on 2 cards')");
        await page.WaitForURLAsync("**/banks/capitals");
        await page.GotoAsync("/study");
        await page.WaitForSelectorAsync("#decks li:has-text('capitals')");
        (await page.TextContentAsync("#decks")).Should().Contain("2 cards");
    }
}
