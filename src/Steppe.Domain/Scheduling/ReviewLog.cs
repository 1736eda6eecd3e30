using System.Globalization;

namespace Steppe.Domain.Scheduling;

/// <summary>One answer given to a card: the review log is the truth, card state a cache of it.</summary>
public sealed record ReviewLogEntry(long CardId, Rating Rating, DateTimeOffset Time, int? DurationMs = null);

/// <summary>A review log that could not be read, with the 1-based line that is wrong.</summary>
public sealed class ReviewLogFormatException(int line, string message) : FormatException($"line {line}: {message}")
{
    public int Line { get; } = line;
    public string Reason { get; } = message;
}

/// <summary>Reads review logs in the CSV format of the FSRS reference data:
/// <c>card_id,review_rating,review_time,review_duration</c>, time ISO-8601 with an offset, ratings 1–4.</summary>
public static class ReviewLogCsv
{
    public const string Header = "card_id,review_rating,review_time,review_duration";

    public static List<ReviewLogEntry> Read(TextReader reader)
    {
        var header = reader.ReadLine();
        if (header is null)
        {
            throw new ReviewLogFormatException(1, $"the file is empty; expected the header {Header}");
        }
        if (header.TrimStart('\uFEFF').TrimEnd('\r') != Header)
        {
            throw new ReviewLogFormatException(1, $"expected the header {Header}, found '{header}'");
        }
        var entries = new List<ReviewLogEntry>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            line = line.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }
            entries.Add(ParseRow(line, lineNumber));
        }
        return entries;
    }

    public static string Write(IEnumerable<ReviewLogEntry> entries)
    {
        var w = new System.Text.StringBuilder(Header).Append('\n');
        foreach (var e in entries)
        {
            w.Append(e.CardId.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append((int)e.Rating).Append(',')
                .Append(e.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture)).Append(',')
                .Append(e.DurationMs?.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return w.ToString();
    }

    private static ReviewLogEntry ParseRow(string line, int lineNumber)
    {
        var fields = line.Split(',');
        if (fields.Length != 4)
        {
            throw new ReviewLogFormatException(lineNumber, $"expected 4 fields ({Header}), found {fields.Length}");
        }
        if (!long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var cardId))
        {
            throw new ReviewLogFormatException(lineNumber, $"card_id '{fields[0]}' is not a whole number");
        }
        if (!int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rating) || rating is < 1 or > 4)
        {
            throw new ReviewLogFormatException(lineNumber, $"review_rating '{fields[1]}' is not a rating: 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)");
        }
        var time = ParseTime(fields[2], lineNumber);
        int? duration = null;
        if (fields[3].Length > 0)
        {
            if (!int.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) || ms < 0)
            {
                throw new ReviewLogFormatException(lineNumber, $"review_duration '{fields[3]}' is not a number of milliseconds");
            }
            duration = ms;
        }
        return new ReviewLogEntry(cardId, (Rating)rating, time, duration);
    }

    private static DateTimeOffset ParseTime(string text, int lineNumber)
    {
        // An offset (Z or ±hh:mm) is required: a time without one is ambiguous by up to a day.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z')
            || (text.Length > 6 && (text[^6] == '+' || text[^6] == '-') && text[^3] == ':');
        if (!hasOffset)
        {
            throw new ReviewLogFormatException(lineNumber, $"review_time '{text}' has no UTC offset; write it as 2024-03-29T20:32:32Z or with +00:00");
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) || !text.Contains('T', StringComparison.Ordinal))
        {
            throw new ReviewLogFormatException(lineNumber, $"review_time '{text}' is not an ISO-8601 time");
        }
        return time.ToUniversalTime();
    }
}
