using System.Globalization;
using System.Text.RegularExpressions;

namespace Steppe.Domain.Generation;

/// <summary>Finds figures, years, periods, ordinals, names and list members in sentences with patterns and
/// word lists (no model).</summary>
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
        var longForms = LongForms(article.Text);
        var lowercaseWords = article.Sentences.SelectMany(s => s.Tokens).Where(t => t.IsWord && !t.IsCapitalized).Select(t => t.Lower).ToHashSet();
        foreach (var sentence in article.Sentences)
        {
            var found = new List<Fact>();
            Numbers(sentence, found);
            Quoted(sentence, found);
            Names(sentence, found, lowercaseWords);
            Lists(sentence, found);
            facts.AddRange(found
                .Select(f => f.IsEntity && longForms.TryGetValue(f.Answer, out var longForm) ? f with { LongForm = longForm } : f)
                .OrderBy(f => f.Start).ThenBy(f => f.Kind));
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
            if (decimals == 0 && IsYearToken(token, value) && i > 0 && t[i - 1].Lower is "in" or "since" or "by" or "until" or "from" or "of" or "year" or "early" or "late" or "mid"
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

    // ---- names ----

    [GeneratedRegex(@"[“""]([^”""]{2,60})[”""]")]
    private static partial Regex QuotedPattern();

    private static void Quoted(Sentence s, List<Fact> facts)
    {
        foreach (Match m in QuotedPattern().Matches(s.Text))
        {
            var inner = m.Groups[1];
            var name = inner.Value.TrimEnd(',', '.', ';', ':', '!', '?');
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words is < 1 or > 6 || name.Trim().Length != name.Length || !name.Any(char.IsLetter))
            {
                continue;
            }
            facts.Add(new Fact
            {
                Kind = FactKind.Programme, Sentence = s, Start = m.Index, Length = m.Length,
                AnswerStart = inner.Index, AnswerLength = name.Length, Unit = CueBefore(s.Text, m.Index),
            });
        }
    }

    /// <summary>The noun phrase right before a quoted name ("economic policy", "Strategy", "theme").</summary>
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

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "the", "and", "for", "on", "de", "du", "von", "van", "al" };

    private static readonly HashSet<string> PersonNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "singer", "writer", "author", "poet", "scientist", "president", "minister", "leader", "actor", "actress", "artist", "engineer",
        "inventor", "founder", "king", "queen", "emperor", "painter", "composer", "philosopher", "astronomer", "chemist", "physicist",
        "explorer", "general", "pope", "goldsmith", "printer", "chief", "director", "professor", "chairman", "officer", "player",
        "physician", "doctor", "biologist", "botanist", "partner", "assistant", "executive", "manager", "mayor", "chancellor", "priest",
        "monk", "architect", "mathematician", "economist", "historian", "journalist", "editor", "teacher", "student", "captain",
    };

    /// <summary>Capitalised spans ("Nursultan Nazarbayev", "Southeast Asia", "UN Security Council"), cut at
    /// titles, places and nationalities, typed by word lists and cue words.</summary>
    private static void Names(Sentence s, List<Fact> facts, HashSet<string> lowercaseWords)
    {
        var t = s.Tokens;
        var inQuote = QuotedPattern().Matches(s.Text).Select(m => (m.Index, End: m.Index + m.Length)).ToList();
        var i = 0;
        while (i < t.Count)
        {
            if (!IsNameWord(t[i]) || inQuote.Any(q => t[i].Start >= q.Index && t[i].Start < q.End))
            {
                i++;
                continue;
            }
            var first = i;
            var last = i;
            var k = i + 1;
            while (k < t.Count)
            {
                if (IsNameWord(t[k]) && t[k].Start - t[k - 1].End <= 1 && !inQuote.Any(q => t[k].Start >= q.Index && t[k].Start < q.End))
                {
                    last = k;
                    k++;
                }
                else if (Connectors.Contains(t[k].Text) && k + 1 < t.Count && IsNameWord(t[k + 1]) && (t[k].Text != "and" || AllCaps(t[k + 1])))
                {
                    k++;
                }
                else
                {
                    break;
                }
            }
            i = last + 1;
            // Leading ordinary words ("In", "While the") are not part of a name.
            while (first <= last && (Lexicon.StopWords.Contains(t[first].Text) || Connectors.Contains(t[first].Text)))
            {
                first++;
            }
            if (first > last)
            {
                continue;
            }
            foreach (var (from, to, kind) in Segments(t, first, last))
            {
                var singleWord = from == to;
                // A capitalised first word of a sentence is a name only when the article capitalises it elsewhere.
                if (from == 0 && singleWord && kind == FactKind.Name && !CapitalisedElsewhere(s, t[0].Text))
                {
                    continue;
                }
                if (kind == FactKind.Name && singleWord && !(from > 0 && PersonNouns.Contains(t[from - 1].Text)) && !AllCaps(t[from]))
                {
                    continue; // a lone capitalised word ("Affairs", "Economic") says too little about what it is
                }
                if (singleWord && kind is FactKind.Organisation or FactKind.Programme or FactKind.Event && IsCueWord(t[from].Text))
                {
                    continue; // "Foundation", "Strategy" alone are ordinary words written with a capital
                }
                // A person: after a role ("singer Dimash"), or before ", who" or "said".
                var personCue = (from > 0 && PersonNouns.Contains(t[from - 1].Text))
                    || (to + 2 < t.Count && t[to + 1].Text == "," && t[to + 2].Lower == "who")
                    || (to + 1 < t.Count && t[to + 1].Lower is "said" or "says" or "wrote" or "argued");
                var typed = kind == FactKind.Name && personCue && !singleWord || kind == FactKind.Name && singleWord && from > 0 && PersonNouns.Contains(t[from - 1].Text) ? FactKind.Person : kind;
                var start = t[from].Start;
                var text = s.Text[start..t[to].End];
                var length = text.EndsWith("’s", StringComparison.Ordinal) || text.EndsWith("'s", StringComparison.Ordinal) ? text.Length - 2 : text.Length;
                facts.Add(new Fact { Kind = typed, Sentence = s, Start = start, Length = length, AnswerStart = start, AnswerLength = length });
            }
        }
    }

    private static bool IsCueWord(string word) =>
        Lexicon.OrganisationCues.Contains(word) || Lexicon.ProgrammeCues.Contains(word) || (Lexicon.EventCues.Contains(word) && !AllCaps(new Token(word, 0)));

    private static bool CapitalisedElsewhere(Sentence s, string word) =>
        s.Tokens.Skip(1).Any(t => t.Text == word); // cheap: within the sentence; names at a sentence start are rare

    private static bool IsNameWord(Token t) =>
        t.IsWord && !t.IsNumber && char.IsUpper(t.Text[0]) && t.Text != "I" && !Lexicon.Months.Contains(t.Text.Split('-')[0]);

    private static bool AllCaps(Token t) => t.Text.Length >= 2 && t.Text.All(c => char.IsUpper(c) || c == '-' || char.IsDigit(c));

    /// <summary>Cuts a capitalised span at titles (the person follows), known places and nationalities.</summary>
    private static IEnumerable<(int From, int To, FactKind Kind)> Segments(IReadOnlyList<Token> t, int first, int last)
    {
        var k = first;
        var pending = -1;
        IEnumerable<(int, int, FactKind)> Flush(int end)
        {
            if (pending >= 0 && end >= pending)
            {
                yield return (pending, end, Classify(t, pending, end));
            }
            pending = -1;
        }
        while (k <= last)
        {
            var word = t[k].Text.TrimEnd('.');
            if (Lexicon.PersonTitles.Contains(word))
            {
                foreach (var x in Flush(k - 1)) yield return x;
                var name = k + 1;
                while (name <= last && Lexicon.PersonTitles.Contains(t[name].Text.TrimEnd('.')))
                {
                    name++;
                }
                if (name <= last && last - name < 3)
                {
                    yield return (name, last, FactKind.Person);
                }
                yield break;
            }
            var place = LongestPlace(t, k, last);
            if (place > 0)
            {
                foreach (var x in Flush(k - 1)) yield return x;
                yield return (k, k + place - 1, FactKind.Place);
                k += place;
                continue;
            }
            if (Lexicon.Nationalities.Contains(StripPossessive(t[k].Text)) && (k == last || !IsContinuation(t[k + 1])))
            {
                foreach (var x in Flush(k - 1)) yield return x;
                yield return (k, k, FactKind.Nationality);
                k++;
                continue;
            }
            if (pending < 0)
            {
                pending = k;
            }
            k++;
        }
        foreach (var x in Flush(last)) yield return x;
    }

    // "Security Council" after "UN" continues an organisation name rather than starting a new one.
    private static bool IsContinuation(Token next) => Lexicon.OrganisationCues.Contains(next.Text) || Lexicon.EventCues.Contains(next.Text);

    private static int LongestPlace(IReadOnlyList<Token> t, int k, int last)
    {
        for (var n = Math.Min(3, last - k + 1); n >= 1; n--)
        {
            var words = string.Join(' ', Enumerable.Range(k, n).Select(x => StripPossessive(t[x].Text)));
            if (Lexicon.Places.Contains(words) && !(k + n <= last && IsContinuation(t[k + n])))
            {
                return n;
            }
        }
        return 0;
    }

    private static string StripPossessive(string word) =>
        word.EndsWith("’s", StringComparison.Ordinal) || word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word;

    private static FactKind Classify(IReadOnlyList<Token> t, int from, int to)
    {
        var words = Enumerable.Range(from, to - from + 1).Select(k => StripPossessive(t[k].Text)).ToList();
        var lastWord = words[^1];
        if (Lexicon.EventCues.Any(c => lastWord.StartsWith(c, StringComparison.Ordinal)) || words.Any(w => w.StartsWith("EXPO", StringComparison.Ordinal)))
        {
            return FactKind.Event;
        }
        if (Lexicon.ProgrammeCues.Contains(lastWord) || Lexicon.ProgrammeCues.Contains(words[0]))
        {
            return FactKind.Programme;
        }
        if (Lexicon.OrganisationCues.Any(words.Contains) || Lexicon.KnownOrganisations.Contains(string.Join(' ', words)))
        {
            return FactKind.Organisation;
        }
        return FactKind.Name;
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
