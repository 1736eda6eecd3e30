using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SkiaSharp;
using Steppe.Domain.Banks;
using Steppe.Domain.Interchange;
using Steppe.Web.Interchange;
using Steppe.Web.Tests.Support;
using static Steppe.Web.Tests.Support.AnkiFixture;

namespace Steppe.Web.Tests.Media;

/// <summary>Pictures come in from Anki and go back to it: a card whose front is a flag asks what the picture shows,
/// the file is read from the package's media in each layout, checked and stored as any upload; an export carries the
/// pictures in Anki's media map, and reads back to the same files.</summary>
public sealed class AnkiPictureTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly SteppeFactory _app;

    public AnkiPictureTests() => _app = new SteppeFactory(_folder);

    public void Dispose()
    {
        _app.Dispose();
        _folder.Dispose();
    }

    private static readonly byte[] Flag = TestPictures.PngWithText(60, 40);

    private static readonly Note[] Deck =
    [
        new(1600000000001, BasicReversed, ["<img src=\"flag kz.png\" alt=\"A sky-blue flag with a golden sun\">", "Kazakhstan"], [0, 1]),
        new(1600000000002, Cloze, ["{{c1::Astana}} lies on the Ishim.<img src=\"river.png\">", ""], [0]),
        new(1600000000003, BasicReversed, ["Almaty", "<img src=\"missing.png\"> largest city"], [0]),
    ];

    private static byte[] DeckPackage(string layout) =>
        Package(layout, Deck, pictures: new Dictionary<string, byte[]> { ["flag kz.png"] = Flag, ["river.png"] = Flag });

    [Theory]
    [InlineData("anki2")]
    [InlineData("anki21")]
    [InlineData("anki21b")]
    public void A_picture_on_the_front_comes_with_its_card_in_each_layout(string layout)
    {
        var (result, warnings, pictures) = AnkiPackage.ReadWithPictures(new MemoryStream(DeckPackage(layout)));

        var flag = result.Found.Single(f => f.Question.Id == "n1600000000001-1").Question;
        flag.Prompt.Should().Be(AnkiNotes.PicturePrompt, "the front is a picture only");
        flag.AnswerText.Should().Be("Kazakhstan");
        flag.Image.Should().Be(new QuestionImage("anki:flag kz.png", "A sky-blue flag with a golden sun"));
        result.Found.Single(f => f.Question.Id == "n1600000000002-1").Question.Image!.Alt.Should().Be(AnkiNotes.NoAlt);
        result.NotConverted.Should().ContainSingle().Which.Reason.Should().Contain("its back is a picture only");
        pictures.Keys.Should().BeEquivalentTo(["flag kz.png", "river.png"]);
        pictures["flag kz.png"].Should().Equal(Flag);
        warnings.Should().BeEmpty("missing.png is on a back, which no question shows");
    }

    [Fact]
    public async Task An_imported_deck_s_pictures_are_stored_clean_and_go_back_to_anki_in_its_export()
    {
        var teacher = await _app.SignedUpClientAsync();

        var response = await teacher.PostAsync("/api/import/preview?format=anki&title=Flags", new ByteArrayContent(DeckPackage("anki21b")));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var preview = (await response.Content.ReadFromJsonAsync<ImportPreview>())!;
        var bankJson = preview.Bank.GetRawText();
        var bank = BankReader.Read(bankJson).Bank!;
        var src = bank.Questions.Single(q => q.Id == "n1600000000001-1").Image!.Src;
        src.Should().MatchRegex("^media/[0-9a-f]{32}\\.png$");
        preview.Warnings.Should().ContainMatch("*1 picture has no description in Anki*");
        var served = await teacher.GetByteArrayAsync("/" + src);
        TestPictures.Contains(served, TestPictures.Secret).Should().BeFalse("stored as any upload, without its text chunks");
        (await teacher.PostAsync("/api/banks", new StringContent(bankJson, Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.Created);

        var apkg = await teacher.GetByteArrayAsync("/api/banks/flags/export/apkg");
        using (var zip = new ZipArchive(new MemoryStream(apkg)))
        {
            var map = JsonSerializer.Deserialize<Dictionary<string, string>>(zip.GetEntry("media")!.Open());
            map.Should().ContainSingle().Which.Value.Should().Be(new QuestionImage(src, "").FileName, "both questions show the same picture, sent once");
        }
        var (back, _, pictures) = AnkiPackage.ReadWithPictures(new MemoryStream(apkg));
        back.Found.Single(f => f.Question.Prompt == AnkiNotes.PicturePrompt).Question.Image!.Alt.Should().Be("A sky-blue flag with a golden sun");
        pictures.Values.Single().Should().Equal(served);
        using var decoded = SKBitmap.Decode(pictures.Values.Single());
        decoded.Width.Should().Be(60);
    }

    [Fact]
    public async Task A_deck_picture_that_is_not_a_picture_is_left_out_and_its_picture_only_card_listed()
    {
        var teacher = await _app.SignedUpClientAsync();
        var package = Package("anki2", Deck, pictures: new Dictionary<string, byte[]> { ["flag kz.png"] = "<svg onload=alert(1)>"u8.ToArray(), ["river.png"] = Flag });

        var preview = (await (await teacher.PostAsync("/api/import/preview?format=anki&title=Flags", new ByteArrayContent(package))).Content.ReadFromJsonAsync<ImportPreview>())!;

        preview.Warnings.Should().ContainMatch("the picture 'flag kz.png' is left out: This is not a PNG, JPEG, WebP or GIF picture*");
        preview.NotConverted.Should().ContainSingle(n => n.Reason.StartsWith("its front is the picture 'flag kz.png', which is not imported"));
        preview.Found.Should().NotContain(f => f.Id == "n1600000000001-1");
        BankReader.Read(preview.Bank.GetRawText()).Bank!.Questions.Single(q => q.Id == "n1600000000002-1").Image.Should().NotBeNull("the other picture came");
    }
}
