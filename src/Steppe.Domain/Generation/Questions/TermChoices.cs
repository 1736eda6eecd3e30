using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>Wrong answers for a term ("photosynthesis", "atmospheric engine"): the article's own terms with the
/// same head noun ("steam turbine" beside "steam engine" only if both are engines) or of the same WordNet class
/// (another chemical element for "oxygen"). WordNet's own lists are not used for terms: for everyday nouns they
/// offer words no student would take for the answer ("metempsychosis" beside "result").</summary>
internal sealed class TermChoices(IReadOnlyDictionary<string, int> keyTerms)
{
    public List<string> For(string term, string question, int count)
    {
        var head = Head(term);
        var classes = Classes(term);
        var sameHead = keyTerms.Keys.Where(k => k != term && Head(k) == head && !char.IsUpper(k[0]));
        var sameClass = keyTerms.Keys.Where(k => k != term && Head(k) != head && !char.IsUpper(k[0]) && Classes(k).Overlaps(classes));
        var taken = new List<string>();
        foreach (var c in sameHead.OrderByDescending(k => keyTerms[k]).ThenBy(k => k, StringComparer.Ordinal)
            .Concat(sameClass.OrderByDescending(k => keyTerms[k]).ThenBy(k => k, StringComparer.Ordinal)))
        {
            if (taken.Count == count)
            {
                break;
            }
            if (Distractors.SameOrTaken(c, term, taken) || Text.ContainsWord(question, c))
            {
                continue;
            }
            taken.Add(c);
        }
        return taken;
    }

    private static string Head(string term) => Morphology.Singular(term.Split(' ')[^1]);

    /// <summary>The WordNet classes of a term's head noun, first sense: "oxygen" → chemical element, gas.</summary>
    private static HashSet<int> Classes(string term)
    {
        var sense = WordNet.Senses(term).FirstOrDefault() ?? WordNet.Senses(Head(term)).FirstOrDefault();
        return sense is null ? [] : sense.Hypernyms.ToHashSet();
    }
}
