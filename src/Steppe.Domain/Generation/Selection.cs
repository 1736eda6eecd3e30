using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Questions;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation;

/// <summary>Picks the bank from the drafts, best first: each draft scored by its sentence's importance and its
/// own quality; one question per sentence and per fact, at most two per name, no two prompts alike; sentence
/// completion at most a third and true/false at most a fifth of the budget; every theme served before any
/// gets a second round. Counts what it leaves out and why.</summary>
internal sealed class Selection(Importance importance, ThemeModel themes, Tally tally)
{
    public List<Draft> Pick(IReadOnlyList<Draft> drafts, int budget)
    {
        var caps = new Dictionary<Form, int>
        {
            [Form.Cloze] = Math.Max(1, budget / 3), [Form.TrueFalse] = Math.Max(1, budget / 5), [Form.Year] = Math.Max(2, budget * 3 / 10),
            [Form.HowMany] = Math.Max(2, budget / 5), [Form.First] = 2, [Form.NotInList] = Math.Max(1, budget / 10), [Form.Theme] = themes.Themes.Count,
        };
        var ranked = drafts.OrderByDescending(Score).ThenBy(d => d.Question.Prompt, StringComparer.Ordinal).ToList();
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
            if (caps.TryGetValue(d.Form, out var cap) && perForm.GetValueOrDefault(d.Form) >= cap)
            {
                return tally.Drop(d.Form switch
                {
                    Form.Cloze => "sentence completion is at its third of the bank",
                    Form.TrueFalse => "true/false is at its fifth of the bank",
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

        // Round robin over themes first, so that a long theme does not take the whole budget; then by score.
        var byTheme = ranked.GroupBy(d => themes.Of(d.Sentence.Paragraph)?.Id ?? "").ToDictionary(g => g.Key, g => new Queue<Draft>(g));
        var share = Math.Min(drafts.Count, Math.Max(1, budget / Math.Max(1, byTheme.Count) / 2));
        for (var round = 0; round < share && chosen.Count < budget; round++)
        {
            foreach (var queue in byTheme.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value))
            {
                while (queue.Count > 0 && chosen.Count < budget)
                {
                    var d = queue.Dequeue();
                    if (Fits(d))
                    {
                        Take(d);
                        break;
                    }
                }
            }
        }
        foreach (var d in ranked)
        {
            if (chosen.Contains(d))
            {
                continue;
            }
            if (chosen.Count >= budget)
            {
                tally.Drop("beyond the budget");
                continue;
            }
            if (Fits(d))
            {
                Take(d);
            }
        }
        // The shares hold for the bank as it came out, not only for the budget: a bank of 30 keeps at most 10
        // sentence completions and 6 true/false, the weakest of them dropped, until both hold.
        var limits = new[] { (Form: Form.Cloze, Part: 3, Reason: "sentence completion is at its third of the bank"), (Form: Form.TrueFalse, Part: 5, Reason: "true/false is at its fifth of the bank") };
        while (limits.FirstOrDefault(l => chosen.Count(d => d.Form == l.Form) > Math.Max(1, chosen.Count / l.Part)) is { Reason: not null } over)
        {
            chosen.Remove(chosen.Where(d => d.Form == over.Form).MinBy(Score)!);
            tally.Drop(over.Reason);
        }
        return chosen.OrderByDescending(Score).ThenBy(d => d.Question.Prompt, StringComparer.Ordinal).ToList();
    }

    private static bool IsWh(Draft d) => d.Form is Form.Who or Form.Which or Form.Year or Form.HowMany or Form.Definition;

    /// <summary>Whether one question's prompt or choices hold the other's answer.</summary>
    private static bool Tells(Draft a, Draft b) =>
        Text.ContainsWord(a.Question.Prompt, b.Question.AnswerText) || b.Question.AnswerText.Split(' ').Where(w => w.Length > 3 && char.IsUpper(w[0])).Any(w => Text.ContainsWord(a.Question.Prompt, w));

    /// <summary>How good a draft is: its sentence's importance times its own quality.</summary>
    public double Score(Draft d) => (0.35 + importance.Of(d.Sentence)) * d.Quality;

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
