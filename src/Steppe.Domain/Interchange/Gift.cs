using System.Globalization;
using System.Text;
using Steppe.Domain.Banks;

namespace Steppe.Domain.Interchange;

/// <summary>Moodle's GIFT format, read and written. Questions are separated by blank lines; an optional
/// <c>::title::</c> names one; the answer block in braces says its kind: <c>{=right ~wrong}</c> multiple choice,
/// <c>{T}</c>/<c>{F}</c> true or false, <c>{=a =b}</c> short answer, <c>{#3.5:0.1}</c> or <c>{#5..10}</c> a number;
/// an answer block in the middle of the text makes the blank of a cloze (or a multiple choice with the blank in its
/// prompt). <c>####</c> starts the general feedback (the explanation); <c>\</c> escapes <c>~ = # { } :</c>.
/// Matching, essay and description items, several right answers, and weighted answers are reported, not converted.</summary>
public static partial class Gift
{
    public static ImportResult Read(string text)
    {
        var (found, skipped) = (new List<ImportedQuestion>(), new List<NotConverted>());
        var ids = new ImportIds();
        foreach (var (line, item) in Items(text))
        {
            var (question, reason) = ReadItem(item, ids);
            if (question is not null)
            {
                found.Add(new ImportedQuestion(line, question));
            }
            else
            {
                skipped.Add(new NotConverted(line, item.Length > 200 ? item[..200] + "…" : item, reason!));
            }
        }
        return new ImportResult(found, skipped);
    }

