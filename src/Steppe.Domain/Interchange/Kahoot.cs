using System.Globalization;
using Steppe.Domain.Banks;

namespace Steppe.Domain.Interchange;

/// <summary>A row of Kahoot's quiz spreadsheet template: the question, answers 1 to 4, the time limit in seconds, and
/// the correct answer(s) as answer numbers ("2", or "1,3").</summary>
public sealed record KahootRow(int Row, string Question, IReadOnlyList<string> Answers, string TimeLimit, string Correct);

/// <summary>Kahoot's quiz spreadsheet as questions and back: a row with one right answer among two to four is a
/// multiple choice (a True/False pair a true/false question), its time limit kept when Steppe allows it (5–240 s).
/// Rows with several right answers are reported, not converted. Written back, only multiple choice of up to four
/// choices and true/false fit Kahoot's template.</summary>
public static class Kahoot
{
    public static ImportResult Read(IEnumerable<KahootRow> rows)
    {
        var (found, skipped) = (new List<ImportedQuestion>(), new List<NotConverted>());
        var ids = new ImportIds();
        foreach (var row in rows)
        {
            var text = $"{row.Question} | {string.Join(" | ", row.Answers.Where(a => a.Length > 0))}";
            var (question, reason) = Convert(row, ids);
            if (question is not null)
            {
                found.Add(new ImportedQuestion(row.Row, question));
            }
            else
            {
                skipped.Add(new NotConverted(row.Row, text.Length > 200 ? text[..200] + "…" : text, reason!));
            }
        }
        return new ImportResult(found, skipped);
    }

    private static (Question?, string?) Convert(KahootRow row, ImportIds ids)
    {
        var prompt = row.Question.Trim();
        if (prompt.Length == 0)
        {
            return (null, "no question");
        }
        var numbered = row.Answers.Select((a, i) => (Text: a.Trim(), Number: i + 1)).Where(a => a.Text.Length > 0).ToList();
        if (numbered.Count < 2)
        {
            return (null, "fewer than two answers");
        }
        var correct = row.Correct.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(c => int.TryParse(c, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0).Distinct().ToList();
        if (correct.Count == 0 || correct.Any(c => numbered.All(a => a.Number != c)))
        {
            return (null, $"the correct answer '{row.Correct}' is not the number of a filled answer (1 to 4)");
        }
        if (correct.Count > 1)
        {
            return (null, "several right answers: Steppe's multiple choice has one");
        }
        if (numbered.Select(a => a.Text).Distinct(StringComparer.Ordinal).Count() != numbered.Count)
        {
            return (null, "the same answer twice");
        }
        int? seconds = int.TryParse(row.TimeLimit.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s is >= 5 and <= 240 ? s : null;
        var right = numbered.Single(a => a.Number == correct[0]).Text;
        var id = ids.Next(null);
        var texts = numbered.Select(a => a.Text.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        if (texts.SequenceEqual(["false", "true"]))
        {
            return (new TrueFalseQuestion { Id = id, Prompt = prompt, Answer = right.Equals("true", StringComparison.OrdinalIgnoreCase), TimeLimitSeconds = seconds }, null);
        }
        return (new MultipleChoiceQuestion { Id = id, Prompt = prompt, Choices = numbered.Select(a => a.Text).ToList(), Answer = right, TimeLimitSeconds = seconds }, null);
    }

    /// <summary>The rows of a bank that Kahoot's template can hold (multiple choice of up to four choices,
    /// true/false), time limits rounded up to Kahoot's steps; and the ids of those it cannot.</summary>
    public static (IReadOnlyList<KahootRow> Rows, IReadOnlyList<string> LeftOut) Write(QuestionBank bank)
    {
        var (rows, leftOut) = (new List<KahootRow>(), new List<string>());
        foreach (var q in bank.Questions)
        {
            var time = Step(q.TimeLimitSeconds ?? 20).ToString(CultureInfo.InvariantCulture);
            switch (q)
            {
                case MultipleChoiceQuestion mc when mc.Choices.Count <= 4:
                    rows.Add(new KahootRow(rows.Count + 1, mc.Prompt, mc.Choices, time, (mc.Choices.ToList().IndexOf(mc.Answer) + 1).ToString(CultureInfo.InvariantCulture)));
                    break;
                case TrueFalseQuestion tf:
                    rows.Add(new KahootRow(rows.Count + 1, tf.Prompt, ["True", "False"], time, tf.Answer ? "1" : "2"));
                    break;
                default:
                    leftOut.Add(q.Id);
                    break;
            }
        }
        return (rows, leftOut);
    }

    /// <summary>Kahoot's time limits: 5, 10, 20, 30, 60, 90, 120 or 240 seconds.</summary>
    private static int Step(int seconds) => new[] { 5, 10, 20, 30, 60, 90, 120, 240 }.First(s => s >= Math.Min(seconds, 240));
}
