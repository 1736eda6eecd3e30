using Steppe.Domain.Banks;
using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Questions;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation;

/// <summary>Picks the bank from the drafts, best first: each draft scored by its sentence's importance and its
/// own quality; one question per sentence and per fact, at most two per name, no two prompts alike; sentence
/// completion at most a third and true/false at most half of the bank; every theme served before any
/// gets a second round. Counts what it leaves out and why.</summary>
internal sealed class Selection(Importance importance, ThemeModel themes, Tally tally)
{
    public List<Draft> Pick(IReadOnlyList<Draft> drafts, int budget)
    {
        var caps = new Dictionary<Form, int>
        {
            [Form.Cloze] = Math.Max(1, budget / 3), [Form.TrueFalse] = Math.Max(1, budget / 2), [Form.Year] = Math.Max(2, budget * 3 / 10),
            [Form.HowMany] = Math.Max(2, budget / 5), [Form.First] = 2, [Form.NotInList] = Math.Max(1, budget / 10), [Form.Theme] = themes.Themes.Count,
        };
        var ranked = drafts.Where(d => Score(d) >= (d.Form == Form.Cloze ? MinClozeScore : MinScore) || tally.Drop("not worth asking: a minor sentence or a weak form"))
            .OrderByDescending(Score).ThenBy(d => d.Question.Prompt, StringComparer.Ordinal).ToList();
        var chosen = new List<Draft>();
        var sentences = new HashSet<int>();
        var facts = new HashSet<string>(StringComparer.Ordinal);
        var perName = new Dictionary<string, int>(StringComparer.Ordinal);
        var perForm = new Dictionary<Form, int>();
        var prompts = new List<HashSet<string>>();

        bool Fits(Draft d)
        {
            // Two questions may rest on one sentence when both ask "wh" and neither tells the other's answer.
            if (d.Also.Any(a => sentences.Contains(a.Index)) || sentences.Contains(d.Sentence.Index)
                && (!IsWh(d) || chosen.Where(o => o.Sentence.Index == d.Sentence.Index).Any(o => !IsWh(o) || Tells(o, d) || Tells(d, o)) || chosen.Count(o => o.Sentence.Index == d.Sentence.Index) >= 2))
            {
                return tally.Drop("another question already rests on the sentence");
            }
            if (facts.Contains(d.AnswerKey))
            {
                return tally.Drop("the fact is already asked");
            }
            if (d.AnswerEntity is { } e && perName.GetValueOrDefault(e.Name) >= 2)
            {
                return tally.Drop("the name is already the answer twice");
            }
            // True statements at most three for every two false ones (and one), so that "true" is no safe guess.
            if (d.Question is TrueFalseQuestion { Answer: true } && chosen.Count(o => o.Question is TrueFalseQuestion { Answer: true }) * 2 >= chosen.Count(o => o.Question is TrueFalseQuestion { Answer: false }) * 3 + 2)
            {
                return tally.Drop("true statements would outnumber false ones");
            }
            if (caps.TryGetValue(d.Form, out var cap) && perForm.GetValueOrDefault(d.Form) >= cap)
            {
                return tally.Drop(d.Form switch
                {
                    Form.Cloze => "sentence completion is at its third of the bank",
                    Form.TrueFalse => "true/false is at half of the bank",
                    _ => "enough questions of the same form",
                });
            }
            var words = Text.Words(d.Question.Prompt).Where(w => !Lexicon.StopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
            if (prompts.Any(p => Overlap(p, words) > 0.7))
            {
                return tally.Drop("a question almost the same is already in");
            }
            return true;
        }

        void Take(Draft d)
        {
            chosen.Add(d);
            sentences.Add(d.Sentence.Index);
            foreach (var a in d.Also)
            {
                sentences.Add(a.Index);
            }
            facts.Add(d.AnswerKey);
            if (d.AnswerEntity is { } e)
            {
                perName[e.Name] = perName.GetValueOrDefault(e.Name) + 1;
            }
            perForm[d.Form] = perForm.GetValueOrDefault(d.Form) + 1;
            prompts.Add(Text.Words(d.Question.Prompt).Where(w => !Lexicon.StopWords.Contains(w)).ToHashSet(StringComparer.Ordinal));
        }

        // Questions first (round robin over themes, so that a long theme does not take the whole budget, then by
        // score); then true/false statements, no more than the questions; then sentence completion, no more than a
        // third of the bank. In that order a statement never takes the sentence a question could have used.
        void Fill(IEnumerable<Draft> pool, Func<int> room, bool roundRobin)
        {
            var list = pool.ToList();
            // A draft tried once is not tried (or counted as left out) again: every rule only gets stricter as the
            // bank fills.
            var tried = new HashSet<Draft>(ReferenceEqualityComparer.Instance);
            if (roundRobin)
            {
                var byTheme = list.GroupBy(d => themes.Of(d.Sentence.Paragraph)?.Id ?? "").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Queue<Draft>(g)).ToList();
                var rounds = Math.Min(list.Count, Math.Max(1, budget / Math.Max(1, byTheme.Count) / 2));
                for (var round = 0; round < rounds && room() > 0; round++)
                {
                    foreach (var queue in byTheme)
                    {
                        while (queue.Count > 0 && room() > 0)
                        {
                            var d = queue.Dequeue();
                            tried.Add(d);
                            if (Fits(d))
                            {
                                Take(d);
                                break;
                            }
                        }
                    }
                }
            }
            foreach (var d in list.Where(d => !tried.Contains(d)))
            {
                if (room() <= 0)
                {
                    tally.Drop(chosen.Count >= budget ? "beyond the budget" : d.Form == Form.Cloze ? "sentence completion is at its third of the bank" : "true/false is at half of the bank");
                    continue;
                }
                if (Fits(d))
                {
                    Take(d);
                }
            }
        }

        Fill(ranked.Where(d => d.Form is not (Form.TrueFalse or Form.Cloze)), () => budget - chosen.Count, roundRobin: true);
        var questions = chosen.Count;
        Fill(ranked.Where(d => d.Form == Form.TrueFalse), () => Math.Min(budget - chosen.Count, Math.Max(2, questions) - chosen.Count(d => d.Form == Form.TrueFalse)), roundRobin: false);
        Fill(ranked.Where(d => d.Form == Form.Cloze), () => Math.Min(budget - chosen.Count, (chosen.Count - chosen.Count(d => d.Form == Form.Cloze)) / 2 - chosen.Count(d => d.Form == Form.Cloze)), roundRobin: false);
        return chosen.OrderByDescending(Score).ThenBy(d => d.Question.Prompt, StringComparer.Ordinal).ToList();
    }

