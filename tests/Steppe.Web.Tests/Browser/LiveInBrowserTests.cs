using Microsoft.Playwright;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Browser;

/// <summary>A teacher's projector page and three phones play three of four picked questions to the podium: a
/// pause in the first, the host page reloaded in the middle, one phone silent on the last; then each phone's
/// summary, a signed-in student keeping what they missed, and the host's results page and CSV. Screenshots
/// in TestResults/screenshots, axe-core on the pages.</summary>
public sealed class LiveInBrowserTests : BrowserSession
{
    [BrowserTheory]
    [InlineData("starter")]
    public async Task A_host_and_three_phones_play_three_questions_to_the_podium(string bank)
    {
        var host = await NewPage(1280, 800);
        host.Dialog += (_, d) => d.AcceptAsync();
        await host.GotoAsync("/signup");
        await host.FillAsync("#email", "teacher@example.org");
        await host.FillAsync("#password", "violet tangerine ladder");
        await host.ClickAsync("button[type=submit]");
        await host.WaitForURLAsync(App.BaseAddress.ToString());
        await host.GotoAsync("/live/host");
        await host.WaitForSelectorAsync($"#bank option[value='sino-kazakh-relations-{bank}']", new() { State = WaitForSelectorState.Attached });
        await host.SelectOptionAsync("#bank", $"sino-kazakh-relations-{bank}");
        await host.ClickAsync("#pick summary");
        var ticks = host.Locator("#question-list input[type=checkbox]");
        foreach (var i in new[] { 3, 0, 1, 2 }) // asked in the order ticked
        {
            await ticks.Nth(i).CheckAsync();
        }
        (await host.TextContentAsync("#chosen-count")).Should().Be("4 questions will be asked.");
        var fourth = (await host.Locator("#question-list label").Nth(3).TextContentAsync())!.Trim();
        fourth.Should().StartWith("#1 ", "the question ticked first shows its place");
        (await host.Locator("#question-list label").Nth(0).TextContentAsync())!.Trim().Should().StartWith("#2 ");
        await host.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "live-host-setup.png"), FullPage = true });
        await AxeChecks.NoSeriousProblems(host, "host setup");
        await host.FillAsync("#seconds", "30");
        await host.ClickAsync("#create button[type=submit]");
        await host.WaitForSelectorAsync("#pin:not(:empty)");
        var pin = (await host.TextContentAsync("#pin"))!;
        pin.Should().MatchRegex("^[0-9]{6}$");

        var phones = new List<IPage>();
        foreach (var name in new[] { "Aruzhan", "Dana", "" })
        {
            var phone = await NewPage(390, 844);
            if (name == "Aruzhan") // a student with an account, who will keep what she missed
            {
                await phone.GotoAsync("/signup");
                await phone.FillAsync("#email", "aruzhan@example.org");
                await phone.FillAsync("#password", "copper lantern meadow");
                await phone.ClickAsync("button[type=submit]");
                await phone.WaitForURLAsync(App.BaseAddress.ToString());
            }
            await phone.GotoAsync($"/play?pin={pin}");
            if (name.Length > 0)
            {
                await phone.FillAsync("#nickname", name);
            }
            else
            {
                await phone.ClickAsync("#suggest"); // the third player takes a suggested name
                await phone.WaitForFunctionAsync("() => document.getElementById('nickname').value.length > 0");
            }
            await phone.ClickAsync("#join button[type=submit]");
            await phone.WaitForSelectorAsync("#game:not([hidden])");
            phones.Add(phone);
        }
        await host.WaitForFunctionAsync("() => document.getElementById('player-count').textContent === '3'");
        await host.WaitForFunctionAsync("() => document.getElementById('qr').complete && document.getElementById('qr').naturalWidth > 0");
        await host.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "live-host-lobby.png") });
        await AxeChecks.NoSeriousProblems(host, "host");
        await AxeChecks.NoSeriousProblems(phones[0], "play");

        await host.ClickAsync("#start");
        for (var q = 0; q < 3; q++)
        {
            foreach (var phone in phones)
            {
                await phone.WaitForSelectorAsync($"#q-number:text('Question {q + 1} of')");
            }
            if (q == 0)
            {
                (await host.TextContentAsync("#q-prompt")).Should().Be(fourth["#1 ".Length..], "the first question ticked is asked first");
                await phones[0].ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "live-phone-question.png") });
                await host.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "live-host-question.png") });
                await host.ClickAsync("#pause");
                await phones[1].WaitForSelectorAsync("#countdown:text('Paused')");
                (await phones[1].Locator("#answer-area button.big-answer").First.IsDisabledAsync()).Should().BeTrue("no answers while paused");
                await host.ClickAsync("#pause"); // resume
                await phones[1].WaitForSelectorAsync("#countdown:text(' s')");
            }
            for (var i = 0; i < phones.Count; i++)
            {
                if (q == 2 && i == 0)
                {
                    continue; // Aruzhan misses the last question
                }
                var buttons = phones[i].Locator("#answer-area button.big-answer");
                if (await phones[i].Locator("#answer-area input").CountAsync() > 0)
                {
                    await phones[i].FillAsync("#answer-area input", "42");
                }
                await buttons.Nth(Math.Min(i, await buttons.CountAsync() - 1)).ClickAsync();
            }
            if (q == 2)
            {
                await host.WaitForFunctionAsync("() => document.getElementById('answers-in').textContent === '2 of 3'");
                await host.ClickAsync("#skip");
            }
            await host.WaitForSelectorAsync("#reveal:not([hidden])");
            foreach (var phone in phones)
            {
                await phone.WaitForSelectorAsync("#feedback.right, #feedback.wrong");
            }
            // A phone shows which choice was right once the question closes (and not before: see the hub's acks).
            var rightAnswer = (await host.TextContentAsync("#r-answer"))!;
            (await phones[1].TextContentAsync("#countdown")).Should().Be($"Right answer: {rightAnswer}");
            if (await phones[1].Locator("#answer-area button[data-answer]").CountAsync() > 1)
            {
                (await phones[1].Locator("#answer-area button.right").AllAsync()).Should().ContainSingle();
                (await phones[1].Locator("#answer-area button.right").GetAttributeAsync("data-answer")).Should().Be(rightAnswer);
                (await phones[1].Locator("#answer-area button.not-right").CountAsync()).Should().Be(await phones[1].Locator("#answer-area button[data-answer]").CountAsync() - 1);
            }
            if (q == 0)
            {
                await phones[0].ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "live-phone-result.png") });
                await host.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "live-host-reveal.png") });
            }
            if (q == 1)
            {
                await host.ReloadAsync(); // the host page comes back to the same game
                await host.WaitForSelectorAsync("#stage:not([hidden])");
                (await host.TextContentAsync("#pin")).Should().Be(pin);
            }
            if (q < 2)
            {
                await host.ClickAsync("#next:visible");
            }
        }
        await host.ClickAsync("#end");
        await host.WaitForSelectorAsync("#podium:not([hidden])");
        await host.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "live-host-podium.png") });
        (await host.Locator("#podium-list li").CountAsync()).Should().Be(3);
        (await host.IsHiddenAsync(".join-banner")).Should().BeTrue("the PIN and QR code go once no one can join");
        foreach (var phone in phones)
        {
            await phone.WaitForSelectorAsync("#summary-place:not(:empty)");
            (await phone.TextContentAsync("#summary-podium")).Should().StartWith("Podium: 1.");
            (await phone.TextContentAsync("#summary-place")).Should().MatchRegex(@"^You are number [1-3] of 3 with \d+ points: [0-3] of 3 right\.$");
        }

        var student = phones[0];
        (await student.Locator("#missed-list li").CountAsync()).Should().BeGreaterThanOrEqualTo(1, "she did not answer the last question");
        await student.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "live-phone-summary.png"), FullPage = true });
        await AxeChecks.NoSeriousProblems(student, "play summary");
        var missed = await student.Locator("#missed-list li").CountAsync();
        await student.ClickAsync("#keep-missed");
        await student.WaitForSelectorAsync($"#keep-status:text('Added {missed} to your deck')");
        var decks = await (await student.APIRequest.GetAsync("/api/decks")).JsonAsync();
        decks!.Value[0].GetProperty("cards").GetInt32().Should().Be(missed);
        await phones[1].ClickAsync("#keep-missed:visible, #summary a[href='/play']"); // an anonymous phone is asked to sign in
        (await student.Locator("#keep-hint").CountAsync()).Should().Be(0, "she is signed in");
        if (await phones[1].Locator("#keep-missed").IsVisibleAsync())
        {
            (await phones[1].IsVisibleAsync("#keep-hint")).Should().BeTrue("an anonymous player is told how to keep the questions");
            await phones[1].WaitForSelectorAsync("#keep-status a[href='/signin']");
        }

        var place = await phones[1].TextContentAsync("#summary-place");
        await phones[1].ReloadAsync(); // e.g. after signing in: the summary comes back
        await phones[1].WaitForSelectorAsync("#summary-place:not(:empty)");
        (await phones[1].TextContentAsync("#summary-place")).Should().Be(place);
        await phones[1].ClickAsync("#another-game");
        await phones[1].WaitForSelectorAsync("#join:not([hidden])");
        (await phones[1].IsHiddenAsync("#game")).Should().BeTrue("another game starts from the join form");

        await host.ClickAsync("#results-link");
        await host.WaitForSelectorAsync("h2#questions-title");
        (await host.Locator("#questions-title + p + table tbody tr").CountAsync()).Should().Be(3, "three of the four questions were asked");
        (await host.Locator("h2#players-title + table tbody tr").CountAsync()).Should().Be(3);
        await host.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "live-host-results.png"), FullPage = true });
        await AxeChecks.NoSeriousProblems(host, "results");
        var csv = await (await host.APIRequest.GetAsync((await host.GetAttributeAsync("a[download]", "href"))!)).TextAsync();
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1 + 3 * 3, "a header and one row per player per question asked");

        await host.ClickAsync("#delete-game"); // the dialog is accepted
        await host.WaitForURLAsync("**/live/games");
        (await host.TextContentAsync("main"))!.Should().Contain("No games yet");
    }
}
