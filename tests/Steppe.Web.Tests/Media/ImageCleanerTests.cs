using System.Text;
using SkiaSharp;
using Steppe.Web.Media;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Media;

/// <summary>A picture is judged by its content and written again without what it says about its author.</summary>
public sealed class ImageCleanerTests
{
    private static async Task<CleanImage> Clean(byte[] bytes)
    {
        var (image, refusal) = await ImageCleaner.CleanAsync(bytes, CancellationToken.None);
        refusal.Should().BeNull();
        return image!;
    }

    private static SKBitmap Decode(byte[] bytes) => SKBitmap.Decode(bytes) ?? throw new InvalidOperationException("not decodable");

    [Fact]
    public async Task A_png_keeps_its_pixels_and_loses_its_text_chunks()
    {
        var original = TestPictures.PngWithText(40, 30);
        TestPictures.Contains(original, TestPictures.Secret).Should().BeTrue("the test picture carries the secret");

        var clean = await Clean(original);

        clean.Should().BeEquivalentTo(new { ContentType = "image/png", Extension = "png", Width = 40, Height = 30 });
        TestPictures.Contains(clean.Bytes, TestPictures.Secret).Should().BeFalse();
        using var pixels = Decode(clean.Bytes);
        pixels.GetPixel(5, 15).Should().Be(SKColors.Red);
        pixels.GetPixel(35, 15).Should().Be(SKColors.Blue);
    }

    [Fact]
    public async Task A_sideways_camera_jpeg_is_turned_upright_before_its_exif_goes()
    {
        var original = TestPictures.SidewaysJpegWithExif(storedWidth: 40, storedHeight: 20);

        var clean = await Clean(original);

        clean.Should().BeEquivalentTo(new { ContentType = "image/jpeg", Extension = "jpg", Width = 20, Height = 40 });
        TestPictures.Contains(clean.Bytes, "Exif").Should().BeFalse();
        TestPictures.Contains(clean.Bytes, TestPictures.Secret).Should().BeFalse();
        using var pixels = Decode(clean.Bytes);
        // Turned a quarter clockwise: the stored left half (red) is now the top.
        pixels.GetPixel(10, 5).Red.Should().BeGreaterThan(200);
        pixels.GetPixel(10, 35).Blue.Should().BeGreaterThan(200);
    }

    public static TheoryData<byte, int, int, int, int> Orientations => new()
    {
        // EXIF orientation; the upright size; where the stored left half (red) ends up: a point inside it
        { 1, 40, 20, 10, 10 },
        { 2, 40, 20, 30, 10 }, // mirrored: red on the right
        { 3, 40, 20, 30, 10 }, // half a turn
        { 4, 40, 20, 10, 10 }, // upside down: left stays left
        { 5, 20, 40, 10, 5 },  // transposed
        { 6, 20, 40, 10, 5 },  // a quarter turn clockwise: left becomes top
        { 7, 20, 40, 10, 35 }, // transversed
        { 8, 20, 40, 10, 35 }, // a quarter turn back: left becomes bottom
    };

    [Theory]
    [MemberData(nameof(Orientations))]
    public async Task Every_camera_orientation_is_turned_upright(byte orientation, int width, int height, int redX, int redY)
    {
        var clean = await Clean(TestPictures.SidewaysJpegWithExif(storedWidth: 40, storedHeight: 20, orientation));

        (clean.Width, clean.Height).Should().Be((width, height));
        using var pixels = Decode(clean.Bytes);
        pixels.GetPixel(redX, redY).Red.Should().BeGreaterThan(200);
        pixels.GetPixel(width - 1 - redX, height - 1 - redY).Blue.Should().BeGreaterThan(200);
    }

    [Fact]
    public async Task A_gifs_loop_and_timing_blocks_are_written_anew_without_what_rode_along()
    {
        var clean = await Clean(TestPictures.GifWithFrames(3));

        TestPictures.Contains(clean.Bytes, TestPictures.Secret).Should().BeFalse();
        using var codec = SKCodec.Create(new SKMemoryStream(clean.Bytes));
        codec.FrameCount.Should().Be(3);
        codec.FrameInfo[1].Duration.Should().Be(100, "the frame's delay (10 hundredths) is kept");
    }

    [Fact]
    public async Task A_gif_animation_too_heavy_for_phones_is_refused()
    {
        var (image, refusal) = await ImageCleaner.CleanAsync(TestPictures.GifWithFrames(GifScrubber.MostFrames + 1), CancellationToken.None);

        image.Should().BeNull();
        refusal.Should().Contain($"at most {GifScrubber.MostFrames} frames");
    }

    [Fact]
    public async Task A_gif_keeps_its_frames_and_loop_and_loses_comments_and_xmp()
    {
        var clean = await Clean(TestPictures.GifWithComment());

        clean.Should().BeEquivalentTo(new { ContentType = "image/gif", Width = 1, Height = 1 });
        TestPictures.Contains(clean.Bytes, TestPictures.Secret).Should().BeFalse();
        TestPictures.Contains(clean.Bytes, "NETSCAPE2.0").Should().BeTrue();
        Decode(clean.Bytes).Width.Should().Be(1);
    }

    [Fact]
    public async Task A_webp_is_written_again_as_webp()
    {
        using var bitmap = TestPictures.Halves(64, 48);

        var clean = await Clean(TestPictures.Encode(bitmap, SKEncodedImageFormat.Webp));

        clean.Should().BeEquivalentTo(new { ContentType = "image/webp", Extension = "webp", Width = 64, Height = 48 });
        Decode(clean.Bytes).Width.Should().Be(64);
    }

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "empty", [], "empty" },
        { "an SVG (it can carry scripts)", Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"), "not a PNG, JPEG, WebP or GIF" },
        { "HTML named as a picture", Encoding.UTF8.GetBytes("<!doctype html><script>alert(1)</script>"), "judged by its content" },
        { "a PNG cut in half", TestPictures.PngWithText(200, 200)[..300], "cut short" },
        { "a PNG signature and nothing else", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "cannot be read as one" },
        { "5000×100 pixels", TestPictures.PngClaiming(5000, 100), "at most 4096×4096" },
        { "a decompression bomb: 100,000×100,000 pixels claimed in 60 bytes", TestPictures.PngClaiming(100_000, 100_000), "100000×100000 pixels; a picture may be at most 4096×4096" },
        { "more than 5 MB", [.. TestPictures.PngWithText(), .. new byte[5 * 1024 * 1024]], "at most 5 MB" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_that_is_not_a_picture_we_show_is_refused_with_a_reason(string what, byte[] bytes, string reason)
    {
        var (image, refusal) = await ImageCleaner.CleanAsync(bytes, CancellationToken.None);

        image.Should().BeNull(what);
        refusal.Should().Contain(reason);
    }
}
