using Steppe.Domain.Banks;
using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>True or false: a statement that stands alone, and half the time the same statement with one fact
/// changed for a wrong one of its kind (a nearby year, another country), which carries the correction.</summary>
internal sealed class TrueFalseQuestions(ArticleReading article, Statements statements)
{
    /// <summary>Words that tell a test-wise student the answer without the fact: hedges are mostly true ("may",
    /// "sometimes", "some"), absolutes mostly false ("always", "never", "only").</summary>
    private static readonly HashSet<string> SpecificDeterminers = new(StringComparer.OrdinalIgnoreCase)
    {
        "may", "might", "could", "can", "sometimes", "often", "usually", "generally", "typically", "perhaps", "possibly", "probably", "some",
        "many", "several", "likely", "tend", "tends", "always", "never", "only", "all", "none", "every", "entirely", "completely",
    };

    public Draft? Write(SentenceReading s)
    {
        // "1,548 public schools, 489 Catholic schools and 214 independent schools": numbers to memorise, not a fact to judge.
        if (statements.Of(s, 22) is not { } statement || s.Facts.Count(f => f.IsNumeric) >= 2 || Text.Words(statement.Text).Any(SpecificDeterminers.Contains))
        {
            return null;
        }
        // Half the statements are made false by changing one fact; one that cannot be changed safely can still
        // be asked as true (the selection keeps true ones no more than one above the false ones).
        var falsified = statements.Falsify(statement);
        var makeFalse = falsified is not null && Distractors.Hash(statement.Text) % 2 == 0;
        // A true statement that names nothing but the article's subject ("His early life was difficult") is common sense.
        if (falsified is null && !s.Facts.Any(f => f.Kind == FactKind.Year && Text.ContainsWord(statement.Text, f.Answer))
            && !s.Mentions.Any(m => m.Entity is { Kind.IsKnown: true } e && e != article.Topic && Text.ContainsWord(statement.Text, m.Text)))
        {
            return null;
        }
        var explanation = $"The article says: “{s.Text}”";
        Question question = makeFalse
            ? new TrueFalseQuestion
            {
                Id = "", Prompt = falsified!.Value.Text, Answer = false, Correction = statement.Text,
                Explanation = $"False: it was {falsified.Value.Right}, not {falsified.Value.Wrong}. " + explanation,
            }
            : new TrueFalseQuestion { Id = "", Prompt = statement.Text, Answer = true, Explanation = "True. " + explanation };
        return new Draft(question, s, Form.TrueFalse, "statement|" + s.Index, falsified is null ? 0.6 : 0.8) { Antecedent = statement.Antecedent };
    }
}
