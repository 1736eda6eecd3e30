using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Steppe.Web.Banks;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Media;

/// <summary>Pictures through the real app: an author uploads one, a bank names it, anyone with the bank sees it,
/// and what is not a picture, too large, over the quota or missing is refused with the reason and nothing saved.</summary>
public sealed class PictureApiTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly SteppeFactory _app;

    public PictureApiTests() => _app = new SteppeFactory(_folder);

    public void Dispose()
    {
        _app.Dispose();
        _folder.Dispose();
    }

    private static ByteArrayContent Body(byte[] bytes, string type = "image/png") =>
        new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(type) } };

    private static string BankWithPicture(string src, string format = "1.1") => $$"""
        { "format": {{format}}, "id": "maps", "title": "Maps", "questions": [
          { "id": "where", "type": "short-answer", "prompt": "Which country is coloured?", "image": { "src": "{{src}}", "alt": "A map with one country coloured" }, "answer": "Kazakhstan" } ] }
        """;

    private static async Task<string> Src(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("src").GetString()!;
    }

    [Fact]
    public async Task An_uploaded_picture_is_served_clean_by_its_hash_and_cached_for_good()
    {
        var author = await _app.SignedUpClientAsync();

        var src = await Src(await author.PostAsync("/api/media", Body(TestPictures.PngWithText(40, 30))));
        var served = await _app.CreateClient().GetAsync("/" + src);

        src.Should().MatchRegex("^media/[0-9a-f]{32}\\.png$");
        served.StatusCode.Should().Be(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        served.Headers.CacheControl!.ToString().Should().Contain("immutable").And.Contain("max-age=31536000");
        served.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        served.Headers.GetValues("Content-Security-Policy").Should().Equal("default-src 'none'; sandbox");
        var bytes = await served.Content.ReadAsByteArrayAsync();
        TestPictures.Contains(bytes, TestPictures.Secret).Should().BeFalse();
        SKBitmap.Decode(bytes).Width.Should().Be(40);
        // The same picture again is the same address, stored once.
        (await Src(await author.PostAsync("/api/media", Body(TestPictures.PngWithText(40, 30))))).Should().Be(src);
    }

    [Fact]
    public async Task A_bank_saves_with_a_picture_that_is_here_and_is_refused_at_the_place_of_one_that_is_not()
    {
        var author = await _app.SignedUpClientAsync();
        var src = await Src(await author.PostAsync("/api/media", Body(TestPictures.SidewaysJpegWithExif(), "image/jpeg")));

        var missing = await author.PostAsync("/api/banks", new StringContent(BankWithPicture("media/not-uploaded.png"), Encoding.UTF8, "application/json"));
        var saved = await author.PostAsync("/api/banks", new StringContent(BankWithPicture(src), Encoding.UTF8, "application/json"));

        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problems = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        problems.GetProperty("$.questions[0].image.src")[0].GetString().Should().Contain("'media/not-uploaded.png' is not among the pictures here").And.Contain("(line 2, column");
        saved.StatusCode.Should().Be(HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        var bank = await author.GetStringAsync("/api/banks/maps");
        bank.Should().Contain($"\"src\": \"{src}\"").And.Contain("\"format\": 1.1");
    }

    [Fact]
    public async Task What_is_not_a_picture_or_comes_from_no_account_is_refused_and_nothing_is_stored()
    {
        var author = await _app.SignedUpClientAsync();

        var svg = await author.PostAsync("/api/media", Body(Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg'/>"), "image/svg+xml"));
        var tooLarge = await author.PostAsync("/api/media", Body(new byte[6 * 1024 * 1024]));
        var anonymous = await _app.CreateClient().PostAsync("/api/media", Body(TestPictures.PngWithText()));
        var unknown = await _app.CreateClient().GetAsync("/media/0123456789abcdef0123456789abcdef.png");

        svg.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await svg.Content.ReadAsStringAsync()).Should().Contain("not a PNG, JPEG, WebP or GIF");
        tooLarge.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Steppe.Web.Data.AppDbContext>().Media.Count().Should().Be(0);
    }

    [Fact]
    public async Task An_account_over_its_picture_quota_is_told_how_much_it_uses()
    {
        using var first = TestPictures.Noise(60, 60, seed: 1);
        using var second = TestPictures.Noise(60, 60, seed: 2);
        var small = TestPictures.Encode(first, SKEncodedImageFormat.Png);
        small.Length.Should().BeInRange(10_000, 15_000, "noise does not compress");
        _app.Settings["Banks:MaxPictureBytesPerAccount"] = "20000";
        var author = await _app.SignedUpClientAsync();

        var stored = await author.PostAsync("/api/media", Body(small));
        var over = await author.PostAsync("/api/media", Body(TestPictures.Encode(second, SKEncodedImageFormat.Png)));

        stored.StatusCode.Should().Be(HttpStatusCode.Created, "the first picture fits in 20,000 bytes, the second not with it");
        over.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await over.Content.ReadAsStringAsync()).Should().Contain("Picture quota reached").And.Contain("Nothing was saved");
    }

    [Fact]
    public async Task The_bank_folder_media_is_checked_at_start_and_its_banks_may_name_it()
    {
        var media = Directory.CreateDirectory(Path.Combine(_folder.Banks, "media")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(media, "map.png"), TestPictures.PngWithText(20, 10));
        await File.WriteAllTextAsync(Path.Combine(media, "fake.png"), "<script>alert(1)</script>");
        _folder.WriteBank("maps.json", BankWithPicture("media/map.png"));
        _folder.WriteBank("broken.json", BankWithPicture("media/fake.png").Replace("\"maps\"", "\"broken\""));

        var served = await _app.CreateClient().GetAsync("/media/map.png");
        var report = _app.Services.GetRequiredService<BankLoader>().LastReport;

        served.StatusCode.Should().Be(HttpStatusCode.OK);
        served.Headers.CacheControl!.MaxAge.Should().Be(TimeSpan.FromHours(1), "a folder file may change between starts");
        TestPictures.Contains(await served.Content.ReadAsByteArrayAsync(), TestPictures.Secret).Should().BeFalse();
        report.Added.Should().Equal("maps");
        report.Skipped.Select(s => s.File).Should().BeEquivalentTo(["media/fake.png", "broken.json"]);
        report.Skipped.Single(s => s.File == "broken.json").Problems.Single().Should().Contain("$.questions[0].image.src");
        (await _app.CreateClient().GetAsync("/media/fake.png")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_copy_and_its_pictures_outlive_the_original_authors_account()
    {
        var author = await _app.SignedUpClientAsync();
        var src = await Src(await author.PostAsync("/api/media", Body(TestPictures.PngWithText(30, 20))));
        (await author.PostAsync("/api/banks", new StringContent(BankWithPicture(src), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await author.PutAsJsonAsync("/api/banks/maps/sharing", new { access = "public" })).EnsureSuccessStatusCode();
        var teacher = await _app.SignedUpClientAsync();

        (await teacher.PostAsync("/api/banks/maps/copy", null)).StatusCode.Should().Be(HttpStatusCode.Created);
        var deleted = await author.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/account") { Content = JsonContent.Create(new { password = Support.Accounts.Password }) });

        deleted.IsSuccessStatusCode.Should().BeTrue();
        (await teacher.GetStringAsync("/api/banks/maps-copy")).Should().Contain(src);
        (await _app.CreateClient().GetAsync("/" + src)).StatusCode.Should().Be(HttpStatusCode.OK, "the copy's owner holds the picture too");
    }

    [Fact]
    public async Task A_bank_may_name_its_authors_pictures_not_another_accounts()
    {
        var author = await _app.SignedUpClientAsync();
        var src = await Src(await author.PostAsync("/api/media", Body(TestPictures.PngWithText(30, 20))));
        var stranger = await _app.SignedUpClientAsync();

        var refused = await stranger.PostAsync("/api/banks", new StringContent(BankWithPicture(src), Encoding.UTF8, "application/json"));

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, "another account's picture would vanish with that account, and costs the stranger no quota");
        (await refused.Content.ReadAsStringAsync()).Should().Contain("is not among the pictures here");
    }

    [Fact]
    public async Task When_the_quota_is_full_pictures_no_bank_names_make_room_after_a_day()
    {
        using var one = TestPictures.Noise(60, 60, seed: 4);
        using var two = TestPictures.Noise(60, 60, seed: 5);
        using var three = TestPictures.Noise(60, 60, seed: 6);
        var (first, second, third) = (TestPictures.Encode(one, SKEncodedImageFormat.Png), TestPictures.Encode(two, SKEncodedImageFormat.Png), TestPictures.Encode(three, SKEncodedImageFormat.Png));
        _app.Settings["Banks:MaxPictureBytesPerAccount"] = $"{first.Length + second.Length + third.Length / 2}"; // room for two
        var author = await _app.SignedUpClientAsync();
        var kept = await Src(await author.PostAsync("/api/media", Body(first)));
        (await author.PostAsync("/api/banks", new StringContent(BankWithPicture(kept), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var unused = await Src(await author.PostAsync("/api/media", Body(second)));

        var full = await author.PostAsync("/api/media", Body(third));
        _app.Clock.Advance(TimeSpan.FromDays(2));
        var room = await author.PostAsync("/api/media", Body(third));

        full.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the unused picture is less than a day old");
        room.StatusCode.Should().Be(HttpStatusCode.Created, "the picture no bank names made room");
        (await _app.CreateClient().GetAsync("/" + unused)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _app.CreateClient().GetAsync("/" + kept)).StatusCode.Should().Be(HttpStatusCode.OK, "the bank's picture stays");
    }
}
