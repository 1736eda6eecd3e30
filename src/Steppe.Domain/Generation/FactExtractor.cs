using System.Globalization;
using System.Text.RegularExpressions;

namespace Steppe.Domain.Generation;

/// <summary>Finds figures, years, periods, ordinals and list members in sentences with patterns and word lists (no
/// model); names are found by <see cref="Entities.MentionFinder"/>. Also the acronyms an article spells out.</summary>
public static partial class FactExtractor
{
    private static readonly HashSet<string> Currencies = new(StringComparer.OrdinalIgnoreCase)
    {
        "dollars", "dollar", "euros", "euro", "yuan", "tenge", "pounds", "rubles", "roubles", "yen", "francs", "rupees", "usd",
    };

    private static readonly string[] Qualifiers =
        ["more than", "over", "nearly", "almost", "about", "around", "up to", "at least", "less than", "some", "approximately", "roughly"];

    [GeneratedRegex(@"(?<long>(?:[A-Z][\p{L}-]+(?: (?:of|for|and|the|on|in))* ){1,6}[A-Z][\p{L}-]+) \((?<short>[A-Z][A-Za-z]{1,7})\)")]
    private static partial Regex AcronymDefinition();

    [GeneratedRegex(@"(?<long>\b(?:[a-z][a-z-]+ ){1,4}[a-z][a-z-]+) \((?<short>[A-Z]{2,6})\)")]
    private static partial Regex LowerCaseDefinition();

