using Steppe.Domain.Generation.Language;

namespace Steppe.Domain.Generation.Reading;

/// <summary>The content words of a sentence as terms for weighing: common nouns by their singular, names whole
/// ("University of Warsaw"), verbs by their base form; little words and numbers left out.</summary>
internal static class Terms
{
    private static readonly HashSet<string> Vague = new(StringComparer.Ordinal)
    {
        "year", "time", "number", "part", "way", "people", "lot", "kind", "type", "thing", "use", "case", "example", "other", "one", "first",
        "many", "several", "some", "century", "day", "month", "term", "fact", "result", "end", "beginning", "period", "percent", "%",
        "be", "have", "do", "make", "become", "include", "take", "give", "use", "get", "say", "also", "well", "including", "called", "known",
    };

    public static IEnumerable<string> Of(SentenceReading s)
    {
        var t = s.Tokens;
        for (var i = 0; i < t.Count; i++)
        {
            if (s.MentionAt(i) is { } m)
            {
                if (m.Span.Start == i)
                {
                    yield return m.Entity?.Name ?? m.Text;
                }
                continue;
            }
            var w = t[i];
            if (w.Pos is Pos.NN or Pos.NNS)
            {
                var noun = Morphology.Singular(w.Text);
                if (noun.Length > 2 && !Vague.Contains(noun) && !Lexicon.StopWords.Contains(noun))
                {
                    yield return noun;
                }
            }
            else if (w.Pos is Pos.VB or Pos.VBD or Pos.VBG or Pos.VBN or Pos.VBP or Pos.VBZ && Morphology.VerbLemma(w.Text) is { } verb && !Vague.Contains(verb) && verb.Length > 2)
            {
                yield return "v:" + verb;
            }
            else if (w.Pos is Pos.JJ && w.Text.Length > 3 && !Lexicon.StopWords.Contains(w.Lower))
            {
                yield return w.Lower;
            }
        }
    }

    /// <summary>Weights per term: frequency in <paramref name="doc"/> times the inverse document frequency.</summary>
    public static Dictionary<string, double> Weigh(IEnumerable<string> doc, IReadOnlyDictionary<string, double> idf)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in doc)
        {
            weights[term] = weights.GetValueOrDefault(term) + idf.GetValueOrDefault(term, 1.0);
        }
        return weights;
    }

    /// <summary>Inverse document frequencies of terms over documents (sentences, paragraphs).</summary>
    public static Dictionary<string, double> Idf(IReadOnlyList<IReadOnlyCollection<string>> docs)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in docs)
        {
            foreach (var term in doc.Distinct())
            {
                df[term] = df.GetValueOrDefault(term) + 1;
            }
        }
        return df.ToDictionary(kv => kv.Key, kv => Math.Log(1.0 + docs.Count / (double)kv.Value), StringComparer.Ordinal);
    }

    public static double Cosine(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var dot = small.Sum(kv => kv.Value * large.GetValueOrDefault(kv.Key));
        var norm = Math.Sqrt(a.Values.Sum(v => v * v)) * Math.Sqrt(b.Values.Sum(v => v * v));
        return norm == 0 ? 0 : dot / norm;
    }
}
