using System.IO.Compression;
using System.Reflection;

namespace Steppe.Domain.Generation.Language;

/// <summary>Reads the generator's word lists, embedded in this assembly (see Generation/Data/LICENSES.md for their
/// sources). Each list is read once per process, on first use.</summary>
internal static class WordData
{
    public static IEnumerable<string> Lines(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Steppe.Data." + name)
            ?? throw new InvalidOperationException($"the word list {name} is not embedded in Steppe.Domain");
        using Stream text = name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(text);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    /// <summary>A two-column list as a dictionary; the first row of a repeated key wins.</summary>
    public static Dictionary<string, string> Pairs(string name, StringComparer comparer)
    {
        var pairs = new Dictionary<string, string>(comparer);
        foreach (var line in Lines(name))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            pairs.TryAdd(line[..tab], line[(tab + 1)..]);
        }
        return pairs;
    }

    public static HashSet<string> Set(string name) => new(Lines(name), StringComparer.Ordinal);
}
