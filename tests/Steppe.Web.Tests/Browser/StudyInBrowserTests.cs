using Microsoft.Playwright;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Browser;

/// <summary>A new learner in a real browser against the real server process: signs up, adds the starter bank,
/// studies six cards with every rating, undoes one, reloads, and finds the reviews counted on the statistics
/// page; at a laptop and at a phone viewport. Screenshots go to TestResults/screenshots; axe-core (committed
/// beside this file) checks the sign-in, study and statistics pages.</summary>
public sealed class StudyInBrowserTests : BrowserSession
{
    [BrowserTheory]
    [InlineData("laptop", 1280, 900)]
    [InlineData("phone", 390, 844)]
    public async Task A_new_learner_signs_up_studies_six_cards_undoes_one_and_sees_them_counted(string name, int width, int height)
    {
        var page = await NewPage(width, height);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await page.GotoAsync("/signin");
        await AxeChecks.NoSeriousProblems(page, "sign-in");
        await page.GotoAsync("/signup");
        await page.FillAsync("#email", $"{name}@example.org");
        await page.FillAsync("#password", "violet tangerine ladder");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(App.BaseAddress.ToString());

        await page.GotoAsync("/study");
        await page.WaitForSelectorAsync("#bank option[value='sino-kazakh-relations-starter']", new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#bank", "sino-kazakh-relations-starter");
        await page.ClickAsync("#add-deck button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('count-new').textContent === '20'");

        // Settings: a bad step is refused next to its field, and nothing changes; a good change takes effect.
        await page.ClickAsync("#settings-panel summary");
        await page.FillAsync("#learningSteps", "soon");
        await page.FillAsync("#newCardsPerDay", "10");
        await page.ClickAsync("#settings button[type=submit]");
        await page.WaitForSelectorAsync("#learningSteps-error:not(:empty)");
        (await page.TextContentAsync("#learningSteps-error")).Should().Contain("soon");
        await page.Locator("#settings-panel").ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"settings-{name}-refused.png") });
        (await page.TextContentAsync("#count-new")).Should().Be("20", "refused settings change nothing");
        await page.FillAsync("#learningSteps", "1m 10m");
        await page.ClickAsync("#settings button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('count-new').textContent === '10'");
        (await page.TextContentAsync("#settings-status")).Should().Be("Saved.");
        await page.ClickAsync("#settings-panel summary");

        // Each showing of a card counts up data-shown; saving the settings showed the first card again.
        var first = int.Parse((await page.GetAttributeAsync("#card", "data-shown"))!, System.Globalization.CultureInfo.InvariantCulture);
        var types = new HashSet<string>();
        int[] ratings = [3, 1, 2, 4, 3, 3];
        for (var i = 0; i < ratings.Length; i++)
        {
            var shown = await page.WaitForSelectorAsync($"#card[data-shown='{first + i}']:not([hidden])");
            var type = await shown!.GetAttributeAsync("data-type");
            types.Add(type!);
            await Answer(page, type!);
            await page.WaitForSelectorAsync("#card-reveal:not([hidden])");
            (await page.TextContentAsync("#card-answer")).Should().MatchRegex(@"^(Answer: |False\. )\S", "the correct answer is shown");
            if (i == 0)
            {
                await NoHorizontalScrolling(page);
                await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"study-{name}-revealed.png"), FullPage = true });
                await AxeChecks.NoSeriousProblems(page, "study");
            }
            // Each rating button shows its interval: "Good" then e.g. "10m".
            (await page.Locator("#ratings button").CountAsync()).Should().Be(4);
            await page.Keyboard.PressAsync(ratings[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        types.Should().HaveCountGreaterThanOrEqualTo(3, "the starter bank's first cards are of several types");

        await page.WaitForSelectorAsync($"#card[data-shown='{first + ratings.Length}']");
        await page.Keyboard.PressAsync("Control+z");
        await page.WaitForFunctionAsync("() => document.getElementById('study-status').textContent === 'Last answer undone.'");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"study-{name}-after-undo.png"), FullPage = true });

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#card:not([hidden])");
        (await page.TextContentAsync("#card-prompt")).Should().NotBeNullOrWhiteSpace("the session continues after a reload");

        await page.GotoAsync("/statistics");
        await page.WaitForFunctionAsync("() => document.getElementById('total-reviews').textContent !== '…'");
        (await page.TextContentAsync("#total-reviews")).Should().Be("5", "six ratings less the one undone");
        await NoHorizontalScrolling(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"statistics-{name}.png"), FullPage = true });
        await AxeChecks.NoSeriousProblems(page, "statistics");

        errors.Should().ContainSingle("the pages log no errors but the browser's note of the refused settings")
            .Which.Should().Contain("status of 400");
    }

    /// <summary>Answers the way a learner would: the first choice, a word typed and Enter, or the order as shown.</summary>
    private static async Task Answer(IPage page, string type)
    {
        switch (type)
        {
            case "multiple-choice" or "true-false":
                await page.ClickAsync(".choice-buttons button");
                break;
            case "ordering":
                await page.ClickAsync("text=Check the order");
                break;
            default:
                await page.FillAsync("#answer", "1991");
                await page.PressAsync("#answer", "Enter");
                break;
        }
    }

    private static async Task NoHorizontalScrolling(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        overflow.Should().BeLessThanOrEqualTo(0, "nothing is wider than the screen");
    }
}
