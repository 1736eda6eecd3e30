using Microsoft.Playwright;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Browser;

/// <summary>A teacher's projector page and three phones play three questions to the podium, the host page
/// reloaded in the middle; screenshots in TestResults/screenshots, axe-core on both pages.</summary>
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
        await host.FillAsync("#seconds", "10");
        await host.ClickAsync("#create button[type=submit]");
        await host.WaitForSelectorAsync("#pin:not(:empty)");
        var pin = (await host.TextContentAsync("#pin"))!;
        pin.Should().MatchRegex("^[0-9]{6}$");

        var phones = new List<IPage>();
        foreach (var name in new[] { "Aruzhan", "Dana", "" })
        {
            var phone = await NewPage(390, 844);
            await phone.GotoAsync($"/play?pin={pin}");
            if (name.Length > 0)
            {
                await phone.FillAsync("#nickname", name);
            }
            else
            {
                await phone.ClickAsync("#suggest"); // the third player takes a suggested name
                await phone.WaitForFunctionAsync("document.getElementById('nickname').value.length > 0");
            }
            await phone.ClickAsync("#join button[type=submit]");
            await phone.WaitForSelectorAsync("#game:not([hidden])");
            phones.Add(phone);
        }
        await host.WaitForFunctionAsync("document.getElementById('player-count').textContent === '3'");
        await host.WaitForFunctionAsync("document.getElementById('qr').complete && document.getElementById('qr').naturalWidth > 0");
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
                await phones[0].ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "live-phone-question.png") });
                await host.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "live-host-question.png") });
            }
            for (var i = 0; i < phones.Count; i++)
            {
                var buttons = phones[i].Locator("#answer-area button.big-answer");
                if (await phones[i].Locator("#answer-area input").CountAsync() > 0)
                {
                    await phones[i].FillAsync("#answer-area input", "42");
                }
                await buttons.Nth(Math.Min(i, await buttons.CountAsync() - 1)).ClickAsync();
            }
            await host.WaitForSelectorAsync("#reveal:not([hidden])");
            foreach (var phone in phones)
            {
                await phone.WaitForSelectorAsync("#feedback.right, #feedback.wrong");
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
        (await phones[1].TextContentAsync("#feedback")).Should().StartWith("Game over. Podium: 1.");
    }
}
