using System.Globalization;
using Steppe.Domain.Banks;
using Steppe.Domain.Generation.Entities;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>Turns a question and its answer into a bank question: multiple choice when three wrong answers of
/// the answer's kind exist, else a typed answer (a short name, a number) the grader can check.</summary>
internal sealed class Answers(ArticleReading article)
{
    private readonly EntityChoices _entities = new(article);
    private readonly Distractors _numbers = new(article.Facts);

    /// <summary>A named answer: multiple choice, or a short answer for a person or place whose name is short.</summary>
    public (Question Question, double Quality)? ForEntity(string prompt, Entity answer, SentenceReading s, string explanation)
    {
        var answerText = answer.Name;
        var (wrong, fair) = _entities.Choose(answer, s, prompt, 3);
        if (fair)
        {
            return (new MultipleChoiceQuestion
            {
                Id = "", Prompt = prompt, Answer = answerText, Explanation = explanation,
                Choices = Distractors.Shuffle([answerText, .. wrong], Distractors.Hash(prompt)),
            }, 1.0);
        }
        if (answer.Kind.Category is EntityCategory.Person or EntityCategory.Place or EntityCategory.Unknown && answerText.Split(' ').Length <= 4)
        {
            var accept = answer.Aliases.Where(a => a != answerText && a.Length > 2).ToList();
            if (answer.Kind.Category == EntityCategory.Person && answerText.Contains(' ', StringComparison.Ordinal))
            {
                accept.Add(answerText.Split(' ')[^1]);
            }
            return (new ShortAnswerQuestion
            {
                Id = "", Prompt = prompt, Answer = answerText, Explanation = explanation,
                Accept = accept.Count > 0 ? accept.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() : null,
            }, 0.75);
        }
        return null;
    }

    /// <summary>A year: multiple choice among nearby years that keep the sentence's order of dates.</summary>
    public (Question Question, double Quality)? ForYear(string prompt, Fact year, string explanation, bool typed = false)
    {
        if (typed)
        {
            return (new NumericQuestion { Id = "", Prompt = prompt, Answer = year.Value!.Value, Explanation = explanation }, 0.95);
        }
        var wrong = _numbers.For(year, 3, Distractors.Hash(year.Sentence.Text + year.Answer));
        if (wrong.Count < 3)
        {
            return null;
        }
        var choices = wrong.Append(year.Answer).OrderBy(c => c, StringComparer.Ordinal).ToList();
        return (new MultipleChoiceQuestion { Id = "", Prompt = prompt, Answer = year.Answer, Choices = choices, Explanation = explanation }, 0.95);
    }

    /// <summary>A figure: multiple choice among figures of the same unit, scale and precision, written as the
    /// article writes the figure ("15 million", "14%", "$2.2 billion"), or a number to type with its unit.</summary>
    public (Question Question, double Quality)? ForFigure(string prompt, Fact figure, string? unit, string explanation, bool preferTyped)
    {
        var wrong = _numbers.For(figure, 3, Distractors.Hash(figure.Sentence.Text + figure.Answer));
        if (!preferTyped && wrong.Count == 3)
        {
            var choices = wrong.Append(figure.Answer)
                .OrderBy(c => decimal.Parse(c.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture))
                .Select(c => Label(figure, c)).ToList();
            return (new MultipleChoiceQuestion { Id = "", Prompt = prompt, Answer = Label(figure, figure.Answer), Choices = choices, Explanation = explanation }, 0.9);
        }
        return (new NumericQuestion { Id = "", Prompt = prompt, Answer = figure.Value!.Value, Unit = unit, Explanation = explanation }, 0.85);
    }

    /// <summary>A value written as the figure is: with its currency, scale and per-cent sign, without the counted noun.</summary>
    internal static string Label(Fact figure, string value)
    {
        var scale = Lexicon.ScaleWords.FirstOrDefault(w => figure.Unit?.Split(' ').Contains(w) == true);
        return figure.Kind switch
        {
            FactKind.Percent => figure.Unit == "%" ? value + "%" : value + " percent",
            FactKind.Amount => figure.SpanWith(value),
            FactKind.Count when scale is not null => $"{value} {scale}",
            _ => value,
        };
    }
}
