using System.Text.Json;
using Microsoft.Playwright;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Browser;

/// <summary>A teacher generates questions from an article on the home page, in Chromium against the real server
/// process: the questions grouped by theme with a tick box each, one dropped, one edited, and the saved bank holds
/// exactly what was ticked, as edited; a problem the server finds in what was saved shows next to its question;
/// at a phone's width nothing is wider than the screen. Screenshots go to TestResults/screenshots.</summary>
public sealed class GenerateInBrowserTests : BrowserSession
{
    // An article the generator finds several questions on several themes in.
    private static readonly string Article = File.ReadAllText(Repo.File("tests", "Steppe.Domain.Tests", "Generation", "Articles", "printing-press.txt"));

    private sealed record Shown(int Number, string Id, string Prompt, string Type, string? Theme, int Index);

    private async Task<IPage> SignedUp(int width, int height)
    {
        var page = await NewPage(width, height);
        await page.GotoAsync("/signup");
        await page.FillAsync("#email", $"teacher-{width}@example.org");
        await page.FillAsync("#password", Support.Accounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(App.BaseAddress.ToString());
        return page;
    }

    /// <summary>Generates from the article and returns the bank the server sent, in the order the page shows its
    /// questions: by theme (in the order of each theme's best question), then best first.</summary>
    private static async Task<(JsonElement Bank, JsonElement Report, List<Shown> Shown)> Generate(IPage page)
    {
        await page.FillAsync("#gen-title", "The printing press");
        await page.FillAsync("#gen-text", Article);
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#gen-submit"),
            r => r.Url.EndsWith("/api/generate", StringComparison.Ordinal));
        response.Status.Should().Be(200);
        await page.WaitForSelectorAsync("#gen-result:not([hidden])");
        var answer = (await response.JsonAsync())!.Value;
        var bank = answer.GetProperty("bank");
        var questions = bank.GetProperty("questions").EnumerateArray().Select((q, i) => (Question: q, Index: i,
            Theme: q.TryGetProperty("themes", out var t) ? t[0].GetString() : null)).ToList();
        var themeOrder = questions.Select(q => q.Theme).Distinct().ToList();
        var shown = questions.OrderBy(q => themeOrder.IndexOf(q.Theme)).ThenBy(q => q.Index)
            .Select((q, n) => new Shown(n + 1, q.Question.GetProperty("id").GetString()!, q.Question.GetProperty("prompt").GetString()!,
                q.Question.GetProperty("type").GetString()!, q.Theme, q.Index)).ToList();
        return (bank, answer.GetProperty("report"), shown);
    }

    private static async Task NoHorizontalScrolling(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        overflow.Should().BeLessThanOrEqualTo(0, "nothing is wider than the screen");
    }

    [BrowserFact]
    public async Task A_teacher_saves_the_ticked_questions_grouped_by_theme_with_an_edited_prompt()
    {
        var page = await SignedUp(1280, 900);
        var (bank, report, shown) = await Generate(page);
        shown.Should().HaveCountGreaterThanOrEqualTo(3, "the article gives enough questions to drop one and edit another");
        var themeTitles = bank.GetProperty("themes").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("title").GetString()!);

        (await page.Locator(".review-theme h4").AllTextContentsAsync()).Should()
            .Equal(shown.Select(s => s.Theme).Distinct().Select(t => themeTitles[t!]), "themes come in the order of their best question");
        (await page.Locator(".review-item .prompt").AllTextContentsAsync()).Should().Equal(shown.Select(s => s.Prompt));
        (await page.Locator(".review-item .pick input").EvaluateAllAsync<bool[]>("boxes => boxes.map(b => b.checked)")).Should().AllBeEquivalentTo(true);
        (await page.Locator(".review-item .source").CountAsync()).Should().Be(shown.Count, "each question shows the sentence it rests on");
        (await page.TextContentAsync("#gen-report")).Should().Contain($"Budget {report.GetProperty("budget").GetInt32()}");
        (await page.TextContentAsync("#gen-save")).Should().Be($"Save {shown.Count} questions");

