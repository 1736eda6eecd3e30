using Steppe.Domain.Generation.Language;

namespace Steppe.Domain.Generation.Entities;

/// <summary>A name as it appears in a sentence: its tokens, its text without a possessive "'s", and the title
/// written before it ("President", "Dr.").</summary>
internal sealed record Mention(int SentenceIndex, TokenSpan Span, string Text, bool Possessive, string? Title)
{
    public Entity? Entity { get; set; }
}

/// <summary>Finds names in a tagged sentence: runs of capitalised words joined by "of", "the", "de", "von" …
/// ("University of Warsaw", "Leonardo da Vinci"), acronyms, and names after titles.</summary>
internal static class MentionFinder
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "de", "von", "van", "der", "den", "da", "del", "di", "du", "la", "le", "al", "bin", "ibn", "upon", "y" };

    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "I", "Mr", "Mrs", "Ms", "Dr", "BC", "AD", "CE", "BCE",
        "A", "An", "The", "In", "On", "At", "It", "This", "These", "He", "She", "They", "We", "However", "Although",
    };

    public static List<Mention> Find(int sentenceIndex, IReadOnlyList<TaggedToken> t)
    {
        var mentions = new List<Mention>();
        var i = 0;
        while (i < t.Count)
        {
            if (!IsNameWord(t, i))
            {
                i++;
                continue;
            }
            var start = i;
            var last = i;
            var k = i + 1;
            while (k < t.Count && !Possessive(t[k - 1].Text))
            {
                if (IsNameWord(t, k) && Adjacent(t, k))
                {
                    last = k;
                    k++;
                }
                else if (Connectors.Contains(t[k].Text) && k + 1 < t.Count && IsNameWord(t, k + 1))
                {
                    k++;
                }
                else if (t[k].Text == "." && t[k - 1].Text.Length == 1 && char.IsUpper(t[k - 1].Text[0]) && k + 1 < t.Count && IsNameWord(t, k + 1))
                {
                    k++; // an initial: "John F. Kennedy"
                }
                else if (t[k].Text == "the" && k > 0 && t[k - 1].Text == "of" && k + 1 < t.Count && IsNameWord(t, k + 1))
                {
                    k++;
                }
                // "Intergovernmental Panel on Climate Change", "Institute for Advanced Study": a body's name goes on
                // after "on" or "for" (with "the": "Convention on the Rights of the Child").
                else if (t[k].Text is "on" or "for" && BodyWords.Contains(t[k - 1].Text)
                    && k + 1 < t.Count && (IsNameWord(t, k + 1) || t[k + 1].Text == "the" && k + 2 < t.Count && IsNameWord(t, k + 2)))
                {
                    k += t[k + 1].Text == "the" ? 2 : 1;
                }
                else if (t[k].Text is "and" or "&" && k + 2 < t.Count && IsNameWord(t, k + 1) && CueFollows(t, k + 1))
                {
                    k++; // "Food and Agriculture Organization"
                }
                else
                {
                    break;
                }
            }
            // "Apollo 11", "Boeing 747": a short number right after a name is part of it ("Article 34" is a treaty's).
            if (last + 1 < t.Count && t[last + 1].Token.IsNumber && t[last + 1].Text.Length <= 3 && t[last + 1].Text.All(char.IsAsciiDigit)
                && Adjacent(t, last + 1) && !Possessive(t[last].Text) && !Numbered.Contains(t[last].Text)
                && (last + 2 >= t.Count || !(t[last + 2].IsNoun || t[last + 2].Token.IsNumber || t[last + 2].Text is "%" or "," or "and" or "or" or "–" or "-")))
            {
                last++;
            }
            i = last + 1;
            foreach (var mention in Split(sentenceIndex, t, start, last))
            {
                mentions.Add(mention);
            }
        }
        return mentions;
    }

    /// <summary>Words a number follows as a place in a text or a list, not as part of a name.</summary>
    private static readonly HashSet<string> Numbered = new(StringComparer.Ordinal)
    {
        "Article", "Articles", "Section", "Chapter", "Part", "Title", "Rule", "Clause", "Paragraph", "Schedule", "Annex", "Book", "Volume", "Page", "Table", "Figure",
    };

    /// <summary>Words that end the first part of a body's name that "on" or "for" continues.</summary>
    private static readonly HashSet<string> BodyWords = new(StringComparer.Ordinal)
    {
        "Panel", "Institute", "Commission", "Committee", "Convention", "Council", "Centre", "Center", "Agency", "Office", "Organization", "Organisation",
        "Court", "Foundation", "Fund", "Society", "Association", "League", "Campaign", "Conference", "Treaty", "Agreement", "Board", "Bureau", "Ministry",
        "Department", "Secretary", "Minister", "Tribunal", "Initiative", "Alliance", "Union", "Coalition", "Programme", "Program", "Charter", "Declaration",
    };

    private static bool Adjacent(IReadOnlyList<TaggedToken> t, int k) => t[k].Token.Start - t[k - 1].Token.End <= 1;

    private static bool Possessive(string word) => word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) || word.EndsWith("s'", StringComparison.Ordinal);

    private static string StripPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word.EndsWith("s'", StringComparison.Ordinal) ? word[..^1] : word;

    private static bool IsNameWord(IReadOnlyList<TaggedToken> t, int i)
    {
        var w = t[i];
        if (i + 1 < t.Count && t[i + 1].Text is "$" or "+" && t[i + 1].Token.Start == w.Token.End)
        {
            return false; // "US$3": a currency, not the country; "Sky+": a product, not the company
        }
        if (!w.Token.IsWord || w.Token.IsNumber || !char.IsUpper(w.Text[0]) || NotNames.Contains(StripPossessive(w.Text).TrimEnd('.')) || Lexicon.Months.Contains(StripPossessive(w.Text)))
        {
            return false;
        }
        // A capitalised first word is a name only when tagged as one ("Tesla moved", not "Oxygen is").
        return i > 0 && t[i - 1].Text is not ("“" or "\"" or "(") || w.IsProper;
    }

    private static bool CueFollows(IReadOnlyList<TaggedToken> t, int k)
    {
        for (var j = k; j < t.Count && j < k + 4 && IsNameWord(t, j); j++)
        {
            if (EntityTyper.HeadNoun(StripPossessive(t[j].Text)) is not null)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Cuts a run at titles ("President Nursultan Nazarbayev" → a person with a title) and drops
    /// connectors at its ends.</summary>
    private static IEnumerable<Mention> Split(int sentenceIndex, IReadOnlyList<TaggedToken> t, int start, int last)
    {
        string? title = null;
        var s = start;
        // "General Assembly" and "Prime Minister's Office" are not titles before a name.
        var namedThing = EntityTyper.HeadNoun(StripPossessive(t[last].Text)) is not null;
        while (!namedThing && s <= last && (Titles.Contains(StripPossessive(t[s].Text).TrimEnd('.'))
            || (IsPlaceWord(t[s].Text) && s < last && (Titles.Contains(t[s + 1].Text.TrimEnd('.')) || (s + 1 < last && IsPlaceWord(t[s + 1].Text) && Titles.Contains(t[s + 2].Text.TrimEnd('.')))))))
        {
            if (Titles.Contains(t[s].Text.TrimEnd('.')))
            {
                title = title is null ? t[s].Text.TrimEnd('.') : title + " " + t[s].Text.TrimEnd('.');
            }
            s++;
        }
        if (title is not null && s <= last && Connectors.Contains(t[s].Text))
        {
            yield break; // "Archbishop of Mainz": a role, not a name
        }
        while (s <= last && Connectors.Contains(t[s].Text))
        {
            s++;
        }
        var e = last;
        while (e >= s && Connectors.Contains(t[e].Text))
        {
            e--;
        }
        if (s > e)
        {
            yield break;
        }
        // A lone capitalised common word ("international Affairs", "One") is no name, unless a list knows it as one.
        if (s == e && !t[s].Text.All(c => char.IsUpper(c) || c == '-') && IsCommonWord(StripPossessive(t[s].Text)))
        {
            yield break;
        }
        var text = Grammar.Join(t, s, e + 1);
        var possessive = Possessive(t[e].Text);
        text = StripPossessive(text);
        if (text.Length < 2)
        {
            yield break;
        }
        yield return new Mention(sentenceIndex, new TokenSpan(s, e + 1), text, possessive, title);
    }

    private static bool IsPlaceWord(string word) => Gazetteer.PlaceOf(word) is not null || Gazetteer.FindCountry(word) is not null;

    private static bool IsCommonWord(string word) =>
        Tagger.IsCommonWord(word.ToLowerInvariant()) && Gazetteer.FindCountry(word) is null && !Gazetteer.IsContinent(word) && Gazetteer.PlaceOf(word) is null
        && !WordNet.Senses(word).Any(x => x.IsInstance && x.Lemmas.Any(l => l == word));

    /// <summary>Words written before a person's name.</summary>
    internal static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "President", "Prime", "Minister", "Mr", "Mrs", "Ms", "Dr", "Professor", "Prof", "King", "Queen", "Emperor", "Empress", "General",
        "Chairman", "Chancellor", "Secretary", "Senator", "Governor", "Pope", "Sir", "Lord", "Lady", "Prince", "Princess",
        "Director", "Chief", "Captain", "Admiral", "Colonel", "Lieutenant", "Sheikh", "Sultan", "Tsar", "Czar", "Khan", "Bishop",
        "Archbishop", "Cardinal", "Reverend", "Rev", "Judge", "Justice", "Mayor", "Commissioner", "Vice", "Deputy", "Shah",
        "Emir", "Caliph", "Pharaoh", "Kaiser", "Duke", "Duchess", "Count", "Countess", "Baron", "Marshal", "Ambassador",
        "Administrator", "Associate", "Manager", "Speaker", "Treasurer", "Sergeant", "Major", "Lt", "Col", "Gen", "Capt", "Sen", "Gov",
    };
}
