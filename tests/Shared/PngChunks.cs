using System.Buffers.Binary;
using System.Text;

namespace Steppe.Tests;

/// <summary>PNG chunks made by hand (length, type, data, CRC-32), for test and benchmark pictures that a picture
/// library would refuse to write: a header that lies about its size, a text chunk carrying a secret.</summary>
public static class PngChunks
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var head = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. typeBytes, .. data]));
        return [.. head, .. typeBytes, .. data, .. crc];
    }

    /// <summary>An IHDR of 8-bit RGBA at the given size.</summary>
    public static byte[] Header(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 6;
        return Chunk("IHDR", ihdr);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