        // Drop question 2 with the keyboard; edit question 3's prompt.
        await page.FocusAsync("#gen-keep-2");
        await page.Keyboard.PressAsync("Space");
        (await page.TextContentAsync("#gen-save")).Should().Be($"Save {shown.Count - 1} questions");
        var edited = $"Edited by the teacher: {shown[2].Prompt}";
        await page.ClickAsync("button[aria-label='Edit question 3']");
        await page.Locator("#gen-q-3 .editor textarea").First.FillAsync(edited);
        await page.ClickAsync("#gen-q-3 .editor button:text-is('Done')");
        (await page.TextContentAsync("#gen-q-3 .prompt")).Should().Be(edited);
        (await page.Locator("#gen-q-3 .edited").CountAsync()).Should().Be(1);
        await page.Locator(".review-theme").First.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "generate-dropped-and-edited.png") });

        var saving = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#gen-save"),
            r => r.Url.EndsWith("/api/banks", StringComparison.Ordinal) && r.Request.Method == "POST");
        saving.Status.Should().Be(201);
        var id = bank.GetProperty("id").GetString()!;
        await page.WaitForSelectorAsync($"#bank-{id}"); // the page reloads to the list with the saved bank

        using var saved = JsonDocument.Parse(await (await page.Context.APIRequest.GetAsync($"/api/banks/{id}")).TextAsync());
        var kept = shown.Where(s => s.Number != 2).OrderBy(s => s.Index).ToList();
        var questions = saved.RootElement.GetProperty("questions").EnumerateArray().ToList();
        questions.Select(q => q.GetProperty("id").GetString()).Should().Equal(kept.Select(s => s.Id), "exactly the ticked questions, best first");
        questions.Select(q => q.GetProperty("prompt").GetString()).Should().Equal(kept.Select(s => s.Number == 3 ? edited : s.Prompt));
        saved.RootElement.GetProperty("themes").EnumerateArray().Select(t => t.GetProperty("id").GetString()).Should()
            .BeEquivalentTo(kept.Select(s => s.Theme).Distinct(), "a theme no saved question uses is dropped");
        saved.RootElement.GetProperty("description").GetString().Should().Contain($"{kept.Count} questions");
    }

    [BrowserFact]
    public async Task A_second_bank_of_the_same_title_is_saved_under_the_next_free_id_with_nothing_lost()
    {
        var page = await SignedUp(1100, 900);
        async Task<string> SaveAll()
        {
            var created = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#gen-save"),
                r => r.Url.EndsWith("/api/banks", StringComparison.Ordinal) && r.Request.Method == "POST" && r.Status == 201);
            return created.Request.PostDataJSON()!.Value.GetProperty("id").GetString()!;
        }
        var (bank, _, _) = await Generate(page);
        var first = await SaveAll();
        await page.WaitForSelectorAsync($"#bank-{first}");

        var (_, _, shown) = await Generate(page);
        var second = await SaveAll();

        second.Should().NotBe(first).And.MatchRegex($"^{bank.GetProperty("id").GetString()}-[0-9]+$");
        (await page.TextContentAsync("#gen-save-status")).Should().Contain($"as “{second}”");
        using var saved = JsonDocument.Parse(await (await page.Context.APIRequest.GetAsync($"/api/banks/{second}")).TextAsync());
        saved.RootElement.GetProperty("questions").GetArrayLength().Should().Be(shown.Count, "every ticked question is in the bank saved under the new id");
    }

    [BrowserFact]
    public async Task A_title_changed_after_generating_names_the_saved_bank_and_its_id()
    {
        var page = await SignedUp(1000, 900);
        var (_, _, shown) = await Generate(page);
        await page.FillAsync("#gen-title", "Printing in Europe, 1450–1500");

        var created = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#gen-save"),
            r => r.Url.EndsWith("/api/banks", StringComparison.Ordinal) && r.Request.Method == "POST");

        created.Status.Should().Be(201);
        using var saved = JsonDocument.Parse(await (await page.Context.APIRequest.GetAsync("/api/banks/printing-in-europe-1450-1500")).TextAsync());
        saved.RootElement.GetProperty("title").GetString().Should().Be("Printing in Europe, 1450–1500");
        saved.RootElement.GetProperty("questions").GetArrayLength().Should().Be(shown.Count);
    }

    [BrowserTheory]
    [InlineData("laptop", 1280, 900)]
    [InlineData("phone", 375, 800)]
    public async Task At_most_five_questions_are_shown_and_an_editor_fits_the_screen(string name, int width, int height)
    {
        var page = await SignedUp(width, height);
        (await page.TextContentAsync("#gen-default-count")).Should().Be("10");
        await page.FillAsync("#gen-max", "5"); // typing a number chooses "At most"
        (await page.IsCheckedAsync("#gen-count-max")).Should().BeTrue();

        var (_, report, shown) = await Generate(page);

        report.GetProperty("budget").GetInt32().Should().Be(5);
        (await page.TextContentAsync("#gen-report")).Should().StartWith("At most 5, as asked").And.NotContain("of a budget of");
        (await page.Locator(".review-item").CountAsync()).Should().Be(shown.Count).And.BeLessThanOrEqualTo(5);
        var choice = shown.FirstOrDefault(s => s.Type == "multiple-choice") ?? shown[0]; // the longest editor, if there is one
        await page.ClickAsync($"button[aria-label='Edit question {choice.Number}']");
        await page.WaitForSelectorAsync($"#gen-q-{choice.Number} .editor");
        await NoHorizontalScrolling(page);
        await AxeChecks.NoSeriousProblems(page, "home page with generated questions");
        await page.Locator("#gen-result").ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"generate-review-{name}.png") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"generate-form-{name}.png"), FullPage = true });

        await page.Keyboard.PressAsync("Escape"); // cancels the edit
        (await page.Locator(".editor").CountAsync()).Should().Be(0);
        (await page.EvaluateAsync<string>("document.activeElement.getAttribute('aria-label')")).Should().Be($"Edit question {choice.Number}");
    }

    [BrowserFact]
    public async Task A_problem_the_server_finds_in_a_saved_question_shows_next_to_that_question()
    {
        var page = await SignedUp(1280, 900);
        var (_, _, shown) = await Generate(page);
        foreach (var s in shown) // opening an editor and closing it with Done changes nothing, whatever the type
        {
            await page.ClickAsync($"button[aria-label='Edit question {s.Number}']");
            await page.ClickAsync($"#gen-q-{s.Number} .editor button:text-is('Done')");
        }
        (await page.Locator(".review-item .edited").CountAsync()).Should().Be(0);
        await page.ClickAsync("#gen-tick-none");
        (await page.IsDisabledAsync("#gen-save")).Should().BeTrue("nothing is ticked");
        await page.ClickAsync("#gen-tick-all");
        await page.UncheckAsync("#gen-keep-1"); // the saved list's indexes are no longer the shown ones

        var choice = shown.Last(s => s.Type == "multiple-choice" && s.Number != 1);
        var row = $"#gen-q-{choice.Number}";
        await page.ClickAsync($"button[aria-label='Edit question {choice.Number}']");
        var first = await page.InputValueAsync($"{row} .choice-edit input[type=text] >> nth=0");
        await page.Locator($"{row} .choice-edit input[type=text]").Nth(1).FillAsync(first); // a repeated choice
        await page.ClickAsync($"{row} .editor button:text-is('Done')");
        var saving = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#gen-save"),
            r => r.Url.EndsWith("/api/banks", StringComparison.Ordinal) && r.Request.Method == "POST");

        saving.Status.Should().Be(400);
        await page.WaitForSelectorAsync($"{row} .item-problem:not(:empty)");
        (await page.TextContentAsync($"{row} .item-problem")).Should().Be($"Choice 2: repeats choice 1 ('{first}').");
        (await page.Locator(".item-problem:not(:empty)").CountAsync()).Should().Be(1, "only the question with the problem says so");
        (await page.TextContentAsync("#gen-save-status")).Should().Contain($"Question {choice.Number} has a problem");
        (await page.IsEnabledAsync("#gen-save")).Should().BeTrue("the teacher can fix it and save again");
        await page.Locator(row).ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "generate-problem.png") });
    }
}
