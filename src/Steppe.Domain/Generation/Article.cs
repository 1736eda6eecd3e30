using System.Text.RegularExpressions;

namespace Steppe.Domain.Generation;

/// <summary>A sentence of the article, kept verbatim, with where it stands.</summary>
public sealed record Sentence(int Index, int Paragraph, string Text, int Start)
{
    public IReadOnlyList<Token> Tokens { get; } = Tokenizer.Tokens(Text);
    public int WordCount => Tokens.Count(t => t.IsWord);
}

/// <summary>An article split into paragraphs (its non-empty lines, counted from 1) and sentences.</summary>
public sealed class Article
{
    public IReadOnlyList<string> Paragraphs { get; }
    public IReadOnlyList<Sentence> Sentences { get; }
    public string Text { get; }

    /// <summary>True when the first paragraph looks like a title (short, no final full stop).</summary>
    public bool HasTitle { get; }

    public Article(string text)
    {
        Text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        Paragraphs = Text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        HasTitle = Paragraphs.Count > 1 && Paragraphs[0].Length <= 160 && !Regex.IsMatch(Paragraphs[0], @"[.!?:]\s*$");
        var sentences = new List<Sentence>();
        for (var p = 0; p < Paragraphs.Count; p++)
        {
            if (p == 0 && HasTitle)
            {
                continue;
            }
            foreach (var (start, length) in SentenceSplitter.Split(Paragraphs[p]))
            {
                sentences.Add(new Sentence(sentences.Count, p + 1, Paragraphs[p].Substring(start, length), start));
            }
        }
        Sentences = sentences;
    }

    public string? Title => HasTitle ? Paragraphs[0] : null;
}

/// <summary>Splits a paragraph into sentences without breaking abbreviations ("U.S.", "Dr."), decimals
/// ("42.8"), initials ("J. R. Smith") or quotations.</summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "gov", "sen", "rep", "col", "lt", "capt", "sgt",
        "vs", "etc", "e.g", "i.e", "cf", "approx", "no", "nos", "vol", "fig", "figs", "p", "pp", "ed", "eds", "inc", "ltd", "co", "corp",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "ca", "c", "est", "dept", "univ", "assn", "bros", "ft", "km", "kg", "oz", "lb",
    };

    /// <summary>Words that open sentences and rarely follow an initial inside a name.</summary>
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "The", "In", "On", "At", "By", "He", "She", "It", "They", "We", "This", "These", "That", "There", "A", "An", "After", "Before",
        "During", "When", "While", "His", "Her", "Its", "Their", "However", "As", "From", "Since", "Although", "Many", "Some", "Most",
    };

    [GeneratedRegex(@"[.!?]+[""”’'»)\]]*(?=\s+|$)")]
    private static partial Regex Terminator();

    public static IEnumerable<(int Start, int Length)> Split(string paragraph)
    {
        var start = 0;
        foreach (Match m in Terminator().Matches(paragraph))
        {
            var end = m.Index + m.Length;
            if (m.Value[0] == '.' && m.Value.Length == 1 && !IsSentenceEnd(paragraph, m.Index))
            {
                continue;
            }
            // The next sentence should start like one: a capital, a digit or an opening quote.
            var next = end;
            while (next < paragraph.Length && char.IsWhiteSpace(paragraph[next]))
            {
                next++;
            }
            if (next < paragraph.Length && char.IsLower(paragraph[next]))
            {
                continue;
            }
            var text = paragraph[start..end].Trim();
            if (text.Length > 0)
            {
                yield return (paragraph.IndexOf(text, start, StringComparison.Ordinal), text.Length);
            }
            start = end;
        }
        var rest = paragraph[start..].Trim();
        if (rest.Length > 0)
        {
            yield return (paragraph.IndexOf(rest, start, StringComparison.Ordinal), rest.Length);
        }
    }

    /// <summary>Whether the full stop at <paramref name="dot"/> ends a sentence.</summary>
    private static bool IsSentenceEnd(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"' or '“'))
        {
            wordStart--;
        }
        var word = text[wordStart..dot];
        if (word.Length == 0)
        {
            return true;
        }
        if (Abbreviations.Contains(word.TrimEnd('.')))
        {
            return false;
        }
        // An initial ("J.") or a dotted acronym ("U.S"): not an end unless a word that opens sentences follows
        // ("… marked N.T. In 1957, …").
        if ((word.Length == 1 && char.IsUpper(word[0])) || (word.Contains('.', StringComparison.Ordinal) && word.Replace(".", "", StringComparison.Ordinal).All(char.IsLetter) && word.Length <= 6))
        {
            var next = text[(dot + 1)..].TrimStart();
            var nextWord = new string(next.TakeWhile(char.IsLetter).ToArray());
            return Openers.Contains(nextWord);
        }
        return true;
    }
}
