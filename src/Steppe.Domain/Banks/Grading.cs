using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Steppe.Domain.Banks;

/// <summary>What a learner answered: text (cloze, short answer, numeric, multiple choice), true/false, or an order.</summary>
public sealed record GivenAnswer(string? Text = null, bool? Choice = null, IReadOnlyList<string>? Order = null)
{
    /// <summary>How the answer reads: the text typed or chosen (normalised for grouping, if asked), True or
    /// False, or the order given joined by arrows.</summary>
    public string Shown(bool normalizeText = false) =>
        Choice is { } c ? (c ? "True" : "False")
        : Order is { } o ? string.Join(" → ", o)
        : normalizeText ? Grading.Normalize(Text ?? "") : Text ?? "";
}

/// <summary>Grades answers by the rules of the bank format: case-insensitive, Unicode NFKC, surrounding
/// punctuation and repeated spaces ignored, numbers compared by value ("1,200" = "1200"); numeric answers
/// within their tolerance.</summary>
public static partial class Grading
{
    public static bool IsCorrect(Question question, GivenAnswer given) => question switch
    {
        MultipleChoiceQuestion mc => given.Text is { } t && t == mc.Answer,
        TrueFalseQuestion tf => given.Choice == tf.Answer,
        ClozeQuestion cloze => given.Text is { } t && Matches(t, [cloze.Answer, .. cloze.Accept ?? []]),
        ShortAnswerQuestion sa => given.Text is { } t && Matches(t, [sa.Answer, .. sa.Accept ?? []]),
        NumericQuestion n => given.Text is { } t && ParseNumber(t) is { } v && Math.Abs(v - n.Answer) <= (n.Tolerance ?? 0),
        OrderingQuestion o => given.Order is { } order && order.SequenceEqual(o.Answer),
        _ => false,
    };

    private static bool Matches(string given, IEnumerable<string> accepted)
    {
        var g = Normalize(given);
        return g.Length > 0 && accepted.Any(a => Normalize(a) == g);
    }

    /// <summary>The form answers are compared in.</summary>
    public static string Normalize(string text)
    {
        var s = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        s = Spaces().Replace(s, " ").Trim();
        s = s.Trim(' ', '.', ',', ';', ':', '!', '?', '"', '\'', '“', '”', '‘', '’', '«', '»', '(', ')', '[', ']');
        // Numbers by value: "1,200" and "1200", "42.80" and "42.8".
        return Number().Replace(s, m => ParseNumber(m.Value) is { } v ? v.ToString(CultureInfo.InvariantCulture) : m.Value);
    }

    /// <summary>A number as people type it: "1,200", "1 200", "42.8", "-3".</summary>
    public static decimal? ParseNumber(string text)
    {
        var cleaned = text.Trim().Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).TrimEnd('%');
        return decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v / 1.000000000000000000000000000000000m : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\d[\d,]*(\.\d+)?")]
    private static partial Regex Number();
}
