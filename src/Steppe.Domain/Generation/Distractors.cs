using System.Globalization;

namespace Steppe.Domain.Generation;

/// <summary>Wrong answers of the same kind, unit, scale and precision as the right one: from the same
/// article first, then made (numbers moved both ways at the same precision, nearby years, known names of
/// the same kind). Never equal to, inside or containing the answer, nor another true value of the sentence.</summary>
internal sealed class Distractors(IReadOnlyList<Fact> facts)
{
    /// <summary>Up to <paramref name="count"/> wrong answer-parts for the fact (what replaces its answer).</summary>
    public List<string> For(Fact fact, int count, ulong seed)
    {
        var candidates = fact.Kind switch
        {
            FactKind.Year => Years(fact, seed),
            FactKind.Period => Periods(fact),
            FactKind.Ordinal => Ordinals(fact),
            _ when fact.IsNumeric => Numbers(fact, seed),
            _ => [],
        };
        var taken = new List<string>();
        var sentenceValues = facts.Where(f => f.Sentence == fact.Sentence).Select(f => Normal(f.Answer)).ToHashSet();
        var sentenceNumbers = facts.Where(f => f.Sentence == fact.Sentence && f.Value is not null).Select(f => f.Value!.Value).ToHashSet();
        // A changed year keeps its order with the sentence's other years ("between 1518 and 1525").
        var otherYears = fact.Kind == FactKind.Year
            ? facts.Where(f => f.Sentence == fact.Sentence && f.Kind == FactKind.Year && f != fact).Select(f => f.Value!.Value).ToList()
            : [];
        foreach (var c in candidates)
        {
            if (otherYears.Count > 0 && decimal.TryParse(c, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year)
                && otherYears.Any(o => Math.Sign(o - year) != Math.Sign(o - fact.Value!.Value)))
            {
                continue;
            }
            if (SameOrTaken(c, fact.Answer, taken) || sentenceValues.Contains(Normal(c)) || fact.Sentence.Text.Contains(c, StringComparison.OrdinalIgnoreCase)
                || (fact.IsNumeric && decimal.TryParse(c.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && sentenceNumbers.Contains(v)))
            {
                continue;
            }
            taken.Add(c);
            if (taken.Count == count)
            {
                break;
            }
        }
        return taken;
    }

    /// <summary>Whether a candidate is the answer in another form (one inside the other, once normalised: "Court of
    /// Justice" and "European Court of Justice") or repeats a choice already taken.</summary>
    public static bool SameOrTaken(string candidate, string answer, IEnumerable<string> taken)
    {
        var n = Normal(candidate);
        var a = Normal(answer);
        return n.Length == 0 || n.Contains(a, StringComparison.Ordinal) || a.Contains(n, StringComparison.Ordinal) || taken.Any(t => Normal(t) == n);
    }

    public static string Normal(string s) =>
        new string(s.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormKC).Where(c => char.IsLetterOrDigit(c) || c == '.').ToArray()).Trim('.');

    private IEnumerable<string> Numbers(Fact fact, ulong seed)
    {
        var value = fact.Value!.Value;
        // Other figures of the same unit in the article are the most plausible, when of the same order: 97% beside
        // 24% of GDP from agriculture is absurd. Nearest in ratio first.
        foreach (var other in facts.Where(f => f.IsNumeric && f.Unit == fact.Unit && f.Kind == fact.Kind && f.Value != value && f.Decimals == fact.Decimals
                && value != 0 && f.Value!.Value / value is > 0.34m and < 2.9m)
            .OrderBy(f => Math.Abs(Math.Log((double)(f.Value!.Value / value)))).ThenBy(f => f.Sentence.Index))
        {
            yield return Format(Math.Round(other.Value!.Value, fact.Decimals), fact);
        }
        // Then the value moved up and down, alternating so both sides appear.
        decimal[] factors = Shuffle([0.75m, 1.25m, 0.6m, 1.5m, 0.85m, 1.15m, 0.5m, 2m, 0.4m, 1.8m], seed);
        var below = factors.Where(f => f < 1).ToArray();
        var above = factors.Where(f => f > 1).ToArray();
        for (var i = 0; i < Math.Max(below.Length, above.Length); i++)
        {
            foreach (var f in new[] { i < below.Length ? below[i] : 0, i < above.Length ? above[i] : 0 })
            {
                if (f == 0)
                {
                    continue;
                }
                var moved = Math.Round(value * f, fact.Decimals, MidpointRounding.AwayFromZero);
                if (fact.Decimals == 0 && value >= 20)
                {
                    moved = RoundLike(moved, value);
                }
                if (moved <= 0 || (fact.Kind == FactKind.Percent && value <= 100 && moved > 100) || Math.Abs(moved - value) < Math.Max(1m, value * 0.05m) && fact.Decimals == 0)
                {
                    continue;
                }
                yield return Format(moved, fact);
            }
        }
    }

