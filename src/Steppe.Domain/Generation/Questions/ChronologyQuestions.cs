using Steppe.Domain.Banks;
using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>"Which came first": events the article dates, each told in a short statement without its year,
/// put in order, earliest first. Events at least two years apart, from different sentences.</summary>
internal sealed class ChronologyQuestions(ArticleReading article, Statements statements)
{
    public IEnumerable<Draft> Write(Importance importance)
    {
        var events = new List<(int Year, string Label, SentenceReading Sentence)>();
        foreach (var s in article.Sentences.OrderByDescending(importance.Of).ThenBy(s => s.Index))
        {
            var years = s.Facts.Where(f => f.Kind == FactKind.Year).ToList();
            if (years.Count != 1 || statements.Of(s, 30, frame: false) is not { Antecedent: null } statement)
            {
                continue;
            }
            var label = Label(statement.Text, years[0].Answer);
            var year = (int)years[0].Value!.Value;
            if (label is null || events.Any(e => Math.Abs(e.Year - year) < 2 || e.Label == label))
            {
                continue;
            }
            events.Add((year, label, s));
        }
        // Groups of four of the most important dated events, in order.
        for (var start = 0; start + 4 <= events.Count && start < 8; start += 4)
        {
            var group = events.Skip(start).Take(4).OrderBy(e => e.Year).ToList();
            yield return new Draft(new OrderingQuestion
            {
                Id = "", Prompt = "Put these events from the article in the order they happened, earliest first.",
                Answer = group.Select(e => e.Label).ToList(),
                Explanation = string.Join(" ", group.Select(e => $"{e.Year}: {e.Label}")),
            }, group[0].Sentence, Form.First, "order|" + string.Join('|', group.Select(e => e.Year)), 0.8) { Also = group.Skip(1).Select(e => e.Sentence).ToList() };
        }
    }

    /// <summary>The statement without its date ("In 1455, Fust sued Gutenberg …" → "Fust sued Gutenberg …"),
    /// short enough to read as a choice; null when the year sits inside the clause's words.</summary>
    private static string? Label(string statement, string year)
    {
        var text = statement.TrimEnd('.');
        foreach (var lead in new[] { $"In {year}, ", $"By {year}, ", $"In {year} " })
        {
            if (text.StartsWith(lead, StringComparison.Ordinal))
            {
                text = text[lead.Length..];
                text = char.ToUpperInvariant(text[0]) + text[1..];
            }
        }
        foreach (var tail in new[] { $" in {year}", $" by {year}" })
        {
            if (text.EndsWith(tail, StringComparison.Ordinal))
            {
                text = text[..^tail.Length];
            }
        }
        var words = text.Split(' ').Length;
        return Text.ContainsWord(text, year) || words > 12 || words < 3 || text.Contains(',', StringComparison.Ordinal) ? null : text;
    }
}