    /// <summary>Acronyms the article spells out: "Shanghai Cooperation Organisation (SCO)" → SCO, "lunar orbit
    /// rendezvous (LOR)" → LOR.</summary>
    public static Dictionary<string, string> LongForms(string text)
    {
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in LowerCaseDefinition().Matches(text))
        {
            var acronym = m.Groups["short"].Value;
            var words = m.Groups["long"].Value.Split(' ');
            var tail = words.TakeLast(acronym.Length).ToArray();
            if (tail.Length == acronym.Length && new string(tail.Select(w => char.ToUpperInvariant(w[0])).ToArray()) == acronym)
            {
                forms.TryAdd(acronym, string.Join(' ', tail));
            }
        }
        foreach (Match m in AcronymDefinition().Matches(text))
        {
            var acronym = m.Groups["short"].Value;
            var letters = acronym.Count(char.IsUpper);
            var words = m.Groups["long"].Value.Split(' ').ToList();
            // Drop leading words until the capitalised ones are as many as the acronym's capitals
            // ("In 1945 the Food and Agriculture Organization (FAO)" → "Food and Agriculture Organization").
            while (words.Count(w => char.IsUpper(w[0])) > letters)
            {
                words.RemoveAt(0);
                while (words.Count > 0 && !char.IsUpper(words[0][0]))
                {
                    words.RemoveAt(0);
                }
            }
            var initials = new string(words.Where(w => char.IsUpper(w[0])).Select(w => w[0]).ToArray());
            if (words.Count > 1 && initials == new string(acronym.Where(char.IsUpper).ToArray()))
            {
                forms.TryAdd(acronym, string.Join(' ', words));
            }
        }
        return forms;
    }

    public static List<Fact> Extract(Article article)
    {
        var facts = new List<Fact>();
        foreach (var sentence in article.Sentences)
        {
            var found = new List<Fact>();
            Numbers(sentence, found);
            Lists(sentence, found);
            facts.AddRange(found.OrderBy(f => f.Start).ThenBy(f => f.Kind));
        }
        return facts;
    }

    // ---- numbers, years, periods, ordinals ----

    private static void Numbers(Sentence s, List<Fact> facts)
    {
        var t = s.Tokens;
        for (var i = 0; i < t.Count; i++)
        {
            var token = t[i];
            if (!token.IsNumber)
            {
                continue;
            }
            if (Regex.IsMatch(token.Text, @"^\d+(st|nd|rd|th)$"))
            {
                var noun = NextWord(t, i + 1);
                facts.Add(new Fact
                {
                    Kind = FactKind.Ordinal, Sentence = s, Start = token.Start, Length = (noun?.End ?? token.End) - token.Start,
                    AnswerStart = token.Start, AnswerLength = token.Length,
                    Value = int.Parse(Regex.Match(token.Text, @"^\d+").Value, CultureInfo.InvariantCulture), Unit = noun?.Lower,
                });
                continue;
            }
            // Part of a name such as "EXPO-2017" or a time "3:30": not a figure.
            if (i > 0 && t[i - 1].End == token.Start && (t[i - 1].Text is "-" or ":" || t[i - 1].IsWord))
            {
                continue;
            }
            var digits = token.Text.Replace(",", "", StringComparison.Ordinal);
            if (!decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }
            var decimals = digits.Contains('.', StringComparison.Ordinal) ? digits.Length - digits.IndexOf('.', StringComparison.Ordinal) - 1 : 0;

            // Period: 2017-2018.
            if (i + 2 < t.Count && t[i + 1].Text is "-" or "–" && t[i + 2].IsNumber && IsYearValue(value, decimals) && t[i + 1].Start == token.End
                && decimal.TryParse(t[i + 2].Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var to) && IsYearValue(to, 0) && to > value)
            {
                facts.Add(new Fact
                {
                    Kind = FactKind.Period, Sentence = s, Start = token.Start, Length = t[i + 2].End - token.Start,
                    AnswerStart = token.Start, AnswerLength = t[i + 2].End - token.Start, Value = value,
                });
                i += 2;
                continue;
            }

            // "In 2016 drove ...": a year after in/since/by/until/from/of, whatever follows.
            // "July 2015 Obama visited …": a year after a month, likewise.
            if (decimals == 0 && IsYearToken(token, value) && i > 0 && (t[i - 1].Lower is "in" or "since" or "by" or "until" or "from" or "of" or "year" or "early" or "late" or "mid" || Lexicon.Months.Contains(t[i - 1].Text))
                && !(i + 1 < t.Count && (Lexicon.ScaleWords.Contains(t[i + 1].Lower) || t[i + 1].Text == "%")))
            {
                facts.Add(new Fact
                {
                    Kind = FactKind.Year, Sentence = s, Start = token.Start, Length = token.Length,
                    AnswerStart = token.Start, AnswerLength = token.Length, Value = value,
                });
                continue;
            }

            // The day of a date ("12 February 2026") is not a figure worth asking.
            if (i + 1 < t.Count && Lexicon.Months.Contains(t[i + 1].Text) || (i > 0 && Lexicon.Months.Contains(t[i - 1].Text) && value <= 31))
            {
                continue;
            }

            var start = token.Start;
            var end = token.End;
            string? unit = null;
            var kind = FactKind.Count;
            if (i > 0 && t[i - 1].Text == "$")
            {
                start = t[i - 1].Start;
                unit = "dollars";
                kind = FactKind.Amount;
            }
            var j = i + 1;
            string? scale = null;
            if (j < t.Count && Lexicon.ScaleWords.Contains(t[j].Lower))
            {
                scale = t[j].Lower;
                end = t[j].End;
                j++;
            }
            if (j < t.Count && t[j].Text == "%")
            {
                (kind, unit, end) = (FactKind.Percent, "%", t[j].End);
            }
            else if (j + 1 < t.Count && t[j].Lower is "percent" or "per" && (t[j].Lower == "percent" || t[j + 1].Lower == "cent"))
            {
                var last = t[j].Lower == "percent" ? t[j] : t[j + 1];
                (kind, unit, end) = (FactKind.Percent, "percent", last.End);
            }
            else if (j < t.Count && Currencies.Contains(t[j].Lower))
            {
                (kind, unit, end) = (FactKind.Amount, t[j].Lower, t[j].End);
            }
            else if (j < t.Count && t[j].Lower == "times")
            {
                (kind, unit, end) = (FactKind.Multiplier, "times", t[j].End);
            }
            else if (kind != FactKind.Amount)
            {
                // A counted noun: "51 projects", "1200 freight trains", "14 thousand of Kazakhstan students".
                var k = j < t.Count && t[j].Lower == "of" ? j + 1 : j;
                var words = new List<Token>();
                while (k < t.Count && words.Count < 3 && t[k].IsWord && !t[k].IsNumber && !Lexicon.StopWords.Contains(t[k].Text) && !Lexicon.Months.Contains(t[k].Text))
                {
                    words.Add(t[k]);
                    k++;
                }
                // Keep nouns: stop before a verb-like word ("of oil delivered").
                while (words.Count > 1 && Regex.IsMatch(words[^1].Lower, @"(ed|ing|ly)$"))
                {
                    words.RemoveAt(words.Count - 1);
                }
                // "scheduled flights" is a unit; "delivered" alone is a verb.
                if (words.Count > 0 && !(words.Count == 1 && Regex.IsMatch(words[0].Lower, @"(ed|ly)$")) && !Regex.IsMatch(words[0].Lower, @"ly$"))
                {
                    unit = string.Join(' ', words.Select(w => w.Text));
                    end = words[^1].End;
                }
                else if (scale is null && decimals == 0 && IsYearToken(token, value))
                {
                    facts.Add(new Fact
                    {
                        Kind = FactKind.Year, Sentence = s, Start = token.Start, Length = token.Length,
                        AnswerStart = token.Start, AnswerLength = token.Length, Value = value,
                    });
                    continue;
                }
            }
            if (scale is not null)
            {
                unit = unit is null or "%" ? scale + (unit == "%" ? " %" : "") : $"{scale} {unit}";
            }
            var qualifier = Qualifiers.FirstOrDefault(q => s.Text.AsSpan(0, start).TrimEnd().EndsWith(q, StringComparison.OrdinalIgnoreCase)
                && (start - q.Length - 1 <= 0 || !char.IsLetter(s.Text[start - q.Length - 2])));
            facts.Add(new Fact
            {
                Kind = kind, Sentence = s, Start = start, Length = end - start, AnswerStart = token.Start, AnswerLength = token.Length,
                Value = value, Decimals = decimals, Unit = unit, Qualifier = qualifier,
                // A counted noun ("51 projects") already says what the figure is about.
                About = kind == FactKind.Count && scale is null && unit is not null ? null : SubjectBefore(s.Text, start),
            });
        }

        // Ordinal words before a noun: "third visit", "first time".
        for (var i = 0; i + 1 < t.Count; i++)
        {
            if (Lexicon.OrdinalWords.TryGetValue(t[i].Text, out var n) && !t[i].IsCapitalized && NextWord(t, i + 1) is { } noun && !Lexicon.StopWords.Contains(noun.Text))
            {
                facts.Add(new Fact
                {
                    Kind = FactKind.Ordinal, Sentence = s, Start = t[i].Start, Length = noun.End - t[i].Start,
                    AnswerStart = t[i].Start, AnswerLength = t[i].Length, Value = n, Unit = noun.Lower,
                });
            }
        }
    }

    /// <summary>The noun phrase a figure is about: in its clause, the words after the first "the"/"a", up to a
    /// verb-like word, a name or a little word ("The total investment of China … is 42.8" → "total investment").</summary>
    private static readonly HashSet<string> GenericNouns = new(StringComparer.OrdinalIgnoreCase) { "total", "number", "amount", "volume", "level", "share", "part", "rest", "sum" };

    internal static string? SubjectBefore(string text, int index)
    {
        var clauseStart = text.LastIndexOfAny([',', ';', '—', '–', ':', '('], Math.Max(0, index - 1)) + 1;
        var words = Regex.Matches(text[clauseStart..index], @"[\p{L}’'-]+").Select(m => m.Value).ToList();
        var from = words.FindIndex(w => w is "the" or "The" or "a" or "A" or "an" or "An" or "its" or "Its" or "their");
        if (from < 0)
        {
            return null;
        }
        var noun = new List<string>();
        for (var k = from + 1; k < words.Count && noun.Count < 5; k++)
        {
            var w = words[k];
            // "volume of rail traffic": "of" continues the phrase when a lower-case word follows it.
            if (w == "of" && noun.Count > 0 && k + 1 < words.Count && !char.IsUpper(words[k + 1][0]) && !Lexicon.StopWords.Contains(words[k + 1]))
            {
                noun.Add(w);
                continue;
            }
            if (Lexicon.StopWords.Contains(w) || char.IsUpper(w[0]) || Regex.IsMatch(w, "(ed|ing|ly)$"))
            {
                break;
            }
            noun.Add(w);
        }
        var phrase = string.Join(' ', noun);
        return noun.Count == 0 || GenericNouns.Contains(phrase) ? null : phrase;
    }

    private static bool IsYearValue(decimal value, int decimals) => decimals == 0 && value is >= 1000 and <= 2099;

    private static bool IsYearToken(Token token, decimal value) => !token.Text.Contains(',', StringComparison.Ordinal) && IsYearValue(value, 0);

    private static Token? NextWord(IReadOnlyList<Token> t, int i) => i < t.Count && t[i].IsWord && !t[i].IsNumber ? t[i] : null;

    /// <summary>The noun phrase right before a list or a quoted name ("new energy sources", "Strategy").</summary>
    internal static string? CueBefore(string text, int index)
    {
        var before = text[..index].TrimEnd();
        var clause = before.LastIndexOfAny(['.', ',', ';', ':', '”', '"', '(', '—', '–']);
        var words = Regex.Matches(before[(clause + 1)..], @"[\p{L}-]+").Select(m => m.Value).ToList();
        var cue = new List<string>();
        for (var k = words.Count - 1; k >= 0 && cue.Count < 3; k--)
        {
            if (Lexicon.StopWords.Contains(words[k]) || words[k].Length < 3)
            {
                break;
            }
            cue.Insert(0, words[k]);
        }
        return cue.Count == 0 ? null : string.Join(' ', cue);
    }

    // ---- lists: "nuclear energy, wind energy and photovoltaics" ----

    [GeneratedRegex(@"(?<![\p{L}])(?<items>(?:[\p{L}][\p{L}\-’' ]{1,40}, ){1,6}[\p{L}][\p{L}\-’' ]{1,40},? and [\p{L}][\p{L}\-’' ]{1,40}?)(?=[.,;:!?]|$| (?:in|to|of|for|on|with|are|is|were|was|that|which)\b)")]
    private static partial Regex ListPattern();

    [GeneratedRegex(@"\b(such as|including|like|namely|as well as)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex ListCue();

    private static void Lists(Sentence s, List<Fact> facts)
    {
        foreach (Match m in ListPattern().Matches(s.Text))
        {
            var group = m.Groups["items"];
            var parts = Regex.Split(group.Value, @", (?:and )?| and ").Select(p => p.Trim()).ToList();
            if (parts.Count < 3)
            {
                continue;
            }
            // "A, B, C and other multilateral formats": the last part names what the list is.
            string? otherOf = null;
            if (parts[^1].StartsWith("other ", StringComparison.OrdinalIgnoreCase))
            {
                otherOf = parts[^1][6..];
                parts.RemoveAt(parts.Count - 1);
                if (parts.Count < 3)
                {
                    continue;
                }
            }
            // The first segment holds the words before the list: keep as many words as the longest other
            // item, without leading little words ("within the UN" → "UN").
            var longest = parts.Skip(1).Max(p => p.Split(' ').Length);
            var firstWords = parts[0].Split(' ').TakeLast(longest).SkipWhile(w => Lexicon.StopWords.Contains(w)).ToArray();
            if (firstWords.Length == 0)
            {
                continue;
            }
            var firstItem = string.Join(' ', firstWords);
            var leadIn = s.Text[..(group.Index + group.Value.IndexOf(parts[0], StringComparison.Ordinal) + parts[0].Length - firstItem.Length)];
            parts[0] = firstItem;
            if (parts.Any(p => p.Split(' ').Length > 4 || Lexicon.StopWords.Contains(p.Split(' ')[0])
                || p.Split(' ').Any(w => w.EndsWith("ly", StringComparison.Ordinal)) || p.Split(' ')[0].EndsWith("ing", StringComparison.Ordinal)))
            {
                continue;
            }
            var cue = ListCue().Match(leadIn);
            var listOf = otherOf ?? (cue.Success ? FactExtractor.CueBefore(leadIn, cue.Index) : null);
            var search = group.Index;
            foreach (var item in parts)
            {
                var at = s.Text.IndexOf(item, search, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }
                facts.Add(new Fact
                {
                    Kind = FactKind.ListItem, Sentence = s, Start = at, Length = item.Length, AnswerStart = at, AnswerLength = item.Length,
                    ListMembers = parts, ListOf = listOf,
                });
                search = at + item.Length;
            }
        }
    }
}
