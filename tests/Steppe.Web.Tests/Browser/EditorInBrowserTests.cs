using Microsoft.Playwright;

namespace Steppe.Web.Tests.Browser;

/// <summary>A teacher writes a bank in the browser's editor: questions made in the form (with a problem shown next
/// to its field until fixed), saved, a typo fixed as a new version, and a mistake made in the JSON view shown at its
/// line; the student's preview shows the question as a phone would. Screenshots go to TestResults/screenshots.</summary>
public sealed class EditorInBrowserTests : BrowserSession
{
    [BrowserFact]
    public async Task A_teacher_writes_a_bank_fixes_a_typo_and_sees_a_json_mistake_where_it_is()
    {
        var page = await NewPage(1280, 900);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await SignUp(page, "author@example.org");
        await page.ClickAsync("text=Write a new bank");
        await page.WaitForURLAsync("**/banks/new");
        await page.WaitForSelectorAsync("#editor[data-ready]");

        await page.FillAsync("#bank-title", "Rivers of Kazakhstan");
        (await page.InputValueAsync("#bank-id")).Should().Be("rivers-of-kazakhstan", "the id follows the title");
        await page.FillAsync("#q0-prompt", "Which river flows through Astana?");
        await page.FillAsync("#q0-choice-0", "Ishim");
        await page.FillAsync("#q0-choice-1", "Ishim", new()); // the same choice twice: a problem
        await page.WaitForSelectorAsync("[data-path='$.questions[0].choices']:has-text('repeats choice 1')");
        await page.FillAsync("#q0-choice-1", "Irtysh");
        await page.CheckAsync("input[name='q0-right'] >> nth=0");
        await page.SelectOptionAsync("#new-type", "numeric");
        await page.ClickAsync("#add-question");
        await page.FillAsync("#q1-prompt", "How long is the Irtysh, in kilometres?");
        await page.FillAsync("#q1-answer", "4248");
        await page.WaitForFunctionAsync("() => document.getElementById('problem-summary').textContent === ''");
        await page.ClickAsync("#question-list li:first-child summary");
        (await page.TextContentAsync("#question-list li:first-child .preview-phone")).Should().Contain("Ishim").And.Contain("Irtysh");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "editor-form.png"), FullPage = true });

        await page.ClickAsync("#save");
        await page.WaitForURLAsync("**/banks/rivers-of-kazakhstan/edit?saved=1");
        await page.WaitForSelectorAsync("#editor[data-ready]");
        (await page.InputValueAsync("#q1-answer")).Should().Be("4248");

        await page.FillAsync("#q0-prompt", "Which river flows through Astana, the capital?");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#save-status:has-text('version 2')");
        (await page.TextContentAsync("#save-status")).Should().Contain("2 kept, 0 with a new answer");

        await page.ClickAsync("#tab-json");
        await page.WaitForSelectorAsync(".cm-content");
        var answer = page.Locator(".cm-line", new() { HasTextString = "\"answer\": \"Ishim\"" });
        await answer.ClickAsync();
        var line = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.cm-line')].findIndex(l => l.textContent.includes('\"answer\": \"Ishim\"')) + 1");
        await answer.DblClickAsync(new() { Position = new() { X = 3, Y = 5 } });
        await page.Keyboard.PressAsync("End");
        for (var i = 0; i < 2; i++) await page.Keyboard.PressAsync("Backspace"); // "answer": "Ishim" -> "answer": "Ishi
        await page.Keyboard.TypeAsync("x\""); // an answer that is not one of the choices
        await page.WaitForSelectorAsync(".cm-lintRange-error");
        await page.WaitForSelectorAsync("#json-problems li");
        (await page.TextContentAsync("#json-problems")).Should().Contain($"Line {line},").And.Contain("$.questions[0].answer").And.Contain("must equal one of choices");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "editor-json-problem.png"), FullPage = false });
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#save-status.error");
        (await page.TextContentAsync("#save-status")).Should().Contain("Not saved: $.questions[0].answer: must equal one of choices");

        // Text that is not JSON is said in the list too, not only in the margin.
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.TypeAsync("\" \"oops\"");
        await page.WaitForSelectorAsync("#json-problems li:has-text('not valid JSON here')");
        errors.Where(e => !e.Contains("400")).Should().BeEmpty();
    }

    [BrowserFact]
    public async Task The_json_view_completes_a_questions_fields_and_types_from_the_schema()
    {
        var page = await NewPage(1280, 900);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await SignUp(page, "completion@example.org");
        await page.GotoAsync("/banks/new");
        await page.WaitForSelectorAsync("#editor[data-ready]");
        await page.ClickAsync("#tab-json");
        await page.Locator(".cm-line", new() { HasTextString = "\"prompt\"" }).ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("\"expl");
        await page.Keyboard.PressAsync("Control+Space");

        (await page.Locator(".cm-tooltip-autocomplete").TextContentAsync()).Should().Contain("explanation");
        await page.WaitForTimeoutAsync(200); // CodeMirror ignores Enter for 75 ms after the list opens
        await page.Keyboard.PressAsync("Enter");
        (await page.TextContentAsync(".cm-content")).Should().Contain("\"explanation\":");
        await page.Locator(".cm-line", new() { HasTextString = "\"type\": \"multiple-choice\"" }).ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("ArrowLeft"); // inside the value, before its comma and closing quote
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("Control+Space");
        (await page.Locator(".cm-tooltip-autocomplete").TextContentAsync()).Should().Contain("true-false").And.Contain("ordering");
        errors.Should().BeEmpty();
    }
}
