using System.Text;
using System.Text.RegularExpressions;

namespace Steppe.Domain.Generation.Language;

/// <summary>Small facts of English grammar that question writing needs.</summary>
internal static partial class Grammar
{
    public static readonly HashSet<string> BeForms = new(StringComparer.OrdinalIgnoreCase) { "be", "is", "are", "was", "were", "been", "being", "am" };
    public static readonly HashSet<string> HaveForms = new(StringComparer.OrdinalIgnoreCase) { "have", "has", "had" };
    public static readonly HashSet<string> DoForms = new(StringComparer.OrdinalIgnoreCase) { "do", "does", "did" };

    /// <summary>Pronouns and determiners that point outside their sentence.</summary>
    public static readonly HashSet<string> Pointing = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "it", "they", "him", "her", "them", "his", "hers", "its", "their", "theirs", "this", "these", "those", "such",
        "himself", "herself", "itself", "themselves", "latter", "former", "aforementioned", "above",
    };

    [GeneratedRegex(@"^(1\d{3}|20\d{2})s?$")]
    private static partial Regex YearPattern();

    public static bool IsYearLike(string text) => YearPattern().IsMatch(text);

    /// <summary>The tokens' text with the spacing they had in the sentence.</summary>
    public static string Join(IReadOnlyList<TaggedToken> t, int start, int end)
    {
        var text = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            if (i > start && t[i].Token.Start > t[i - 1].Token.End)
            {
                text.Append(' ');
            }
            text.Append(t[i].Text);
        }
        return text.ToString();
    }

    /// <summary>The plural of a noun that names a kind ("city" → "cities", "mountain range" → "mountain ranges").</summary>
    public static string Plural(string noun) =>
        noun.EndsWith('y') && noun.Length > 2 && !"aeiou".Contains(noun[^2], StringComparison.Ordinal) ? noun[..^1] + "ies"
        : noun.EndsWith('s') || noun.EndsWith('x') || noun.EndsWith("ch", StringComparison.Ordinal) || noun.EndsWith("sh", StringComparison.Ordinal) ? noun + "es"
        : noun + "s";

    /// <summary>"Did"/"does"/"do" for a main verb's tense and number.</summary>
    public static string DoFor(Pos tag) => tag switch
    {
        Pos.VBD => "did",
        Pos.VBZ => "does",
        _ => "do",
    };

    /// <summary>"a" or "an" before a word, by its sound where the spelling misleads ("an hour", "a university").</summary>
    public static string Article(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.StartsWith("uni", StringComparison.Ordinal) || lower.StartsWith("eu", StringComparison.Ordinal) || lower.StartsWith("one", StringComparison.Ordinal) || lower.StartsWith("use", StringComparison.Ordinal) || lower.StartsWith("usu", StringComparison.Ordinal))
        {
            return "a";
        }
        if (lower.StartsWith("hour", StringComparison.Ordinal) || lower.StartsWith("honest", StringComparison.Ordinal) || lower.StartsWith("honou", StringComparison.Ordinal) || lower.StartsWith("heir", StringComparison.Ordinal))
        {
            return "an";
        }
        return lower.Length > 0 && "aeio".Contains(lower[0], StringComparison.Ordinal) ? "an" : "a";
    }

    private static readonly HashSet<string> DanglingEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "to", "of", "a", "an", "the", "and", "or", "but", "with", "by", "for", "from", "in", "on", "at", "as", "which", "who", "whom",
        "stating", "saying", "than", "whether", "if", "because", "including", "such", "into", "its", "their", "his", "her", "be", "being",
    };

    /// <summary>Whether a written question reads whole: quotes and brackets closed, no word left hanging before
    /// the question mark ("… stating that?"), no empty clause (", ?").</summary>
    public static bool IsWellFormed(string question)
    {
        if (question.Count(c => c == '"') % 2 != 0 || question.Count(c => c == '“') != question.Count(c => c == '”')
            || question.Count(c => c == '(') != question.Count(c => c == ')'))
        {
            return false;
        }
        var body = question.TrimEnd('?').TrimEnd();
        // "in the United Kingdom and, on 21 February 1804": a conjunction before a comma was cut from its clause.
        if (body.EndsWith(',') || body.EndsWith(';') || body.EndsWith(':') || body.Contains(",,", StringComparison.Ordinal) || body.Contains(" ,", StringComparison.Ordinal)
            || body.Contains(" and,", StringComparison.Ordinal) || body.Contains(" or,", StringComparison.Ordinal) || body.Contains(" but,", StringComparison.Ordinal))
        {
            return false;
        }
        var last = body.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return !DanglingEnds.Contains(last.Trim('"', '“', '”'));
    }

    private static readonly string[] TheWords = ["States", "Kingdom", "Union", "Republic", "Netherlands", "Emirates", "Islands", "Philippines", "Bahamas", "Middle East", "Gambia", "Vatican", "Caribbean", "Sahara", "Alps", "Andes", "Himalayas"];

    /// <summary>Whether a name takes "the" in running text ("the United States", "the Netherlands").</summary>
    public static bool TakesThe(string name) =>
        TheWords.Any(w => name.EndsWith(w, StringComparison.Ordinal) || name.StartsWith(w, StringComparison.Ordinal)) || name.Contains(" of ", StringComparison.Ordinal)
        || (name.Split(' ').Length > 1 && TheHeads.Contains(name.Split(' ')[^1]));

    /// <summary>Last words of names said with "the": the Indian Ocean, the Labour Party, the Supreme Court, the Cold War.</summary>
    private static readonly HashSet<string> TheHeads = new(StringComparer.Ordinal)
    {
        "Ocean", "Sea", "Gulf", "River", "Peninsula", "Desert", "Empire", "Mountains", "Bay", "Strait", "Canal", "Channel", "Coast", "Valley",
        "Party", "Court", "Council", "Commission", "Committee", "Parliament", "Senate", "Congress", "Army", "Navy", "Bank", "Agency", "Administration",
        "War", "Revolution", "Crisis", "Dynasty", "Movement", "Organization", "Organisation", "Association", "Federation", "League", "Foundation",
        "Institute", "Museum", "Library", "Treaty", "Agreement", "Convention", "Declaration", "Act", "Programme", "Program", "Project", "Center", "Centre",
    };

    /// <summary>The sentence with its first letter in capitals and a question mark at the end.</summary>
    public static string AsQuestion(string text)
    {
        var trimmed = text.Trim().TrimEnd('.', ',', ';', ':', ' ');
        return trimmed.Length == 0 ? trimmed : char.ToUpperInvariant(trimmed[0]) + trimmed[1..] + "?";
    }

    /// <summary>Lower-cases a sentence's first word when it is an ordinary word ("The" → "the", not "Tesla").</summary>
    public static string LowerFirst(IReadOnlyList<TaggedToken> t, int start, string text) =>
        start < t.Count && !t[start].IsProper && t[start].Text.Length > 0 && !(t[start].Text.Length > 1 && t[start].Text.All(char.IsUpper)) && t[start].Pos != Pos.PRP || (t[start].Pos == Pos.PRP && t[start].Text != "I")
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
}
