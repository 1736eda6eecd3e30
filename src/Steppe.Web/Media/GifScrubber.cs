namespace Steppe.Web.Media;

/// <summary>Rewrites a GIF with only what draws it: header, palettes, frames, the graphic controls that time
/// them and the loop count. Comments, plain-text blocks and application blocks (XMP and the rest) are dropped.
/// GIF is a list of blocks, each of length-prefixed sub-blocks, so this is a walk, never a decode.</summary>
public static class GifScrubber
{
    private const byte Extension = 0x21, ImageDescriptor = 0x2C, Trailer = 0x3B;
    private const byte GraphicControl = 0xF9, Application = 0xFF;

    /// <summary>The scrubbed file, or null when the blocks do not parse or a frame is larger than <paramref name="maxSide"/>.</summary>
    public static byte[]? Scrub(ReadOnlySpan<byte> gif, int maxSide)
    {
        if (gif.Length < 13)
        {
            return null;
        }
        var output = new MemoryStream(gif.Length);
        var flags = gif[10];
        var at = 13 + ColorTableSize(flags);
        if (at > gif.Length)
        {
            return null;
        }
        output.Write(gif[..at]);
        while (at < gif.Length)
        {
            var start = at;
            switch (gif[at])
            {
                case Trailer:
                    output.WriteByte(Trailer);
                    return output.ToArray();
                case ImageDescriptor:
                    if (at + 10 > gif.Length || Le16(gif, at + 5) > maxSide || Le16(gif, at + 7) > maxSide)
                    {
                        return null;
                    }
                    at += 10 + ColorTableSize(gif[at + 9]) + 1; // descriptor, local palette, LZW code size
                    if (SkipSubBlocks(gif, ref at) is false)
                    {
                        return null;
                    }
                    output.Write(gif[start..at]);
                    break;
                case Extension when at + 2 <= gif.Length:
                    var label = gif[at + 1];
                    var keep = label == GraphicControl || (label == Application && IsLoopBlock(gif, at));
                    at += 2;
                    if (SkipSubBlocks(gif, ref at) is false)
                    {
                        return null;
                    }
                    if (keep)
                    {
                        output.Write(gif[start..at]);
                    }
                    break;
                default:
                    return null;
            }
        }
        // No trailer: browsers draw such files; end it properly.
        output.WriteByte(Trailer);
        return output.ToArray();
    }

    private static int ColorTableSize(byte flags) => (flags & 0x80) != 0 ? 3 * (1 << ((flags & 0x07) + 1)) : 0;

    private static int Le16(ReadOnlySpan<byte> b, int at) => b[at] | (b[at + 1] << 8);

    /// <summary>The NETSCAPE2.0 (or ANIMEXTS1.0) block that says how often an animation loops.</summary>
    private static bool IsLoopBlock(ReadOnlySpan<byte> gif, int at) =>
        at + 14 <= gif.Length && gif[at + 2] == 11
        && (gif.Slice(at + 3, 11).SequenceEqual("NETSCAPE2.0"u8) || gif.Slice(at + 3, 11).SequenceEqual("ANIMEXTS1.0"u8));

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
