using Steppe.Domain.Banks;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>True or false: a statement that stands alone, and half the time the same statement with one fact
/// changed for a wrong one of its kind (a nearby year, another country), which carries the correction.</summary>
internal sealed class TrueFalseQuestions(Statements statements)
{
    public Draft? Write(SentenceReading s)
    {
        if (statements.Of(s, 22) is not { } statement)
        {
            return null;
        }
        var falsified = statements.Falsify(statement);
        if (falsified is null)
        {
            return null; // a statement nothing in it could change is rarely worth a true/false question
        }
        var makeFalse = Distractors.Hash(statement.Text) % 2 == 0;
        var explanation = $"The article says: “{s.Text}”";
        Question question = makeFalse
            ? new TrueFalseQuestion
            {
                Id = "", Prompt = falsified.Value.Text, Answer = false, Correction = statement.Text,
                Explanation = $"False: it was {falsified.Value.Right}, not {falsified.Value.Wrong}. " + explanation,
            }
            : new TrueFalseQuestion { Id = "", Prompt = statement.Text, Answer = true, Explanation = "True. " + explanation };
        return new Draft(question, s, Form.TrueFalse, "statement|" + s.Index, 0.8) { Antecedent = statement.Antecedent };
    }
}
