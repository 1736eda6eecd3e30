using System.IO.Compression;
using System.Text;
using Steppe.Tests;

namespace Steppe.Benchmarks;

/// <summary>Hostile pictures for <see cref="HostileImports"/>, made here byte by byte.</summary>
internal static class HostilePictures
{
    /// <summary>A PNG of <paramref name="width"/>×<paramref name="height"/> black pixels (RGBA), all of its rows as
    /// data: a real picture when its size is allowed, a header that lies when the rows are cut (too large to send).</summary>
    public static byte[] Png(int width, int height)
    {
        using var rows = new MemoryStream();
        using (var zlib = new ZLibStream(rows, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + width * 4];
            for (var y = 0; y < Math.Min(height, 4096); y++)
            {
                zlib.Write(row);
            }
        }
        return [.. PngChunks.Signature, .. PngChunks.Header(width, height), .. PngChunks.Chunk("IDAT", rows.ToArray()), .. PngChunks.Chunk("IEND", [])];
    }

    /// <summary>A 1×1 GIF of <paramref name="frames"/> frames.</summary>
    public static byte[] GifFrames(int frames)
    {
        var gif = new List<byte>([.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0xFF, 0xFF, 0xFF, 0, 0, 0]);
        for (var i = 0; i < frames; i++)
        {
            gif.AddRange([0x21, 0xF9, 4, 0, 10, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0]);
        }
        gif.Add(0x3B);
        return gif.ToArray();
    }

    /// <summary>An Anki package (newest layout) of one Basic note per picture, each picture a zstd-compressed file of
    /// <paramref name="megabytes"/> MB of zeros.</summary>
    public static byte[] AnkiOfBombs(int pictures, int megabytes)
    {
        var collection = HostileImports.Collection("""
            INSERT INTO col VALUES (1, '{"1": {"id": 1, "name": "Basic", "type": 0, "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}], "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Front}}", "afmt": "{{Back}}"}]}}');
            """, command =>
        {
            for (var i = 0; i < pictures; i++)
            {
                command.CommandText = $"INSERT INTO notes VALUES ({i + 1}, 'g{i}', 1, 0, 0, '', '<img src=\"p{i}.png\">' || char(31) || 'answer {i}', 0, 0, 0, ''); INSERT INTO cards VALUES ({i + 1}, {i + 1}, 1, 0);";
                command.ExecuteNonQuery();
            }
        });
        var bomb = Zstd(new byte[megabytes * 1024 * 1024]);
        var entries = new List<byte>();
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "meta", [0x08, 0x03]);
            Add(archive, "collection.anki2", [1]);
            Add(archive, "collection.anki21b", Zstd(collection));
            for (var i = 0; i < pictures; i++)
            {
                var name = Encoding.UTF8.GetBytes($"p{i}.png");
                byte[] entry = [0x0A, (byte)name.Length, .. name];
                entries.AddRange([0x0A, (byte)entry.Length, .. entry]);
                Add(archive, $"{i}", bomb);
            }
            Add(archive, "media", Zstd(entries.ToArray()));
        }
        return zip.ToArray();
    }

    private static byte[] Zstd(byte[] bytes)
    {
        using var compressor = new ZstdSharp.Compressor(19);
        return compressor.Wrap(bytes).ToArray();
    }

    private static void Add(ZipArchive archive, string name, byte[] bytes)
    {
        using var entry = archive.CreateEntry(name, CompressionLevel.NoCompression).Open();
        entry.Write(bytes);
    }
}
