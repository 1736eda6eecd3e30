using Steppe.Domain.Banks;
using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>"What is …?" from a definition: "Photosynthesis is the process by which green plants … turn light
/// energy into chemical energy" → "What is the process by which green plants … turn light energy into chemical
/// energy?", the term to pick among the article's other terms of its kind.</summary>
internal sealed class DefinitionQuestions(ArticleReading article, TermChoices terms, Tally tally)
{
    public Draft? Write(SentenceReading s)
    {
        if (s.Clause is not { IsCopula: true, IsNegated: false } c || c.Rest.Length < 3 || s.Tokens[c.Rest.Start].Lower is not ("a" or "an" or "the"))
        {
            return null;
        }
        var t = s.Tokens;
        // The term: a few nouns and adjectives, no names, no commas ("Photosynthesis", "The steam engine").
        var start = c.Subject.Start + (t[c.Subject.Start].Lower is "the" or "a" or "an" ? 1 : 0);
        // "The first commercial steam-powered device was a water pump" describes one thing, it defines no term.
        if (Enumerable.Range(start, Math.Max(0, c.Subject.End - start)).Any(k => t[k].Pos is Pos.JJS or Pos.CD || t[k].Lower is "first" or "last" or "only" or "main" or "same")
            || s.Tokens[c.Rest.Start].Lower == "the")
        {
            return null;
        }
        if (c.Subject.End - start is < 1 or > 4 || Enumerable.Range(start, c.Subject.End - start).Any(k => !(t[k].Pos is Pos.NN or Pos.NNS || t[k].IsAdjective) || s.MentionAt(k) is not null)
            || !(t[c.Subject.End - 1].Pos is Pos.NN or Pos.NNS))
        {
            return null;
        }
        var w = new Wording(article, s);
        var term = w.Render(start, c.Subject.End);
        term = start == 0 && !(term.Length > 1 && char.IsUpper(term[1])) ? char.ToLowerInvariant(term[0]) + term[1..] : term;
        if (article.TopicName is { } topic && (Text.ContainsWord(topic, term) || Text.ContainsWord(term, topic)))
        {
            return null; // the article's own subject: "What is oxygen?" in an article on oxygen asks nothing
        }
        if (!w.ResolveAll(c.Rest.Start, c.Rest.End) || w.PointsOutside(c.Rest.Start, c.Rest.End) || ClauseQuestions.TruncatedClause(s, c))
        {
            tally.Drop("words that point outside the question");
            return null;
        }
        var prompt = Grammar.AsQuestion($"What {t[c.MainVerb].Lower} {w.Render(c.Rest.Start, c.Rest.End)}");
        if (prompt.Split(' ').Length > Checks.MaxPromptWords || !Grammar.IsWellFormed(prompt) || ClozeQuestions.SharesAWord(prompt, term, null))
        {
            tally.Drop("too long, not well formed or gives the answer away");
            return null;
        }
        var wrong = terms.For(term, prompt, 3);
        if (wrong.Count < 3)
        {
            tally.Drop("no wrong answers of the answer's kind");
            return null;
        }
        return new Draft(new MultipleChoiceQuestion
        {
            Id = "", Prompt = prompt, Answer = term, Choices = Distractors.Shuffle([term, .. wrong], Distractors.Hash(prompt)),
            Explanation = $"The article says: “{s.Text}”",
        }, s, Form.Definition, "term|" + term.ToLowerInvariant(), 1.1);
    }
}