    /// <summary>The items of a GIFT file with the line each starts on: blocks separated by blank lines, without
    /// comment lines and <c>$CATEGORY</c> lines.</summary>
    private static IEnumerable<(int Line, string Text)> Items(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var (start, block) = (0, new StringBuilder());
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i] : "";
            var trimmed = line.Trim();
            if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("$CATEGORY", StringComparison.Ordinal))
            {
                continue;
            }
            if (trimmed.Length == 0)
            {
                if (block.Length > 0)
                {
                    yield return (start, block.ToString().Trim());
                    block.Clear();
                }
                continue;
            }
            if (block.Length == 0)
            {
                start = i + 1;
            }
            block.Append(line).Append('\n');
        }
    }

    private static (Question? Question, string? Reason) ReadItem(string item, ImportIds ids)
    {
        var title = default(string);
        var rest = item;
        if (rest.StartsWith("::", StringComparison.Ordinal) && IndexOfUnescaped(rest, "::", 2) is var end and > 0)
        {
            title = Unescape(rest[2..end]).Trim();
            rest = rest[(end + 2)..].TrimStart();
        }
        if (rest.StartsWith('[') && rest.IndexOf(']') is var format and > 0)
        {
            rest = rest[(format + 1)..].TrimStart(); // [html], [moodle], [markdown]: read as text
        }
        var open = IndexOfUnescaped(rest, "{", 0);
        var close = open < 0 ? -1 : IndexOfUnescaped(rest, "}", open + 1);
        if (open < 0 || close < 0)
        {
            return (null, "no answer block in braces: a description, not a question");
        }
        var before = Clean(rest[..open]);
        var after = Clean(rest[(close + 1)..]);
        var (answers, feedback) = SplitFeedback(rest[(open + 1)..close]);
        var prompt = after.Length == 0 ? before
            : $"{before} {ClozeQuestion.Blank}{(char.IsPunctuation(after[0]) ? "" : " ")}{after}".Trim();
        var blankInMiddle = after.Length > 0;
        var id = ids.Next(title);
        var explanation = feedback is { Length: > 0 } ? feedback : null;
        var body = answers.Trim();

        if (body.Length == 0)
        {
            return (null, "an essay question (empty answer block): Steppe cannot grade free text");
        }
        if (prompt.Replace(ClozeQuestion.Blank, "", StringComparison.Ordinal).Trim().Length == 0)
        {
            return (null, "no question text");
        }
        if (body is "T" or "TRUE" or "F" or "FALSE" || body.StartsWith("T#", StringComparison.Ordinal) || body.StartsWith("F#", StringComparison.Ordinal)
            || body.StartsWith("TRUE#", StringComparison.Ordinal) || body.StartsWith("FALSE#", StringComparison.Ordinal))
        {
            // {F#feedback to a wrong answer#feedback to the right one}: the latter, else the former, explains.
            var feedbacks = body.Split('#').Skip(1).Select(Clean).Where(f => f.Length > 0).ToList();
            return blankInMiddle ? (null, "a true/false answer in the middle of the text")
                : (new TrueFalseQuestion { Id = id, Prompt = prompt, Answer = body[0] == 'T', Explanation = explanation ?? feedbacks.LastOrDefault() }, null);
        }
        if (body.StartsWith('#'))
        {
            return Numeric(id, prompt, body[1..], explanation, blankInMiddle);
        }
        var options = Options(body);
        if (options.Any(o => o.Text.Contains("->", StringComparison.Ordinal)))
        {
            return (null, "a matching question: Steppe has no matching type");
        }
        if (options.Any(o => o.Weighted))
        {
            return (null, "answers with percentage weights: Steppe counts one answer right");
        }
        var right = options.Where(o => o.Right).Select(o => o.Text).ToList();
        var wrong = options.Where(o => !o.Right).Select(o => o.Text).ToList();
        if (right.Count == 0)
        {
            return (null, "no right answer (marked with =)");
        }
        if (wrong.Count == 0)
        {
            // Short answer: every "=" is an accepted answer; in the middle of the text, a cloze.
            var accept = right.Count > 1 ? right.Skip(1).ToList() : null;
            return blankInMiddle
                ? (new ClozeQuestion { Id = id, Prompt = prompt, Answer = right[0], Accept = accept, Explanation = explanation }, null)
                : (new ShortAnswerQuestion { Id = id, Prompt = prompt, Answer = right[0], Accept = accept, Explanation = explanation }, null);
        }
        if (right.Count > 1)
        {
            return (null, "several right answers among wrong ones: Steppe's multiple choice has one");
        }
        var choices = options.Select(o => o.Text).ToList();
        if (choices.Count > 6)
        {
            return (null, $"{choices.Count} choices: Steppe's multiple choice has at most 6");
        }
        if (choices.Distinct(StringComparer.Ordinal).Count() != choices.Count)
        {
            return (null, "the same choice twice");
        }
        return (new MultipleChoiceQuestion { Id = id, Prompt = prompt, Choices = choices, Answer = right[0], Explanation = explanation }, null);
    }

    private static (Question?, string?) Numeric(string id, string prompt, string body, string? explanation, bool blankInMiddle)
    {
        if (blankInMiddle)
        {
            return (null, "a number answer in the middle of the text");
        }
        var first = body.Split('=', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Split('#')[0].Trim() ?? "";
        decimal? answer = null, tolerance = null;
        if (first.Contains("..", StringComparison.Ordinal))
        {
            var range = first.Split("..");
            if (range.Length == 2 && Number(range[0]) is { } low && Number(range[1]) is { } high && low <= high)
            {
                (answer, tolerance) = ((low + high) / 2, (high - low) / 2);
            }
        }
        else
        {
            var parts = first.Split(':');
            answer = Number(parts[0]);
            tolerance = parts.Length > 1 ? Number(parts[1]) : null;
        }
        return answer is { } value
            ? (new NumericQuestion { Id = id, Prompt = prompt, Answer = value, Tolerance = tolerance is > 0 ? tolerance : null, Explanation = explanation }, null)
            : (null, $"'{first}' is not a number");

        static decimal? Number(string s) => decimal.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private sealed record Option(string Text, bool Right, bool Weighted);

    /// <summary>The answers of a block: each starts with <c>=</c> (right) or <c>~</c> (wrong), its own feedback after
    /// <c>#</c> dropped.</summary>
    private static List<Option> Options(string body)
    {
        var options = new List<Option>();
        var current = default(StringBuilder);
        var (right, inFeedback) = (false, false);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length)
            {
                if (!inFeedback)
                {
                    current?.Append(body[i + 1]);
                }
                i++;
                continue;
            }
            if (c is '=' or '~')
            {
                Flush();
                (current, right, inFeedback) = (new StringBuilder(), c == '=', false);
                continue;
            }
            if (c == '#')
            {
                inFeedback = true; // this answer's own feedback, not kept
                continue;
            }
            if (!inFeedback)
            {
                current?.Append(c);
            }
        }
        Flush();
        return options;

        void Flush()
        {
            if (current is not null)
            {
                var text = current.ToString();
                options.Add(new Option(Collapse(text), right, text.TrimStart().StartsWith('%')));
            }
        }
    }

    /// <summary>The answers of a block, and its general feedback (after <c>####</c>).</summary>
    private static (string Answers, string? Feedback) SplitFeedback(string block)
    {
        var at = IndexOfUnescaped(block, "####", 0);
        return at < 0 ? (block, null) : (block[..at], Clean(block[(at + 4)..]));
    }

    private static int IndexOfUnescaped(string text, string value, int from)
    {
        for (var i = from; i <= text.Length - value.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }
            if (string.CompareOrdinal(text, i, value, 0, value.Length) == 0)
            {
                return i;
            }
        }
        return -1;
    }

    private static string Unescape(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            result.Append(text[i] == '\\' && i + 1 < text.Length ? text[++i] : text[i]);
        }
        return result.ToString();
    }

    /// <summary>Unescaped, with runs of white space made one space.</summary>
    private static string Clean(string text) => Collapse(Unescape(text));

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
