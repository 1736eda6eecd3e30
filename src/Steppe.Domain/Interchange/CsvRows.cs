using System.Globalization;
using System.Text.RegularExpressions;
using Steppe.Domain.Banks;

namespace Steppe.Domain.Interchange;

/// <summary>A data row of a CSV file by its header names (lower case), with the line it starts on.</summary>
public sealed record CsvRow(int Line, IReadOnlyDictionary<string, string> Fields)
{
    public string this[string column] => Fields.TryGetValue(column, out var v) ? v.Trim() : "";
}

/// <summary>A CSV of questions, in the columns Steppe exports (<c>id, type, prompt, answer, choices, accept, unit,
/// tolerance, explanation</c>; lists joined by <c>|</c>); only <c>prompt</c> and <c>answer</c> are needed. Without a
/// type, a row with choices is a multiple choice, an answer "true" or "false" a true/false, a number a numeric
/// question, a prompt with a blank (<c>____</c>) a cloze, anything else a short answer. The themes column is not
/// read (themes are named in the bank; add them in the editor).</summary>
public static partial class CsvRows
{
    public static ImportResult Read(IEnumerable<CsvRow> rows)
    {
        var (found, skipped) = (new List<ImportedQuestion>(), new List<NotConverted>());
        var ids = new ImportIds();
        foreach (var row in rows)
        {
            var (question, reason) = Convert(row, ids);
            if (question is not null)
            {
                found.Add(new ImportedQuestion(row.Line, question));
            }
            else
            {
                var text = string.Join(", ", row.Fields.Values.Where(v => v.Length > 0));
                skipped.Add(new NotConverted(row.Line, text.Length > 200 ? text[..200] + "…" : text, reason!));
            }
        }
        return new ImportResult(found, skipped);
    }

    private static (Question?, string?) Convert(CsvRow row, ImportIds ids)
    {
        var (prompt, answer, explanation) = (row["prompt"], row["answer"], NullIfEmpty(row["explanation"]));
        if (prompt.Length == 0 || answer.Length == 0)
        {
            return (null, prompt.Length == 0 ? "no prompt" : "no answer");
        }
        var choices = List(row["choices"]);
        var type = row["type"].ToLowerInvariant();
        if (type.Length == 0)
        {
            type = choices.Count > 0 ? "multiple-choice"
                : answer.ToLowerInvariant() is "true" or "false" ? "true-false"
                : prompt.Contains(ClozeQuestion.Blank, StringComparison.Ordinal) ? "cloze"
                : Number(answer) is not null ? "numeric" : "short-answer";
        }
        var given = row["id"];
        var id = Slug().IsMatch(given) ? ids.Next(given) : ids.Next(null);
        var accept = List(row["accept"]) is { Count: > 0 } a ? a : null;
        switch (type)
        {
            case "multiple-choice":
                return choices.Count is < 2 or > 6 ? (null, $"{choices.Count} choices: a multiple choice has 2 to 6, joined by |")
                    : !choices.Contains(answer) ? (null, $"the answer '{answer}' is not one of the choices")
                    : (new MultipleChoiceQuestion { Id = id, Prompt = prompt, Choices = choices, Answer = answer, Explanation = explanation }, null);
            case "true-false":
                return answer.ToLowerInvariant() is "true" or "false"
                    ? (new TrueFalseQuestion { Id = id, Prompt = prompt, Answer = answer.Equals("true", StringComparison.OrdinalIgnoreCase), Explanation = explanation }, null)
                    : (null, $"a true/false answer must be true or false, not '{answer}'");
            case "cloze":
                return prompt.Split(ClozeQuestion.Blank).Length != 2
                    ? (null, "a cloze prompt needs exactly one blank, written ____")
                    : (new ClozeQuestion { Id = id, Prompt = prompt, Answer = answer, Accept = accept, Explanation = explanation }, null);
            case "short-answer":
                return (new ShortAnswerQuestion { Id = id, Prompt = prompt, Answer = answer, Accept = accept, Explanation = explanation }, null);
            case "numeric":
                return Number(answer) is { } number
                    ? (new NumericQuestion { Id = id, Prompt = prompt, Answer = number, Unit = NullIfEmpty(row["unit"]), Tolerance = Number(row["tolerance"]), Explanation = explanation }, null)
                    : (null, $"'{answer}' is not a number");
            case "ordering":
                var items = choices.Count > 0 ? choices : List(answer);
                return items.Count < 2 ? (null, "an ordering needs two items or more, joined by |")
                    : (new OrderingQuestion { Id = id, Prompt = prompt, Answer = items, Explanation = explanation }, null);
            default:
                return (null, $"unknown type '{type}'");
        }
    }

    private static List<string> List(string text) => text.Split('|').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
