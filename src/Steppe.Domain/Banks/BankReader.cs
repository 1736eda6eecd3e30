using System.Text;
using System.Text.Unicode;

namespace Steppe.Domain.Banks;

/// <summary>The outcome of reading a bank: the bank when the file is valid, else every problem found.</summary>
public sealed record BankReadResult(QuestionBank? Bank, IReadOnlyList<BankProblem> Problems)
{
    public bool IsValid => Bank is not null;
}

/// <summary>Reads and validates a question bank in format 1 or 1.1. A bank is accepted whole or not at all:
/// when anything is wrong, no bank is returned and every problem is listed with its path, line and column.</summary>
public static class BankReader
{
    /// <summary>Files larger than this are refused before parsing.</summary>
    public const long DefaultMaxBytes = 16 * 1024 * 1024;

    public static BankReadResult Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    /// <param name="mediaExists">Says whether a picture's file ("map.png" for "media/map.png") is there; a bank naming one that
    /// is not is refused with the place. Null checks the names only (the CLI, a file read without its media).</param>
    public static BankReadResult Read(ReadOnlySpan<byte> utf8, long maxBytes = DefaultMaxBytes, Func<string, bool>? mediaExists = null)
    {
        if (TextProblem(utf8, maxBytes) is { } problem)
        {
            return new BankReadResult(null, [problem]);
        }
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var lines = new LineIndex(utf8);
        var problems = new List<BankProblem>();
        JNode root;
        try
        {
            root = JsonTreeParser.Parse(utf8, lines, (path, name, offset) =>
                problems.Add(At(lines, path, $"duplicate key '{name}'", offset)));
        }
        catch (JsonSyntaxError e)
        {
            return new BankReadResult(null, [At(lines, e.Path, e.Message, e.Offset)]);
        }

        var bank = new BankValidator(lines, problems, mediaExists).Bank(root);
        return problems.Count == 0 && bank is not null
            ? new BankReadResult(bank, [])
            : new BankReadResult(null, problems);
    }

    /// <summary>Reads one question object in the v1 format, as stored per question.</summary>
    public static Question? ReadQuestion(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var lines = new LineIndex(utf8);
        var problems = new List<BankProblem>();
        try
        {
            var root = JsonTreeParser.Parse(utf8, lines, (path, name, offset) => problems.Add(At(lines, path, $"duplicate key '{name}'", offset)));
            var question = new BankValidator(lines, problems).SingleQuestion(root);
            return problems.Count == 0 ? question : null;
        }
        catch (JsonSyntaxError)
        {
            return null;
        }
    }

    /// <summary>The size and encoding checks that come before JSON: empty, too large, UTF-16, binary, not UTF-8.</summary>
    public static BankProblem? TextProblem(ReadOnlySpan<byte> bytes, long maxBytes = DefaultMaxBytes) =>
        TextProblem(bytes.Length, maxBytes) ?? EncodingProblem(bytes);

    /// <summary>The size check alone, for callers that can refuse a file before reading it.</summary>
    public static BankProblem? TextProblem(long length, long maxBytes)
    {
        if (length == 0)
        {
            return new BankProblem("$", "the file is empty; a bank is a JSON object such as { \"format\": 1, \"id\": …, \"title\": …, \"questions\": […] }", 1, 1);
        }
        if (length > maxBytes)
        {
            return new BankProblem("$", $"the file is {Megabytes(length)}, larger than the {Megabytes(maxBytes)} a bank may be", 1, 1);
        }
        return null;
    }

    private static BankProblem? EncodingProblem(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || (bytes.Length >= 2 && (bytes[0] == 0) != (bytes[1] == 0)))
        {
            return new BankProblem("$", "the file is UTF-16 encoded; save it as UTF-8", 1, 1);
        }
        var nul = bytes.IndexOf((byte)0);
        if (Utf8.IsValid(bytes) && nul < 0)
        {
            return null;
        }
        var invalid = FirstInvalidUtf8(bytes);
        var bad = nul >= 0 && (invalid < 0 || nul < invalid) ? nul : invalid;
        var (line, column) = new LineIndex(bytes[..bad]).Position(bad);
        return new BankProblem("$", $"the file is not UTF-8 text (byte 0x{bytes[bad]:X2} at offset {bad})", line, column);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return i;
            }
            i += consumed;
        }
        return -1;
    }

    private static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB";

    internal static BankProblem At(LineIndex lines, string path, string message, long offset)
    {
        var (line, column) = lines.Position(offset);
        return new BankProblem(path, message, line, column);
    }
}
