using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>The year of an event a sentence tells in an aside on a name: "The Tour de France, first held in 1903,
/// made cycling a popular sport" → "In which year was the Tour de France first held?"; "The Treaty of Rome, signed
/// in 1957, …" → "In which year was the Treaty of Rome signed?". The main clause may be one the rules cannot read;
/// the aside is a clause of its own, with "was" understood.</summary>
internal sealed partial class ClauseQuestions
{
    /// <summary>The year question of an aside that opens the sentence, if it has one; the main clause need not be read.</summary>
    public Draft? WriteAside(SentenceReading s)
    {
        var t = s.Tokens;
        // The name opens the sentence ("The Tour de France, …"): then the aside is about it, not about a longer phrase
        // that ends with it ("The cathedral of Cologne, completed in 1880, …") or a name after a preposition.
        foreach (var m in s.Mentions.Where(m => !m.Possessive && m.Entity is not null && m.Span.End + 3 < t.Count && t[m.Span.End].Text == ","
            && (m.Span.Start == 0 || m.Span.Start == 1 && t[0].Lower == "the")))
        {
            // ", first held in 1903,": adverbs, a participle of an event, the year, and the comma that closes the aside.
            var from = m.Span.End + 1;
            var v = from;
            while (v < t.Count && (t[v].Pos == Pos.RB || t[v].Lower is "first" or "originally" or "later"))
            {
                v++;
            }
            // "first held": a participle, whatever tag the word before gave it.
            var participle = v < t.Count && (t[v].Pos == Pos.VBN || t[v].Pos is Pos.JJ or Pos.VBD && Morphology.VerbLemma(t[v].Text) is not null && t[v].Lower != Morphology.VerbLemma(t[v].Text));
            if (!participle || !(Worth.Year(t[v]) > 1 || v > from && t[from].Lower is "first" or "originally"))
            {
                continue;
            }
            var close = v + 1;
            while (close < t.Count && t[close].Text is not ("," or ";" or "." or "(" or ")") && close - v <= 10 && !t[close].IsFiniteVerb)
            {
                close++;
            }
            var years = s.Facts.Where(f => f.Kind == FactKind.Year && TokenAt(s, f.AnswerStart) is var k && k > v && k < close && t[k - 1].Lower == "in").ToList();
            if (close >= t.Count || t[close].Text != "," || years.Count != 1)
            {
                continue;
            }
            var year = years[0];
            var at = TokenAt(s, year.AnswerStart);
            var w = new Wording(article, s);
            if (!w.ResolveAll(from, close) || w.PointsOutside(from, close) || article.TopicName is { } topic && Text.ContainsWord(topic, year.Answer))
            {
                tally.Drop("words that point outside the question");
                continue;
            }
            var name = (m.Span.Start > 0 && t[m.Span.Start - 1].Lower == "the" ? "the " : "") + m.Text;
            var be = t[m.Span.End - 1].Pos == Pos.NNPS ? "were" : "was";
            var prompt = Grammar.AsQuestion($"In which year {be} {name} {w.Render(from, close, new TokenSpan(at - 1, at + 1)).Trim()}");
            if (w.Framed(prompt, true) is not { } framed || !Fits(framed) || Text.ContainsWord(framed, year.Answer))
            {
                tally.Drop("too long for a phone, or not well formed");
                continue;
            }
            return answers.ForYear(framed, year, Explain(s, w)) is { } made
                ? new Draft(made.Question, s, Form.Year, Key(year), made.Quality * 0.9 * Math.Max(1, Worth.Year(t[v]))) { Antecedent = w.Antecedent }
                : null;
        }
        return null;
    }
}
