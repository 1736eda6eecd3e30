using Microsoft.Playwright;
using SkiaSharp;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Browser;

/// <summary>A teacher adds a picture to a question and to a choice in the editor's form, is asked for its alt text,
/// saves, and sees the pictures in study, on the projector and on a student's phone in a live game.</summary>
public sealed class PicturesInBrowserTests : BrowserSession
{
    private static async Task<(int Width, string Alt)> Shown(IPage page, string selector)
    {
        await page.WaitForFunctionAsync($"() => {{ const i = document.querySelector(\"{selector}\"); return i && i.complete && i.naturalWidth > 0; }}");
        var image = page.Locator(selector).First;
        return (await image.EvaluateAsync<int>("i => i.naturalWidth"), (await image.GetAttributeAsync("alt"))!);
    }

    [BrowserFact]
    public async Task A_picture_added_in_the_editor_is_seen_in_study_on_the_projector_and_on_a_phone()
    {
        using var flag = TestPictures.Halves(120, 80);
        using var steppe = TestPictures.Noise(64, 40, seed: 3);
        var teacher = await NewPage(1280, 900);
        await SignUp(teacher, "pictures@example.org");
        await teacher.GotoAsync("/banks/new");
        await teacher.WaitForSelectorAsync("#editor[data-ready]");
        await teacher.FillAsync("#bank-title", "Flags");
        await teacher.FillAsync("#q0-prompt", "Whose flag is this?");
        await teacher.SetInputFilesAsync("#q0-image-file", new FilePayload { Name = "flag.png", MimeType = "image/png", Buffer = TestPictures.PngWithText(120, 80) });
        await teacher.WaitForSelectorAsync("#q0-image-alt");
        await teacher.WaitForSelectorAsync("[data-path='$.questions[0].image.alt']:has-text('must not be empty')");
        await teacher.FillAsync("#q0-image-alt", "A flag, red on the left half and blue on the right");
        await teacher.FillAsync("#q0-choice-0", "Redland");
        await teacher.FillAsync("#q0-choice-1", "Blueland");
        await teacher.CheckAsync("input[name='q0-right'] >> nth=0");
        await teacher.SetInputFilesAsync("#q0-choice-1-image-file", new FilePayload { Name = "steppe.webp", MimeType = "image/webp", Buffer = TestPictures.Encode(steppe, SKEncodedImageFormat.Webp) });
        await teacher.WaitForSelectorAsync("#q0-choice-1-image-alt");
        // Not a picture: refused with the server's reason, and nothing changes in the question.
        await teacher.SetInputFilesAsync("#q0-choice-0-image-file", new FilePayload { Name = "evil.png", MimeType = "image/png", Buffer = "<svg onload=alert(1)>"u8.ToArray() });
        await teacher.WaitForSelectorAsync(".picture-edit:has(#q0-choice-0-image-file) .upload-error:has-text('not a PNG, JPEG, WebP or GIF')");
        await teacher.FillAsync("#q0-prompt", "Whose flag is this one?"); // an edit, so the form is checked again
        await teacher.WaitForSelectorAsync("[data-path='$.questions[0].choiceImages[1].alt']:has-text('must not be empty')");
        (await teacher.IsVisibleAsync(".picture-edit:has(#q0-choice-0-image-file) .upload-error")).Should().BeTrue("the reason stays after the next check");
        (await teacher.Locator("#q0-choice-0-image-alt").CountAsync()).Should().Be(0, "a refused file adds no picture");
        await teacher.SetInputFilesAsync("#q0-choice-0-image-file", new FilePayload { Name = "red.png", MimeType = "image/png", Buffer = TestPictures.Encode(flag, SKEncodedImageFormat.Png) });
        await teacher.WaitForSelectorAsync("#q0-choice-0-image-alt");
        // Two alt texts typed one after the other, with no redraw between: each keeps its own.
        await teacher.FillAsync("#q0-choice-0-image-alt", "Red and blue halves");
        await teacher.FillAsync("#q0-choice-1-image-alt", "Grass under a grey sky");
        await teacher.WaitForFunctionAsync("() => document.getElementById('problem-summary').textContent === ''");
        await teacher.ClickAsync("#question-list li:first-child summary");
        (await Shown(teacher, "#question-list li:first-child .preview-phone .preview-picture")).Width.Should().Be(120);
        await teacher.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "editor-pictures.png"), FullPage = true });
        await teacher.ClickAsync("#save");
        await teacher.WaitForURLAsync("**/banks/flags/edit?saved=1");
        await teacher.WaitForSelectorAsync("#q0-image-alt");
        var saved = await teacher.EvaluateAsync<string>("async () => await (await fetch('/api/banks/flags')).text()");
        saved.Should().Contain("\"alt\": \"Red and blue halves\"").And.Contain("\"alt\": \"Grass under a grey sky\"").And.Contain("\"format\": 1.1");

        // Study: the picture above the choices, each choice's with it.
        await teacher.GotoAsync("/study?bank=flags");
        await teacher.WaitForSelectorAsync("#bank option[value='flags']", new() { State = WaitForSelectorState.Attached });
        await teacher.SelectOptionAsync("#bank", "flags");
        await teacher.ClickAsync("#add-deck button[type=submit]");
        await teacher.WaitForSelectorAsync("#card:not([hidden])");
        (await Shown(teacher, "#card-picture img")).Should().Be((120, "A flag, red on the left half and blue on the right"));
        (await Shown(teacher, "#card-input button:nth-child(2) img")).Should().Be((64, "Grass under a grey sky"));
        await teacher.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "study-picture.png"), FullPage = true });

        // Live: the projector and a phone.
        await teacher.GotoAsync("/live/host");
        await teacher.WaitForSelectorAsync("#bank option[value='flags']", new() { State = WaitForSelectorState.Attached });
        await teacher.SelectOptionAsync("#bank", "flags");
        await teacher.ClickAsync("#create button[type=submit]");
        await teacher.WaitForSelectorAsync("#pin:not(:empty)");
        var pin = (await teacher.TextContentAsync("#pin"))!;
        var phone = await NewPage(390, 844);
        await phone.GotoAsync($"/play?pin={pin}");
        await phone.FillAsync("#nickname", "Aigerim");
        await phone.ClickAsync("#join button[type=submit]");
        await phone.WaitForSelectorAsync("#game:not([hidden])");
        await teacher.WaitForFunctionAsync("() => document.getElementById('player-count').textContent === '1'");
        await teacher.ClickAsync("#start");

        (await Shown(phone, "#q-picture img")).Should().Be((120, "A flag, red on the left half and blue on the right"));
        (await Shown(phone, "#answer-area .big-answer.a1 img")).Width.Should().Be(64);
        (await Shown(teacher, "#q-picture img")).Width.Should().Be(120);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "live-phone-picture.png") });
        await teacher.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "live-host-picture.png") });

        await phone.ClickAsync("#answer-area .big-answer.a1"); // Blueland: wrong
        await phone.WaitForSelectorAsync("#answer-area .big-answer.right");
        (await phone.GetAttributeAsync("#answer-area .big-answer.right", "data-answer")).Should().Be("Redland");
        (await phone.GetAttributeAsync("#answer-area .big-answer.picked", "data-answer")).Should().Be("Blueland", "the player's own pick stays marked");
        await phone.WaitForSelectorAsync("#feedback.wrong");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "live-phone-picture-reveal.png") });
        CspViolations.Should().BeEmpty();
    }
}