    /// <summary>Rounds a made-up integer as roundly as the real one is ("1200" → "900", not "917").</summary>
    private static decimal RoundLike(decimal moved, decimal value)
    {
        var zeros = 0;
        for (var v = value; v >= 10 && v % 10 == 0; v /= 10)
        {
            zeros++;
        }
        var unit = (decimal)Math.Pow(10, Math.Min(zeros, Math.Max(0, (int)Math.Log10((double)moved) - 1)));
        return Math.Round(moved / unit, MidpointRounding.AwayFromZero) * unit;
    }

    private static string Format(decimal value, Fact like)
    {
        var text = value.ToString("F" + like.Decimals, CultureInfo.InvariantCulture);
        if (like.Answer.Contains(',', StringComparison.Ordinal) && value >= 1000)
        {
            text = value.ToString("N" + like.Decimals, CultureInfo.InvariantCulture);
        }
        return text;
    }

    private IEnumerable<string> Years(Fact fact, ulong seed)
    {
        // Years at least three apart, so that no choice is a matter of sources disagreeing by a year
        // (1186 against 1187); the article's own years first, then made ones on both sides.
        var year = (int)fact.Value!.Value;
        var latest = facts.Where(f => f.Kind == FactKind.Year).Max(f => (int)f.Value!.Value);
        var offered = new List<int> { year };
        bool Apart(int y) => offered.All(o => Math.Abs(o - y) >= 3);
        foreach (var other in facts.Where(f => f.Kind == FactKind.Year && Math.Abs((int)f.Value!.Value - year) is >= 3 and <= 20).OrderBy(f => f.Sentence.Index))
        {
            var y = (int)other.Value!.Value;
            if (Apart(y))
            {
                offered.Add(y);
                yield return other.Answer;
            }
        }
        foreach (var d in Shuffle([-3, 3, -4, 4, -5, 5, -7, 7, -10, 10, -12, 12, -15, 15], seed))
        {
            var y = year + d;
            if (y <= Math.Max(latest, year) + 1 && Apart(y))
            {
                offered.Add(y);
                yield return y.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private static IEnumerable<string> Periods(Fact fact)
    {
        var parts = fact.Answer.Split('-', '–');
        var (from, to) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        var dash = fact.Answer.Contains('–', StringComparison.Ordinal) ? "–" : "-";
        foreach (var d in new[] { -1, 1, -2, 2, 3, -3 })
        {
            yield return $"{from + d}{dash}{to + d}";
        }
    }

    private static IEnumerable<string> Ordinals(Fact fact)
    {
        var n = (int)fact.Value!.Value;
        var numeric = char.IsDigit(fact.Answer[0]);
        int[] steps = numeric && n >= 10 ? [-5, 5, -10, 10, -1, 1, 15] : [-1, 1, 2, -2, 3];
        foreach (var d in steps)
        {
            var m = n + d;
            if (m < 1)
            {
                continue;
            }
            if (numeric)
            {
                yield return m + Suffix(m);
            }
            else if (Lexicon.OrdinalWords.FirstOrDefault(kv => kv.Value == m).Key is { } word)
            {
                yield return char.IsUpper(fact.Answer[0]) ? char.ToUpperInvariant(word[0]) + word[1..] : word;
            }
        }
    }

    private static string Suffix(int n) => (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };

    internal static T[] Shuffle<T>(T[] items, ulong seed)
    {
        var result = items.ToArray();
        var state = seed;
        for (var i = result.Length - 1; i > 0; i--)
        {
            state = Mix(state + 0x9E3779B97F4A7C15UL);
            var j = (int)(state % (ulong)(i + 1));
            (result[i], result[j]) = (result[j], result[i]);
        }
        return result;
    }

    internal static ulong Hash(string text, ulong seed = 0)
    {
        var h = 14695981039346656037UL ^ seed;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }
        return Mix(h);
    }

    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
