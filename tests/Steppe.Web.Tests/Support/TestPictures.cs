using System.Text;
using SkiaSharp;

namespace Steppe.Web.Tests.Support;

/// <summary>Pictures made in the test, each carrying metadata that must not survive an upload.</summary>
public static class TestPictures
{
    public const string Secret = "GPS 43.2567N 76.9286E by Aigerim";

    /// <summary>A picture of two halves, red on the left and blue on the right, so that a turn can be seen.</summary>
    public static SKBitmap Halves(int width, int height)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Blue);
        using var red = new SKPaint { Color = SKColors.Red };
        canvas.DrawRect(0, 0, width / 2f, height, red);
        return bitmap;
    }

    /// <summary>Random pixels from a fixed seed: a picture that does not compress.</summary>
    public static SKBitmap Noise(int width, int height, int seed)
    {
        var random = new Random(seed);
        var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            }
        }
        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var data = bitmap.Encode(format, 95);
        return data.ToArray();
    }

    /// <summary>A PNG with a tEXt chunk holding <see cref="Secret"/>.</summary>
    public static byte[] PngWithText(int width = 40, int height = 30)
    {
        using var bitmap = Halves(width, height);
        var png = Encode(bitmap, SKEncodedImageFormat.Png);
        var chunk = PngChunks.Chunk("tEXt", Encoding.Latin1.GetBytes("Author\0" + Secret));
        const int afterHeader = 8 + 25; // signature, IHDR
        return [.. png[..afterHeader], .. chunk, .. png[afterHeader..]];
    }

    /// <summary>A PNG whose header claims <paramref name="width"/>×<paramref name="height"/> pixels, with almost no data.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        return [.. PngChunks.Signature, .. PngChunks.Header(width, height), .. PngChunks.Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), .. PngChunks.Chunk("IEND", [])];
    }

    /// <summary>A JPEG with an EXIF orientation (6 by default: turn 90° clockwise to view) and <see cref="Secret"/> in its description.</summary>
    public static byte[] SidewaysJpegWithExif(int storedWidth = 40, int storedHeight = 20, byte orientation = 6)
    {
        using var bitmap = Halves(storedWidth, storedHeight);
        var jpeg = Encode(bitmap, SKEncodedImageFormat.Jpeg);
        var text = Encoding.ASCII.GetBytes(Secret + "\0");
        var tiff = new List<byte> { (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 2 };
        tiff.AddRange([0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0]); // Orientation
        var textOffset = 8 + 2 + 2 * 12 + 4;
        tiff.AddRange([0x01, 0x0E, 0, 2, .. BigEndian(text.Length), .. BigEndian(textOffset)]); // ImageDescription
        tiff.AddRange([0, 0, 0, 0]); // no next IFD
        tiff.AddRange(text);
        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).ToArray();
        var length = payload.Length + 2;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    /// <summary>A 1×1 GIF with a comment and an XMP block holding <see cref="Secret"/>, and the loop block that must stay.</summary>
    public static byte[] GifWithComment()
    {
        var secret = Encoding.ASCII.GetBytes(Secret);
        byte[] header = [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0xFF, 0xFF, 0xFF, 0, 0, 0];
        byte[] loop = [0x21, 0xFF, 11, .. "NETSCAPE2.0"u8, 3, 1, 0, 0, 0];
        byte[] comment = [0x21, 0xFE, (byte)secret.Length, .. secret, 0];
        byte[] xmp = [0x21, 0xFF, 11, .. "XMP DataXMP"u8, (byte)secret.Length, .. secret, 0];
        byte[] control = [0x21, 0xF9, 4, 1, 0, 0, 0, 0];
        byte[] frame = [0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0];
        return [.. header, .. loop, .. comment, .. xmp, .. control, .. frame, 0x3B];
    }

    /// <summary>A looping GIF of <paramref name="frames"/> 1×1 frames of a tenth of a second, whose loop block carries
    /// an extra sub-block holding <see cref="Secret"/>.</summary>
    public static byte[] GifWithFrames(int frames)
    {
        var secret = Encoding.ASCII.GetBytes(Secret);
        byte[] header = [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0xFF, 0xFF, 0xFF, 0, 0, 0,
            0x21, 0xFF, 11, .. "NETSCAPE2.0"u8, 3, 1, 0, 0, (byte)secret.Length, .. secret, 0];
        byte[] control = [0x21, 0xF9, 4, 0, 10, 0, 0, 0];
        byte[] frame = [0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0];
        var gif = new List<byte>(header);
        for (var i = 0; i < frames; i++)
        {
            gif.AddRange(control);
            gif.AddRange(frame);
        }
        gif.Add(0x3B);
        return gif.ToArray();
    }

    public static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
