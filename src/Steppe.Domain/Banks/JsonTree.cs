using System.Text.Json;

namespace Steppe.Domain.Banks;

// A small JSON tree that remembers where each value stood in the file, so that every problem can be
// reported with its line and column. System.Text.Json's DOMs forget positions and let duplicate keys
// through silently; this tree keeps both.

internal abstract record JNode(long Offset)
{
    public abstract string Kind { get; }
}

internal sealed record JProperty(string Name, long NameOffset, JNode Value);

internal sealed record JObject(long Offset, IReadOnlyList<JProperty> Properties) : JNode(Offset)
{
    public override string Kind => "an object";

    public JProperty? Find(string name)
    {
        foreach (var p in Properties)
        {
            if (p.Name == name)
            {
                return p;
            }
        }
        return null;
    }
}

internal sealed record JArray(long Offset, IReadOnlyList<JNode> Items) : JNode(Offset)
{
    public override string Kind => "an array";
}

internal sealed record JString(long Offset, string Value) : JNode(Offset)
{
    public override string Kind => "a string";
}

/// <summary>A number kept as written, so that "42.80" stays "42.80".</summary>
internal sealed record JNumber(long Offset, string Text) : JNode(Offset)
{
    public override string Kind => "a number";
}

internal sealed record JBool(long Offset, bool Value) : JNode(Offset)
{
    public override string Kind => Value ? "true" : "false";
}

internal sealed record JNull(long Offset) : JNode(Offset)
{
    public override string Kind => "null";
}

/// <summary>A JSON syntax error with the path being read when it happened.</summary>
internal sealed class JsonSyntaxError(string path, string message, long offset) : Exception(message)
{
    public string Path { get; } = path;
    public long Offset { get; } = offset;
}

internal static class JsonTreeParser
{
    public const int MaxDepth = 64;

    /// <summary>Parses strict JSON (no comments, no trailing commas). Duplicate keys are reported through
    /// <paramref name="duplicate"/> with their path and the offset of the repeated name; the last one wins.</summary>
    public static JNode Parse(ReadOnlySpan<byte> utf8, LineIndex lines, Action<string, string, long> duplicate)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = MaxDepth + 8, // our own check below reports the depth first, with a path
        });
        var path = new List<string> { "$" };
        try
        {
            if (!reader.Read())
            {
                throw new JsonSyntaxError("$", "the file holds no JSON value", 0);
            }
            var root = ReadValue(ref reader, path, duplicate);
            reader.Read(); // throws when anything but white space follows the value
            return root;
        }
        catch (JsonException e)
        {
            var offset = lines.OffsetOf((int)(e.LineNumber ?? 0), (int)(e.BytePositionInLine ?? 0));
            throw new JsonSyntaxError(string.Concat(path), "not valid JSON: " + Describe(e.Message), offset);
        }
    }

    private static JNode ReadValue(ref Utf8JsonReader reader, List<string> path, Action<string, string, long> duplicate)
    {
        var offset = reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                CheckDepth(reader, path);
                var properties = new List<JProperty>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = Text(reader, path);
                    var nameOffset = reader.TokenStartIndex;
                    path.Add(JsonPath.Segment(name));
                    if (!seen.Add(name))
                    {
                        duplicate(string.Concat(path), name, nameOffset);
                        properties.RemoveAll(p => p.Name == name);
                    }
                    reader.Read();
                    properties.Add(new JProperty(name, nameOffset, ReadValue(ref reader, path, duplicate)));
                    path.RemoveAt(path.Count - 1);
                }
                return new JObject(offset, properties);
            case JsonTokenType.StartArray:
                CheckDepth(reader, path);
                var items = new List<JNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    path.Add($"[{items.Count}]");
                    items.Add(ReadValue(ref reader, path, duplicate));
                    path.RemoveAt(path.Count - 1);
                }
                return new JArray(offset, items);
            case JsonTokenType.String:
                return new JString(offset, Text(reader, path));
            case JsonTokenType.Number:
                return new JNumber(offset, System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new JBool(offset, true);
            case JsonTokenType.False:
                return new JBool(offset, false);
            default:
                return new JNull(offset);
        }
    }

    /// <summary>A string's text. An escape that names half of a surrogate pair ("\ud800" alone) is valid JSON
    /// syntax but no text; System.Text.Json throws <see cref="InvalidOperationException"/> for it, reported here
    /// like any other syntax error, with where it is.</summary>
    private static string Text(in Utf8JsonReader reader, List<string> path)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new JsonSyntaxError(string.Concat(path),
                "not valid JSON text: a \\u escape names half of a surrogate pair (such as \\ud800 alone), which is no character", reader.TokenStartIndex);
        }
    }

    private static void CheckDepth(in Utf8JsonReader reader, List<string> path)
    {
        if (reader.CurrentDepth >= MaxDepth)
        {
            // The path would be 64 segments long; line and column say where.
            throw new JsonSyntaxError("$", $"nested more than {MaxDepth} levels deep", reader.TokenStartIndex);
        }
    }

    // System.Text.Json ends its messages with "LineNumber: 0 | BytePositionInLine: 3."; we give our own.
    private static string Describe(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut >= 0 ? message[..cut] : message).Trim().TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "syntax error";
    }
}

internal static class JsonPath
{
    /// <summary>The path segment of a property: <c>.name</c>, or <c>['odd name']</c> where a dot would be unclear.</summary>
    public static string Segment(string name)
    {
        var plain = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return plain ? "." + name : "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    public static string Property(string parent, string name) => parent + Segment(name);

    public static string Item(string parent, int index) => $"{parent}[{index}]";
}

/// <summary>Turns byte offsets into 1-based line and column (columns count UTF-16 characters, as editors do).</summary>
internal sealed class LineIndex
{
    private readonly byte[] _text;
    private readonly List<int> _lineStarts = [0];

    public LineIndex(ReadOnlySpan<byte> utf8)
    {
        _text = utf8.ToArray();
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public (int Line, int Column) Position(long offset)
    {
        var at = (int)Math.Clamp(offset, 0, _text.Length);
        var line = _lineStarts.BinarySearch(at);
        if (line < 0)
        {
            line = ~line - 1;
        }
        var start = _lineStarts[line];
        var column = System.Text.Encoding.UTF8.GetCharCount(_text, start, at - start) + 1;
        return (line + 1, column);
    }

    /// <summary>The offset of a 0-based line and byte position in it, as System.Text.Json reports them.</summary>
    public long OffsetOf(int line, int bytePositionInLine) =>
        line < _lineStarts.Count ? _lineStarts[line] + (long)bytePositionInLine : _text.Length;
}
