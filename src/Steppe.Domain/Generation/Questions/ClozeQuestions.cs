using Steppe.Domain.Banks;
using Steppe.Domain.Generation.Entities;
using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>Fill the blank, only where a term is worth learning: a key term of the article (a phrase it uses
/// in several places, such as "separate condenser" or "Calvin cycle") or a name of a known kind, blanked in a
/// statement that stands alone and gives no part of it away.</summary>
internal sealed class ClozeQuestions(ArticleReading article, Statements statements, IReadOnlyDictionary<string, int> keyTerms)
{
    public Draft? Write(SentenceReading s)
    {
        // A short statement ("Mongol armies pushed into ____.") leaves a blank too many answers fit.
        if (statements.Of(s, Checks.MaxPromptWords) is not { Words: >= 10 } statement)
        {
            return null;
        }
        var text = statement.Text;
        var candidates = new List<(string Answer, double Worth, Entity? Entity, string Key)>();
        foreach (var term in KeyPhrases.Of(s, article.Topic).Distinct(StringComparer.Ordinal))
        {
            // A term worth learning: a phrase of two or three words, or a word outside the everyday vocabulary
            // ("photosynthesis", not "price"), that the article uses more than once and that is not its title.
            var multiword = term.Contains(' ', StringComparison.Ordinal);
            var specific = multiword || (!Tagger.IsCommonWord(term) && Concrete(term));
            if (keyTerms.TryGetValue(term, out var uses) && uses >= 3 && !char.IsUpper(term[0]) && specific
                && !(article.TopicName is { } topicName && (Text.ContainsWord(topicName, term) || Text.ContainsWord(term, topicName))))
            {
                candidates.Add((term, Math.Min(1.0, 0.5 + uses / 10.0) * (term.Contains(' ', StringComparison.Ordinal) ? 1.0 : 0.85), null, "term|" + term));
            }
        }
        // Names are asked with "who" and "which"; a blanked name in a sentence is too often guessed from the
        // words around it ("BSkyB became the ____'s largest …").
        foreach (var (answer, worth, entity, key) in candidates.OrderByDescending(c => c.Worth).ThenBy(c => c.Answer, StringComparer.Ordinal))
        {
            var at = Text.IndexOfWord(text, answer);
            if (at < 0 || Text.CountWord(text, answer) != 1 || SharesAWord(text.Remove(at, answer.Length), answer, entity) || InList(text, at, answer.Length))
            {
                continue;
            }
            // A name that is the statement's subject ("The ____ was governed by …") is asked better by "which"; a
            // term with a sibling of the same head ("descent stage", "ascent stage") leaves the blank open to both.
            if ((entity is not null && at <= text.IndexOf(' ', StringComparison.Ordinal) + 5) || (entity is null && HasSibling(answer)))
            {
                continue;
            }
            var before = text[..at];
            // "Apollo ____": a name right before the blank makes the blank its usual companion word.
            var previousWord = before.TrimEnd().Split(' ').LastOrDefault() ?? "";
            if (previousWord.Length > 1 && char.IsUpper(previousWord[0]) && before.TrimEnd().Contains(' ', StringComparison.Ordinal) && !before.TrimEnd().EndsWith(','))
            {
                continue;
            }
            // "an ____" would tell that the answer starts with a vowel.
            if (before.EndsWith(" a ", StringComparison.Ordinal) || before.EndsWith(" an ", StringComparison.Ordinal))
            {
                before = before[..before.TrimEnd().LastIndexOf(' ')] + " a(n) ";
            }
            var prompt = string.Concat(before, ClozeQuestion.Blank, text.AsSpan(at + answer.Length));
            var accept = entity?.Aliases.Where(a => a != answer && a.Length > 2).Order(StringComparer.Ordinal).ToList();
            return new Draft(new ClozeQuestion
            {
                Id = "", Prompt = prompt, Answer = text.Substring(at, answer.Length),
                Accept = accept is { Count: > 0 } ? accept : null, Explanation = $"The article says: “{s.Text}”",
            }, s, Form.Cloze, key, 0.75 * worth) { Antecedent = statement.Antecedent, AnswerEntity = entity };
        }
        return null;
    }

    private bool HasSibling(string term)
    {
        var head = term.Split(' ')[^1];
        return keyTerms.Keys.Any(k => k != term && k.Split(' ')[^1] == head && k.Contains(' ', StringComparison.Ordinal) && !term.Contains(k, StringComparison.Ordinal) && !k.Contains(term, StringComparison.Ordinal));
    }

    /// <summary>"electrical power, life support and …": one of a list is a blank several fillings fit.</summary>
    private static bool InList(string text, int at, int length)
    {
        var before = text[..at].TrimEnd();
        var after = text[(at + length)..].TrimStart();
        return before.EndsWith(',') || before.EndsWith(" and", StringComparison.Ordinal) || before.EndsWith(" or", StringComparison.Ordinal)
            || after.StartsWith(',') || after.StartsWith("and ", StringComparison.Ordinal) || after.StartsWith("or ", StringComparison.Ordinal);
    }

    /// <summary>A word for a thing, a stuff, a place or a process ("condenser", "chlorophyll"), not for an idea
    /// or an amount ("prevalence", "duty"), whose blank many words could fill.</summary>
    private static bool Concrete(string word) =>
        WordNet.Senses(word).FirstOrDefault()?.Class is NounClass.Artifact or NounClass.Substance or NounClass.Object or NounClass.Body
            or NounClass.Plant or NounClass.Animal or NounClass.Location or NounClass.Process or NounClass.Phenomenon or NounClass.Food;

    /// <summary>Whether the rest of the statement repeats a word of the answer, its stem, or its demonym.</summary>
    internal static bool SharesAWord(string rest, string answer, Entity? entity)
    {
        var restWords = Text.Words(rest).Select(Stem).ToHashSet(StringComparer.Ordinal);
        if (Text.Words(answer).Where(w => w.Length > 2 && !Lexicon.StopWords.Contains(w)).Any(w => restWords.Contains(Stem(w))))
        {
            return true;
        }
        return entity is not null && entity.IsNamedIn(rest);
    }

    private static string Stem(string word) => StemWithE(word).TrimEnd('e');

    private static string StemWithE(string word)
    {
        var w = word.ToLowerInvariant();
        foreach (var suffix in new[] { "ations", "ation", "ings", "ing", "ers", "er", "ies", "es", "s", "ed", "al", "ic", "ian", "ese", "ish" })
        {
            if (w.Length > suffix.Length + 3 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                return w[..^suffix.Length];
            }
        }
        return w;
    }
}
