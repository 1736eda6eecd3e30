using System.IO.Compression;
using System.Text.Json;
using Steppe.Web.Media;

namespace Steppe.Web.Interchange;

/// <summary>The pictures of an Anki package. Its <c>media</c> entry maps the entries "0", "1", … to file names: JSON
/// in the legacy packages, and in the newest (<c>anki21b</c>) a zstd-compressed protobuf list (MediaEntries: each
/// entry's name in field 1) whose files are zstd-compressed too. Only the files a question names are read, each
/// through a counting stream that stops past the largest picture Steppe takes.</summary>
internal static class AnkiMedia
{
    private const long MostMapBytes = 8 * 1024 * 1024;

    public static IReadOnlyDictionary<string, byte[]> Read(ZipArchive zip, bool latest, IReadOnlySet<string> wanted, List<string> warnings)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return files;
        }
        var entryOf = Map(zip, latest);
        foreach (var name in wanted.Order(StringComparer.Ordinal))
        {
            if (!entryOf.TryGetValue(name, out var entryName) && !entryOf.TryGetValue(Uri.UnescapeDataString(name), out entryName)
                || zip.GetEntry(entryName) is not { } entry)
            {
                warnings.Add($"the picture '{name}' is not in the package: its questions are imported without it");
                continue;
            }
            try
            {
                using var input = entry.Open();
                using var limited = new LimitedStream(latest ? new ZstdSharp.DecompressionStream(input) : input, ImageCleaner.MaxBytes, name);
                using var bytes = new MemoryStream();
                limited.CopyTo(bytes);
                files[name] = bytes.ToArray();
            }
            catch (Exception e) when (e is ImportFileException or InvalidDataException or IOException or ZstdSharp.ZstdException)
            {
                warnings.Add($"the picture '{name}' is larger than {ImageCleaner.MaxBytes / (1024 * 1024)} MB or damaged: its questions are imported without it");
            }
        }
        return files;
    }

    /// <summary>File name → the zip entry holding it.</summary>
    private static Dictionary<string, string> Map(ZipArchive zip, bool latest)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("media") is not { } entry)
        {
            return map;
        }
        byte[] bytes;
        try
        {
            using var input = entry.Open();
            using var limited = new LimitedStream(latest ? new ZstdSharp.DecompressionStream(input) : input, MostMapBytes, "media");
            using var buffer = new MemoryStream();
            limited.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        catch (Exception e) when (e is ImportFileException or InvalidDataException or IOException or ZstdSharp.ZstdException)
        {
            return map; // no pictures; each is reported as not found
        }
        if (latest)
        {
            var index = 0;
            foreach (var item in Protobuf.All(bytes, 1))
            {
                if (Protobuf.Text(item, 1) is { Length: > 0 } name)
                {
                    map.TryAdd(name, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                index++;
            }
            return map;
        }
        try
        {
            using var json = JsonDocument.Parse(bytes);
            foreach (var p in json.RootElement.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { Length: > 0 } name)
                {
                    map.TryAdd(name, p.Name);
                }
            }
        }
        catch (JsonException)
        {
            // A map that is not JSON: as if there were none.
        }
        return map;
    }
}
