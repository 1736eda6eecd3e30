using Steppe.Domain.Banks;
using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>A question on a theme's ideas: which of four statements about the theme the article makes, the
/// three others being statements of the same theme with one fact changed.</summary>
internal sealed class ThemeQuestions(ArticleReading article, Statements statements)
{
    public Draft? Write(ArticleTheme theme, Importance importance)
    {
        // Every choice is about the theme: each names one of its key phrases, so that the right one does not stand out.
        var keywords = theme.Keywords.Take(4).ToList();
        var candidates = article.Sentences.Where(s => theme.Paragraphs.Contains(s.Paragraph)).OrderByDescending(importance.Of).ThenBy(s => s.Index)
            .Select(s => statements.Of(s, 16, frame: false)).OfType<Statement>()
            .Where(st => st.Antecedent is null && keywords.Any(k => Text.ContainsWord(st.Text, k))).Take(8).ToList();
        if (candidates.Count < 4)
        {
            return null;
        }
        var truth = candidates.FirstOrDefault(c => theme.Keywords.Take(2).Any(k => Text.ContainsWord(c.Text, k)));
        if (truth is null)
        {
            return null;
        }
        candidates.Remove(truth);
        candidates.Insert(0, truth);
        var falses = new List<string>();
        foreach (var other in candidates.Skip(1))
        {
            if (statements.Falsify(other) is { } f && falses.Count < 3)
            {
                falses.Add(f.Text);
            }
        }
        if (falses.Count < 3)
        {
            return null;
        }
        var choices = Distractors.Shuffle(falses.Prepend(truth.Text).ToArray(), Distractors.Hash(theme.Id + truth.Text));
        return new Draft(new MultipleChoiceQuestion
        {
            Id = "", Prompt = $"Which of these statements about {About(theme, truth)} does the article make?",
            Answer = truth.Text, Choices = choices, Explanation = $"The article says: “{truth.Sentence.Text}” The other statements each change one fact.",
        }, truth.Sentence, Form.Theme, "theme|" + theme.Id, 0.85);
    }

    /// <summary>The theme's key phrase that the true statement uses, as it reads mid-sentence: "the separate
    /// condenser", but "James Watt".</summary>
    private static string About(ArticleTheme theme, Statement truth)
    {
        var keyword = theme.Keywords.Take(2).First(k => Text.ContainsWord(truth.Text, k));
        return char.IsLower(keyword[0]) ? "the " + keyword : keyword;
    }
}
