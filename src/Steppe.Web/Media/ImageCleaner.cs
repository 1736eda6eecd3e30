using SkiaSharp;

namespace Steppe.Web.Media;

/// <summary>A picture that passed the checks, re-written without its metadata. <see cref="Tag"/> is its content's hash
/// (32 hex digits of SHA-256), made once: an upload's name and every answer's ETag.</summary>
public sealed record CleanImage(byte[] Bytes, string ContentType, string Extension, int Width, int Height)
{
    public string Tag { get; } = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Bytes))[..32];
}

/// <summary>Checks a picture by its content, never its name, and writes it again without metadata (EXIF with its
/// GPS position, XMP, comments): PNG, JPEG, WebP and GIF only, at most <see cref="MaxBytes"/> and
/// <see cref="MaxSide"/> pixels a side. The size is read from the header before any pixel is decoded, so a small
/// file that claims a huge picture (a decompression bomb) costs nothing; at most two pictures decode at a time.</summary>
public static class ImageCleaner
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxSide = 4096;
    private const int JpegQuality = 90;
    private static readonly SemaphoreSlim Decoding = new(2, 2);

    private static readonly (string Name, string ContentType, string Extension, byte[] Magic)[] Kinds =
    [
        ("PNG", "image/png", "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("JPEG", "image/jpeg", "jpg", [0xFF, 0xD8, 0xFF]),
        ("GIF", "image/gif", "gif", "GIF87a"u8.ToArray()),
        ("GIF", "image/gif", "gif", "GIF89a"u8.ToArray()),
    ];

    /// <summary>The cleaned picture, or why it was refused, in a sentence for the person who sent it.</summary>
    public static async Task<(CleanImage? Image, string? Refusal)> CleanAsync(byte[] bytes, CancellationToken ct)
    {
        if (bytes.Length == 0)
        {
            return (null, "The file is empty.");
        }
        if (bytes.Length > MaxBytes)
        {
            return (null, $"The file is {bytes.Length / (1024.0 * 1024):0.#} MB; a picture may be at most {MaxBytes / (1024 * 1024)} MB.");
        }
        if (Kind(bytes) is not { } kind)
        {
            return (null, "This is not a PNG, JPEG, WebP or GIF picture (judged by its content, not its name). Save it as one of those and upload it again.");
        }
        await Decoding.WaitAsync(ct);
        try
        {
            return Clean(bytes, kind);
        }
        finally
        {
            Decoding.Release();
        }
    }

    private static (string Name, string ContentType, string Extension)? Kind(ReadOnlySpan<byte> bytes)
    {
        foreach (var k in Kinds)
        {
            if (bytes.StartsWith(k.Magic))
            {
                return (k.Name, k.ContentType, k.Extension);
            }
        }
        return bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)
            ? ("WebP", "image/webp", "webp")
            : null;
    }

    private static (CleanImage?, string?) Clean(byte[] bytes, (string Name, string ContentType, string Extension) kind)
    {
        using var stream = new SKMemoryStream(bytes);
        using var codec = SKCodec.Create(stream, out var result);
        if (codec is null)
        {
            return (null, $"The file starts like a {kind.Name} picture but cannot be read as one ({result}): it may be cut short or damaged.");
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width > MaxSide || height > MaxSide || width < 1 || height < 1)
        {
            return (null, $"The picture is {width}×{height} pixels; a picture may be at most {MaxSide}×{MaxSide}. Make it smaller and upload it again.");
        }
        if (Expected(kind.Name) != codec.EncodedFormat)
        {
            return (null, $"The file starts like a {kind.Name} picture but is read as {codec.EncodedFormat}: save it again as one kind.");
        }
        // Decoded into sRGB: the profile goes with the metadata, so a wide-gamut photo is converted, not shown off-colour.
        using var srgb = SKColorSpace.CreateSrgb();
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul, srgb);
        using var bitmap = new SKBitmap(info);
        var decoded = codec.GetPixels(info, bitmap.GetPixels());
        if (decoded == SKCodecResult.IncompleteInput)
        {
            return (null, $"The {kind.Name} picture is cut short: part of it is missing. Save it again and upload it again.");
        }
        if (decoded != SKCodecResult.Success)
        {
            return (null, $"The {kind.Name} picture cannot be decoded ({decoded}): it may be damaged.");
        }
        if (kind.Name == "GIF")
        {
            // Skia writes no GIF; the file is kept, with every block that is not the picture itself taken out.
            var (gif, refusal) = GifScrubber.Scrub(bytes, MaxSide);
            return gif is null ? (null, refusal) : (new CleanImage(gif, kind.ContentType, kind.Extension, width, height), null);
        }
        // Turned only when the camera said so: a 4096×4096 picture is 64 MB of pixels, not to be copied for nothing.
        using var turned = codec.EncodedOrigin == SKEncodedOrigin.TopLeft ? null : Upright(bitmap, codec.EncodedOrigin);
        var upright = turned ?? bitmap;
        using var encoded = kind.Name switch
        {
            "PNG" => upright.Encode(SKEncodedImageFormat.Png, 100),
            "JPEG" => upright.Encode(SKEncodedImageFormat.Jpeg, JpegQuality),
            _ => upright.Encode(SKEncodedImageFormat.Webp, JpegQuality),
        };
        return encoded is null
            ? (null, $"The {kind.Name} picture could not be written again without its metadata.")
            : (new CleanImage(encoded.ToArray(), kind.ContentType, kind.Extension, upright.Width, upright.Height), null);
    }

    private static SKEncodedImageFormat Expected(string name) => name switch
    {
        "PNG" => SKEncodedImageFormat.Png,
        "JPEG" => SKEncodedImageFormat.Jpeg,
        "GIF" => SKEncodedImageFormat.Gif,
        _ => SKEncodedImageFormat.Webp,
    };

    /// <summary>The pixels turned as the camera's orientation tag says, since the tag goes with the metadata.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swap ? (source.Height, source.Width) : (source.Width, source.Height);
        var turned = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(turned);
        canvas.SetMatrix(OriginMatrix(origin, source.Width, source.Height));
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return turned;
    }

    /// <summary>Maps the stored pixels (width <paramref name="w"/>, height <paramref name="h"/>) to the upright picture.</summary>
    private static SKMatrix OriginMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
