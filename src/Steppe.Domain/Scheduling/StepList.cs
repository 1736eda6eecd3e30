using System.Globalization;

namespace Steppe.Domain.Scheduling;

/// <summary>Learning steps written as Anki users write them: "1m 10m", "1m,10m", "1h", "1d".</summary>
public static class StepList
{
    public static List<TimeSpan> Parse(string text)
    {
        var steps = new List<TimeSpan>();
        foreach (var part in text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var unit = part[^1];
            if (!int.TryParse(part[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || unit is not ('m' or 'h' or 'd'))
            {
                throw new FormatException($"'{part}' is not a step such as 1m, 10m, 1h or 1d");
            }
            steps.Add(unit switch { 'm' => TimeSpan.FromMinutes(value), 'h' => TimeSpan.FromHours(value), _ => TimeSpan.FromDays(value) });
        }
        return steps;
    }

    public static string Format(IEnumerable<TimeSpan> steps) => string.Join(' ', steps.Select(Format));

    /// <summary>A duration as a button shows it: "1m", "10m", "3h", "4d", "2.5mo", "1.2y".</summary>
    public static string Format(TimeSpan span) => span.TotalMinutes switch
    {
        < 60 => $"{Math.Max(1, (int)Math.Round(span.TotalMinutes))}m",
        < 60 * 24 => $"{(int)Math.Round(span.TotalHours)}h",
        _ when span.TotalDays < 30 => $"{(int)Math.Round(span.TotalDays)}d",
        _ when span.TotalDays < 365 => (span.TotalDays / 30.0).ToString("0.#", CultureInfo.InvariantCulture) + "mo",
        _ => (span.TotalDays / 365.0).ToString("0.#", CultureInfo.InvariantCulture) + "y",
    };
}
