using System.Text;
using Steppe.Domain.Banks;

namespace Steppe.Domain.Interchange;

/// <summary>A pasted list of cards, as Quizlet's import box and Anki's text import take them: one card a line
/// (or cards separated by a chosen string), term and definition separated by a tab, a comma or a chosen string.
/// Each card becomes a short-answer question: the term asks, the definition answers (or the other way round).
/// Anki's <c>#separator:</c> and other <c>#</c> header lines are read or skipped.</summary>
public static class TermList
{
    /// <param name="between">What separates term from definition: "\t", ",", or any string.</param>
    /// <param name="cards">What separates cards: "\n" (a line each), ";", or any string.</param>
    /// <param name="askDefinition">Ask with the definition and answer with the term.</param>
    public static ImportResult Read(string text, string between = "\t", string cards = "\n", bool askDefinition = false)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var (found, skipped) = (new List<ImportedQuestion>(), new List<NotConverted>());
        var ids = new ImportIds();
        foreach (var (line, card) in Cards(text, cards))
        {
            if (cards == "\n" && card.StartsWith('#'))
            {
                between = AnkiSeparator(card) ?? between; // Anki's header: "#separator:tab", "#html:false" …
                continue;
            }
            var at = card.IndexOf(between, StringComparison.Ordinal);
            if (at < 0)
            {
                skipped.Add(new NotConverted(line, card, $"no {Name(between)} between term and definition"));
                continue;
            }
            var term = Collapse(card[..at]);
            var definition = Collapse(Unquote(card[(at + between.Length)..]));
            if (term.Length == 0 || definition.Length == 0)
            {
                skipped.Add(new NotConverted(line, card, term.Length == 0 ? "the term is empty" : "the definition is empty"));
                continue;
            }
            var (prompt, answer) = askDefinition ? (definition, term) : (term, definition);
            found.Add(new ImportedQuestion(line, new ShortAnswerQuestion { Id = ids.Next(null), Prompt = prompt, Answer = answer }));
        }
        return new ImportResult(found, skipped);
    }

    private static IEnumerable<(int Line, string Card)> Cards(string text, string separator)
    {
        var line = 1;
        foreach (var card in text.Split(separator))
        {
            var trimmed = card.Trim('\n', ' ');
            var leading = card.Length - card.TrimStart('\n', ' ').Length;
            if (trimmed.Length > 0)
            {
                yield return (line + card[..leading].Count(c => c == '\n'), trimmed);
            }
            line += card.Count(c => c == '\n') + separator.Count(c => c == '\n');
        }
    }

    private static string? AnkiSeparator(string header) =>
        header.StartsWith("#separator:", StringComparison.OrdinalIgnoreCase)
            ? header[11..].Trim().ToLowerInvariant() switch
            {
                "tab" => "\t", "comma" => ",", "semicolon" => ";", "pipe" => "|", "space" => " ", "colon" => ":", var other => other,
            }
            : null;

    private static string Name(string separator) => separator switch { "\t" => "tab", "," => "comma", var s => $"'{s}'" };

    private static string Unquote(string text)
    {
        var t = text.Trim();
        return t.Length >= 2 && t[0] == '"' && t[^1] == '"' ? t[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : t;
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The bank as term–definition lines separated by tabs, as Quizlet and Anki import them: the prompt
    /// as the term, the answer as the definition (a multiple choice's right choice, "True"/"False", the items of an
    /// ordering joined by arrows).</summary>
    public static string Write(QuestionBank bank)
    {
        var text = new StringBuilder();
        foreach (var q in bank.Questions)
        {
            var prompt = q is ClozeQuestion cloze ? cloze.Prompt : q.Prompt;
            text.Append(Flat(prompt)).Append('\t').Append(Flat(ShownAnswer(q))).Append('\n');
        }
        return text.ToString();

        static string Flat(string s) => Collapse(s.Replace('\t', ' '));
    }

    /// <summary>The answer as a card shows it: a number with its tolerance ("4248 km (± 50)").</summary>
    public static string ShownAnswer(Question q) =>
        q is NumericQuestion { Tolerance: { } t } && t > 0 ? $"{q.AnswerText} (± {t.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : q.AnswerText;
}
