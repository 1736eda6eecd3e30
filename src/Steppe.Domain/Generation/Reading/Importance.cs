using Steppe.Domain.Generation.Language;

namespace Steppe.Domain.Generation.Reading;

/// <summary>How much each sentence matters to the article, from 0 to 1: how close its words are to the whole
/// article's (centrality over TF-IDF vectors, as extractive summarisers rank sentences), how much it names the
/// article's main things, where it stands (an article's and a paragraph's first sentences), and whether it
/// defines, explains a cause or dates an event. Asides, long lists and quotations weigh less.</summary>
internal sealed class Importance
{
    private readonly double[] _scores;

    public Importance(ArticleReading article)
    {
        var sentences = article.Sentences;
        var docs = sentences.Select(s => (IReadOnlyCollection<string>)Terms.Of(s).ToList()).ToList();
        var idf = Terms.Idf(docs);
        var vectors = docs.Select(d => Terms.Weigh(d, idf)).ToList();
        var centroid = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var v in vectors)
        {
            foreach (var (term, weight) in v)
            {
                centroid[term] = centroid.GetValueOrDefault(term) + weight;
            }
        }
        var centrality = vectors.Select(v => Terms.Cosine(v, centroid)).ToArray();
        var top = Math.Max(1e-9, centrality.DefaultIfEmpty(0).Max());
        _scores = new double[sentences.Count];
        for (var i = 0; i < sentences.Count; i++)
        {
            var s = sentences[i];
            var names = s.Mentions.Select(m => m.Entity).OfType<Entities.Entity>().Distinct().Sum(article.Salience);
            var first = i == 0 || sentences[i - 1].Paragraph != s.Paragraph;
            var score = 0.55 * (centrality[i] / top)
                + 0.15 * Math.Min(1.0, names)
                + (i == 0 ? 0.15 : first ? 0.08 : 0)
                + (Cues(s) ? 0.1 : 0)
                - Penalty(s);
            _scores[i] = Math.Clamp(score, 0, 1);
        }
    }

    public double Of(SentenceReading s) => _scores[s.Index];

    /// <summary>Definitions, causes and effects: "is a", "known as", "because", "led to", "as a result".</summary>
    private static bool Cues(SentenceReading s)
    {
        var text = s.Text.ToLowerInvariant();
        return s.Clause is { IsCopula: true } || CueWords.Any(c => Text.ContainsWord(text, c));
    }

    private static readonly string[] CueWords =
    [
        "because", "due to", "led to", "leading to", "as a result", "resulted in", "caused", "causes", "known as", "called", "refers to",
        "defined as", "consists of", "is a", "was the first", "invented", "discovered", "founded", "established",
    ];

    private static double Penalty(SentenceReading s)
    {
        var words = s.Sentence.WordCount;
        var penalty = words > 35 ? (words - 35) * 0.01 : words < 7 ? 0.15 : 0;
        penalty += s.Tokens.Count(t => t.Text == "(") * 0.05;
        penalty += s.Facts.Count > 4 ? 0.1 : 0;
        penalty += s.Text.Count(c => c is '"' or '“') >= 2 ? 0.05 : 0;
        return penalty;
    }
}
