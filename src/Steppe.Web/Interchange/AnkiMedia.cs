using System.IO.Compression;
using System.Text.Json;
using Steppe.Web.Media;

namespace Steppe.Web.Interchange;

/// <summary>The pictures of an Anki package. Its <c>media</c> entry maps the entries "0", "1", … to file names: JSON
/// in the legacy packages, and in the newest (<c>anki21b</c>) a zstd-compressed protobuf list (MediaEntries: each
/// entry's name in field 1) whose files are zstd-compressed too. Only the files a question names are read, each
/// through a counting stream that stops past the largest picture Steppe takes, and no more than
/// <see cref="MostPictures"/> pictures or <see cref="MostBytes"/> in all: a package of zstd bombs costs no more.</summary>
internal static class AnkiMedia
{
    private const long MostMapBytes = 8 * 1024 * 1024;
    public const int MostPictures = 300;
    public const long MostBytes = 64L * 1024 * 1024;

    public static IReadOnlyDictionary<string, byte[]> Read(ZipArchive zip, bool latest, IReadOnlySet<string> wanted, List<string> warnings)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return files;
        }
        var entryOf = Map(zip, latest);
        // Every picture read counts, and every byte unpacked, taken or refused: 300 bombs cost no more than 64 MB of work.
        var (tried, total) = (0, 0L);
        foreach (var name in wanted.Order(StringComparer.Ordinal))
        {
            if (tried == MostPictures || total >= MostBytes)
            {
                warnings.Add($"the deck names more pictures than an import takes ({MostPictures}, {MostBytes / (1024 * 1024)} MB in all): '{name}' and those after it are left out");
                break;
            }
            if (!entryOf.TryGetValue(name, out var entryName) && !entryOf.TryGetValue(Uri.UnescapeDataString(name), out entryName)
                || zip.GetEntry(entryName) is not { } entry)
            {
                warnings.Add($"the picture '{name}' is not in the package: its questions are imported without it");
                continue;
            }
            tried++;
            var most = Math.Min(ImageCleaner.MaxBytes, MostBytes - total);
            try
            {
                using var input = entry.Open();
                var bytes = LimitedStream.ReadAll(latest ? new ZstdSharp.DecompressionStream(input) : input, most, name);
                files[name] = bytes;
                total += bytes.Length;
            }
            catch (Exception e) when (e is ImportFileException or InvalidDataException or IOException or ZstdSharp.ZstdException)
            {
                total += most;
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
            bytes = LimitedStream.ReadAll(latest ? new ZstdSharp.DecompressionStream(input) : input, MostMapBytes, "media");
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
