using System.Text;
using Microsoft.Playwright;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Browser;

/// <summary>A teacher in a real browser: the home page says what to do, a bank file uploaded is private, shared by
/// link with a student's phone, replaced by a fixed version, made private again (the link stops working), and
/// deleted. Screenshots go to TestResults/screenshots; axe-core checks the home and bank pages.</summary>
public sealed class BanksInBrowserTests : BrowserSession
{
    private static FilePayload File(string title, string answer) => new()
    {
        Name = "quiz.json", MimeType = "application/json",
        Buffer = Encoding.UTF8.GetBytes($$"""{ "format": 1, "id": "friday-quiz", "title": "{{title}}", "questions": [ { "id": "q1", "type": "short-answer", "prompt": "Which river flows through Astana?", "answer": "{{answer}}" } ] }"""),
    };

    [BrowserFact]
    public async Task A_teacher_uploads_a_private_bank_shares_it_by_link_replaces_it_and_takes_it_back()
    {
        var teacher = await NewPage(1280, 900);
        var errors = new List<string>();
        teacher.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await teacher.GotoAsync("/");
        (await teacher.TextContentAsync(".paths")).Should().Contain("Study on your own").And.Contain("Host a live quiz").And.Contain("Join a quiz");
        await AxeChecks.NoSeriousProblems(teacher, "home (visitor)");
        await teacher.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "home-visitor.png"), FullPage = true });
        await SignUp(teacher, "teacher@example.org");

        await teacher.SetInputFilesAsync("#bank-file", File("Friday quiz", "Ishim (Esil)"));
        await teacher.ClickAsync("#upload button[type=submit]");
        await teacher.WaitForURLAsync("**/banks/friday-quiz");
        (await teacher.TextContentAsync("h1")).Should().Contain("Friday quiz").And.Contain("Private");
        await AxeChecks.NoSeriousProblems(teacher, "bank page (author)");

        await teacher.CheckAsync("#access-link");
        await teacher.ClickAsync("#sharing-form button[type=submit]");
        await teacher.WaitForSelectorAsync("#share-link-row:not([hidden])");
        var link = await teacher.InputValueAsync("#share-link");
        link.Should().Contain("/banks/friday-quiz?key=");
        await teacher.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "bank-shared-by-link.png"), FullPage = true });

        var phone = await NewPage(390, 844);
        (await phone.GotoAsync(link))!.Status.Should().Be(200);
        (await phone.TextContentAsync(".questions")).Should().Contain("Which river flows through Astana?").And.Contain("Ishim (Esil)");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "bank-by-link-phone.png"), FullPage = true });

        await teacher.SetInputFilesAsync("#replace-file", File("Friday quiz", "Ishim"));
        await teacher.ClickAsync("#replace-form button[type=submit]");
        await teacher.WaitForSelectorAsync("#replace-status:has-text('version 2')");
        (await teacher.TextContentAsync("#replace-status")).Should().Contain("1 with a new answer");
        await teacher.WaitForSelectorAsync("#versions li:has-text('Version 2')");
        (await teacher.Locator("#versions li").CountAsync()).Should().Be(2);

        await teacher.CheckAsync("#access-private");
        await teacher.ClickAsync("#sharing-form button[type=submit]");
        await teacher.WaitForSelectorAsync("#sharing-status:has-text('Private')");
        (await phone.GotoAsync(link))!.Status.Should().Be(404, "the link stopped working");
        await teacher.GotoAsync("/");
        (await teacher.TextContentAsync(".my-banks")).Should().Contain("Friday quiz").And.Contain("Private");
        await AxeChecks.NoSeriousProblems(teacher, "home (teacher)");
        await teacher.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "home-teacher.png"), FullPage = true });
        await teacher.ClickAsync("#bank-friday-quiz h3 a");

        teacher.Dialog += (_, dialog) => dialog.AcceptAsync();
        await teacher.ClickAsync("#delete-bank");
        await teacher.WaitForURLAsync(App.BaseAddress.ToString());
        (await teacher.TextContentAsync(".my-banks")).Should().Contain("You have no banks yet");
        errors.Should().BeEmpty();
    }
}