    private static bool IsWh(Draft d) => d.Form is Form.Who or Form.Which or Form.Year or Form.HowMany or Form.Definition;

    /// <summary>Whether one question's prompt or choices hold the other's answer.</summary>
    private static bool Tells(Draft a, Draft b) =>
        Text.ContainsWord(a.Question.Prompt, b.Question.AnswerText) || b.Question.AnswerText.Split(' ').Where(w => w.Length > 3 && char.IsUpper(w[0])).Any(w => Text.ContainsWord(a.Question.Prompt, w));

    /// <summary>Drafts scoring below this are not asked: a minor sentence's question is more often trivia than not.</summary>
    public const double MinScore = 0.35;

    /// <summary>A blank is kept only from the article's most important sentences: judged blind, sentence completion
    /// fared worst of all forms.</summary>
    public const double MinClozeScore = 0.55;

    /// <summary>How well each form fared when samples of generated questions from development articles (never the
    /// articles measured in docs/question-generation.md) were judged blind: true/false and "in which year" were
    /// kept most, sentence completion least. The ranker weighs forms by it, as Heilman and Smith's ranker was fitted
    /// on judged output.</summary>
    private static double FormPrior(Form form) => form switch
    {
        Form.TrueFalse => 1.25,
        Form.Year => 1.1,
        Form.Who => 0.95,
        Form.Definition or Form.First => 0.9,
        Form.Which or Form.NotInList => 0.85,
        Form.Theme => 0.8,
        Form.HowMany => 0.7,
        _ => 0.75,
    };

    /// <summary>How good a draft is: its sentence's importance times its own quality and its form's record.</summary>
    public double Score(Draft d) => (0.35 + importance.Of(d.Sentence)) * d.Quality * FormPrior(d.Form);

    private static double Overlap(HashSet<string> a, HashSet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : a.Intersect(b).Count() / (double)Math.Min(a.Count, b.Count);
}

/// <summary>Counts of what the generator left out, by reason, for <c>--report</c>.</summary>
internal sealed class Tally
{
    private readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>Counts one draft left out; returns false so that checks can <c>return tally.Drop(…)</c>.</summary>
    public bool Drop(string reason)
    {
        _counts[reason] = _counts.GetValueOrDefault(reason) + 1;
        return false;
    }
}
