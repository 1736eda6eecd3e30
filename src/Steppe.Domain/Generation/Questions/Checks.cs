using Steppe.Domain.Banks;
using Steppe.Domain.Generation.Language;

namespace Steppe.Domain.Generation.Questions;

/// <summary>The checks every generated question passes, whatever wrote it: it fits a phone (at most 25 words
/// of question, 400 characters), does not give its answer away, and its choices are distinct and none holds
/// another.</summary>
internal static class Checks
{
    public const int MaxPromptWords = 25;
    public const int MaxPromptCharacters = 400;

    public static bool Pass(Question q)
    {
        var words = q.Prompt.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words > MaxPromptWords + (q is TrueFalseQuestion ? 3 : 0) || q.Prompt.Length > MaxPromptCharacters)
        {
            return false;
        }
        return q switch
        {
            MultipleChoiceQuestion mc => ChoicesAreFair(mc) && (mc.Answer.Split(' ').Length > 8 || !GivesAway(mc.Prompt, mc.Answer)),
            ShortAnswerQuestion sa => !GivesAway(sa.Prompt, sa.Answer),
            ClozeQuestion c => !GivesAway(c.Prompt.Replace(ClozeQuestion.Blank, " ", StringComparison.Ordinal), c.Answer),
            _ => true,
        };
    }

    /// <summary>The answer in the question, or a word of it that names a place the question names ("Kenyan
    /// Coast" asked "In Kenya, which coast …?"), or the place of a demonym the answer is ("French" / France).</summary>
    internal static bool GivesAway(string prompt, string answer)
    {
        if (Text.ContainsWord(prompt, answer))
        {
            return true;
        }
        foreach (var word in answer.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Gazetteer.PlaceOf(word) is { } place && Text.ContainsWord(prompt, place))
            {
                return true;
            }
            if (word.Length > 3 && char.IsUpper(word[0]) && Gazetteer.AdjectivesOf(word).Any(a => Text.ContainsWord(prompt, a)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Distinct after normalising; none inside another ("Court of Justice" beside "European Court of Justice");
    /// none repeated in the question.</summary>
    private static bool ChoicesAreFair(MultipleChoiceQuestion q)
    {
        var normal = q.Choices.Select(Distractors.Normal).ToList();
        if (normal.Distinct().Count() != normal.Count || normal.Any(n => n.Length == 0))
        {
            return false;
        }
        for (var i = 0; i < normal.Count; i++)
        {
            for (var j = 0; j < normal.Count; j++)
            {
                if (i != j && normal[i].Length < 30 && normal[j].Contains(normal[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }
        return q.Choices.Count(c => c.Split(' ').Length <= 6 && Text.ContainsWord(q.Prompt, c)) == 0;
    }
}
