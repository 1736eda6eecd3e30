namespace Steppe.Web.Media;

/// <summary>Rewrites a GIF with only what draws it: header, palettes, frames, and the graphic controls that time them
/// and the loop count, each written anew in its standard size (so nothing rides along in extra sub-blocks). Comments,
/// plain-text blocks and application blocks (XMP and the rest) are dropped. GIF is a list of blocks of length-prefixed
/// sub-blocks, so this is a walk, never a decode; an animation of more than <see cref="MostFrames"/> frames or
/// <see cref="MostPixels"/> pixels in all is refused, as it would weigh on every phone that shows it.</summary>
public static class GifScrubber
{
    public const int MostFrames = 500;
    public const long MostPixels = 64L * 1024 * 1024;
    private const byte Extension = 0x21, ImageDescriptor = 0x2C, Trailer = 0x3B;
    private const byte GraphicControl = 0xF9, Application = 0xFF;

    /// <summary>The scrubbed file, or why not.</summary>
    public static (byte[]? Gif, string? Refusal) Scrub(ReadOnlySpan<byte> gif, int maxSide)
    {
        const string damaged = "The GIF picture's blocks cannot be read: it may be damaged.";
        if (gif.Length < 13)
        {
            return (null, damaged);
        }
        var output = new MemoryStream(gif.Length);
        var at = 13 + ColorTableSize(gif[10]);
        if (at > gif.Length)
        {
            return (null, damaged);
        }
        output.Write(gif[..at]);
        var (frames, pixels) = (0, 0L);
        while (at < gif.Length)
        {
            var start = at;
            switch (gif[at])
            {
                case Trailer:
                    output.WriteByte(Trailer);
                    return (output.ToArray(), null);
                case ImageDescriptor:
                    if (at + 10 > gif.Length)
                    {
                        return (null, damaged);
                    }
                    var (width, height) = (Le16(gif, at + 5), Le16(gif, at + 7));
                    if (width > maxSide || height > maxSide)
                    {
                        return (null, $"A frame of the GIF picture is {width}×{height} pixels; a picture may be at most {maxSide}×{maxSide}.");
                    }
                    if (++frames > MostFrames || (pixels += (long)width * height) > MostPixels)
                    {
                        return (null, $"The GIF animation is too heavy for a class's phones: at most {MostFrames} frames and {MostPixels / (1024 * 1024)} million pixels in all.");
                    }
                    at += 10 + ColorTableSize(gif[at + 9]) + 1; // descriptor, local palette, LZW code size
                    if (!SkipSubBlocks(gif, ref at))
                    {
                        return (null, damaged);
                    }
                    output.Write(gif[start..at]);
                    break;
                case Extension when at + 3 <= gif.Length:
                    var label = gif[at + 1];
                    var first = gif[at + 2]; // the first sub-block's size
                    if (label == GraphicControl && first == 4 && at + 7 <= gif.Length)
                    {
                        output.Write([Extension, GraphicControl, 4, .. gif.Slice(at + 3, 4), 0]);
                    }
                    else if (label == Application && IsLoopBlock(gif, at))
                    {
                        output.Write([Extension, Application, 11, .. "NETSCAPE2.0"u8, 3, 1, .. gif.Slice(at + 16, 2), 0]);
                    }
                    at += 2;
                    if (!SkipSubBlocks(gif, ref at))
                    {
                        return (null, damaged);
                    }
                    break;
                default:
                    return (null, damaged);
            }
        }
        // No trailer: browsers draw such files; end it properly.
        output.WriteByte(Trailer);
        return (output.ToArray(), null);
    }

    private static int ColorTableSize(byte flags) => (flags & 0x80) != 0 ? 3 * (1 << ((flags & 0x07) + 1)) : 0;

    private static int Le16(ReadOnlySpan<byte> b, int at) => b[at] | (b[at + 1] << 8);

    /// <summary>The NETSCAPE2.0 (or ANIMEXTS1.0) block that says how often an animation loops: its first sub-block names
    /// it, the second is 1 and the loop count.</summary>
    private static bool IsLoopBlock(ReadOnlySpan<byte> gif, int at) =>
        at + 18 <= gif.Length && gif[at + 2] == 11
        && (gif.Slice(at + 3, 11).SequenceEqual("NETSCAPE2.0"u8) || gif.Slice(at + 3, 11).SequenceEqual("ANIMEXTS1.0"u8))
        && gif[at + 14] == 3 && gif[at + 15] == 1;

    private static bool SkipSubBlocks(ReadOnlySpan<byte> gif, ref int at)
    {
        while (at < gif.Length)
        {
            var size = gif[at];
            at += 1 + size;
            if (size == 0)
            {
                return at <= gif.Length;
            }
        }
        return false;
    }
}
