using Steppe.Domain.Generation.Language;

namespace Steppe.Domain.Generation.Reading;

/// <summary>A theme of the article: paragraphs that talk about the same things, named by their own key phrases.</summary>
internal sealed record ArticleTheme(string Id, string Title, IReadOnlyList<int> Paragraphs, IReadOnlyList<string> Keywords);

/// <summary>Groups the article's paragraphs into themes by their words (TF-IDF vectors of nouns and names,
/// average-link clustering that favours neighbouring paragraphs), about one theme per square root of the
/// paragraph count, two to eight; each named by the phrase that is most its own.</summary>
internal sealed class ThemeModel
{
    public IReadOnlyList<ArticleTheme> Themes { get; }
    private readonly Dictionary<int, ArticleTheme> _byParagraph = [];

    public ThemeModel(ArticleReading article)
    {
        // A very long text is clustered in at most 120 runs of neighbouring paragraphs, so that clustering (cubic in
        // what it clusters) stays a few milliseconds whatever the length.
        var all = article.Sentences.GroupBy(s => s.Paragraph).OrderBy(g => g.Key).ToList();
        var per = Math.Max(1, (int)Math.Ceiling(all.Count / 120.0));
        var paragraphs = all.Select((g, i) => (g, i)).GroupBy(x => x.i / per)
            .Select(b => b.SelectMany(x => x.g).GroupBy(s => b.First().g.Key).Single()).ToList();
        var members = all.Select((g, i) => (g.Key, Block: i / per)).ToLookup(x => x.Block, x => x.Key);
        var docs = paragraphs.Select(p => (IReadOnlyCollection<string>)p.SelectMany(Terms.Of).Where(t => !t.StartsWith("v:", StringComparison.Ordinal)).ToList()).ToList();
        var idf = Terms.Idf(docs);
        var vectors = docs.Select(d => Terms.Weigh(d, idf)).ToList();
        var target = Math.Clamp((int)Math.Round(Math.Sqrt(paragraphs.Count)), paragraphs.Count >= 3 ? 2 : 1, 8);
        var clusters = Cluster(vectors, target);
        var phrases = paragraphs.Select(p => p.SelectMany(s => KeyPhrases.Of(s, article.Topic)).ToList()).ToList();
        var themes = new List<ArticleTheme>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cluster in clusters.OrderBy(c => c.Min()))
        {
            var keywords = Name(cluster, phrases, clusters.Count, article.TopicName);
            var title = keywords.Count == 0 ? "Other" : Capitalise(keywords[0]) + (keywords.Count > 1 && Close(keywords, cluster, phrases) ? " and " + keywords[1] : "");
            var id = Slug(title);
            for (var n = 2; !ids.Add(id); n++)
            {
                id = $"{Slug(title)}-{n}";
            }
            var theme = new ArticleTheme(id, title, cluster.SelectMany(i => members[i]).Order().ToList(), keywords.Take(6).ToList());
            themes.Add(theme);
            foreach (var p in theme.Paragraphs)
            {
                _byParagraph[p] = theme;
            }
        }
        Themes = themes;
    }

    public ArticleTheme? Of(int paragraph) => _byParagraph.GetValueOrDefault(paragraph);

    /// <summary>Average-link agglomerative clustering on cosine similarity, neighbours favoured, until
    /// <paramref name="target"/> clusters remain. The link between clusters is kept in a matrix and updated on
    /// each merge (Lance–Williams), so a long article clusters in a few milliseconds.</summary>
    private static List<List<int>> Cluster(List<Dictionary<string, double>> vectors, int target)
    {
        var n = vectors.Count;
        var clusters = Enumerable.Range(0, n).Select(i => new List<int> { i }).ToList();
        var link = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                link[i, j] = link[j, i] = Terms.Cosine(vectors[i], vectors[j]) + (j == i + 1 ? 0.12 : 0);
            }
        }
        // alive[k]: the cluster held at matrix row k (merged rows are dropped).
        var alive = Enumerable.Range(0, n).ToList();
        while (alive.Count > Math.Max(1, target))
        {
            var (best, a, b) = (double.MinValue, 0, 1);
            for (var x = 0; x < alive.Count; x++)
            {
                for (var y = x + 1; y < alive.Count; y++)
                {
                    var (i, j) = (alive[x], alive[y]);
                    // Very small themes are merged first, so that every theme can carry questions.
                    var score = link[i, j] + (clusters[i].Count == 1 || clusters[j].Count == 1 ? 0.05 : 0);
                    if (score > best)
                    {
                        (best, a, b) = (score, i, j);
                    }
                }
            }
            var (sizeA, sizeB) = (clusters[a].Count, clusters[b].Count);
            foreach (var k in alive.Where(k => k != a && k != b))
            {
                link[a, k] = link[k, a] = (link[a, k] * sizeA + link[b, k] * sizeB) / (sizeA + sizeB);
            }
            clusters[a].AddRange(clusters[b]);
            alive.Remove(b);
        }
        return alive.Select(k => clusters[k]).ToList();
    }

    /// <summary>The cluster's key phrases, most its own first: frequent in it and spread over its paragraphs,
    /// rare in the other clusters, and specific (a phrase of two words, or a word outside the everyday
    /// vocabulary, names a theme better than "system" or "life").</summary>
    private static List<string> Name(List<int> cluster, List<List<string>> phrases, int clusterCount, string? topic)
    {
        var inside = cluster.SelectMany(i => phrases[i]).GroupBy(p => p, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var spread = cluster.SelectMany(i => phrases[i].Distinct()).GroupBy(p => p, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var outside = phrases.Where((_, i) => !cluster.Contains(i)).SelectMany(p => p).GroupBy(p => p, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return inside.Where(kv => topic is null || !string.Equals(kv.Key, topic, StringComparison.OrdinalIgnoreCase))
            .Select(kv => (Phrase: kv.Key, Score: kv.Value * Math.Sqrt(spread[kv.Key] / (double)cluster.Count)
                * Math.Log(1.0 + (clusterCount + 1.0) / (1.0 + outside.GetValueOrDefault(kv.Key))) * Specificity(kv.Key)))
            .Where(x => inside[x.Phrase] >= 2 || cluster.Count == 1)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Phrase, StringComparer.Ordinal)
            .Select(x => x.Phrase).Take(8).ToList();
    }

    private static double Specificity(string phrase)
    {
        if (char.IsUpper(phrase[0]))
        {
            return 0.8; // a name: good, but a theme is more than one person or place
        }
        if (phrase.Contains(' ', StringComparison.Ordinal))
        {
            return 1.5;
        }
        return Tagger.IsCommonWord(phrase) ? 0.5 : 1.3;
    }

    /// <summary>Whether the second phrase is nearly as much the cluster's own as the first, so both name it.</summary>
    private static bool Close(List<string> keywords, List<int> cluster, List<List<string>> phrases)
    {
        var count = (string p) => cluster.Sum(i => phrases[i].Count(x => x == p));
        return count(keywords[1]) * 3 >= count(keywords[0]) * 2 && Specificity(keywords[1]) >= 0.8 && !keywords[0].Contains(keywords[1], StringComparison.OrdinalIgnoreCase) && !keywords[1].Contains(keywords[0], StringComparison.OrdinalIgnoreCase);
    }

    private static string Capitalise(string phrase) => char.ToUpperInvariant(phrase[0]) + phrase[1..];

    public static string Slug(string text)
    {
        var slug = new string(text.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormKD)
            .Where(c => c < 128).Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }
        slug = slug.Trim('-');
        return slug.Length == 0 ? "theme" : slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }
}

/// <summary>Noun phrases of a sentence that can name a theme: runs of adjectives and nouns ending in a noun
/// ("alternating current", "induction motor"), and names.</summary>
internal static class KeyPhrases
{
    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "year", "years", "time", "number", "part", "way", "people", "lot", "kind", "type", "thing", "things", "use", "case", "example",
        "result", "end", "period", "percent", "day", "days", "month", "months", "century", "centuries", "other", "others", "first", "al", "etc",
    };

    private static readonly HashSet<string> Quantifiers = new(StringComparer.Ordinal)
    {
        "several", "many", "various", "numerous", "few", "other", "certain", "different", "major", "main", "large", "small", "new", "old",
        "total", "average", "current", "former", "recent", "significant", "important", "same", "similar", "whole", "entire", "further",
    };

    public static IEnumerable<string> Of(SentenceReading s, Entities.Entity? topic = null)
    {
        var t = s.Tokens;
        var i = 0;
        var bracket = false;
        while (i < t.Count)
        {
            // "[citation needed]" and other editors' notes are not the article's words.
            if (t[i].Text is "[" or "]")
            {
                bracket = t[i].Text == "[";
                i++;
                continue;
            }
            if (bracket)
            {
                i++;
                continue;
            }
            if (s.MentionAt(i) is { } m)
            {
                if (m.Entity is { } e && e.Kind.Category is not (Entities.EntityCategory.Unknown or Entities.EntityCategory.Thing) && e != topic)
                {
                    yield return e.Name;
                }
                i = m.Span.End;
                continue;
            }
            if (!(t[i].Pos is Pos.NN or Pos.NNS || (t[i].IsAdjective && !t[i].IsProper)))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < t.Count && (t[i].Pos is Pos.NN or Pos.NNS || t[i].IsAdjective) && !t[i].IsProper && s.MentionAt(i) is null)
            {
                i++;
            }
            // "136,000 square kilometres", "32 °C": units of a figure, not a subject.
            if (start > 0 && t[start - 1].Pos == Pos.CD || start > 1 && t[start - 1].Pos == Pos.Punct && t[start - 2].Pos == Pos.CD)
            {
                continue;
            }
            var end = i;
            while (end > start && t[end - 1].Pos is not (Pos.NN or Pos.NNS))
            {
                end--;
            }
            // Keep the last two or three words: "the new alternating current system" → "alternating current system".
            var from = Math.Max(start, end - 3);
            while (from < end && (Lexicon.StopWords.Contains(t[from].Text) || Quantifiers.Contains(t[from].Lower) || t[from].IsAdjective && end - from > 2))
            {
                from++;
            }
            if (end > from)
            {
                var words = Enumerable.Range(from, end - from).Select(k => t[k].Lower).ToList();
                words[^1] = Morphology.Singular(words[^1]);
                var phrase = string.Join(' ', words);
                if (!Generic.Contains(words[^1]) && phrase.Length > 3 && words.All(w => w.All(c => (char.IsLetter(c) && c < '\u0250') || c == '-')))
                {
                    yield return phrase;
                }
            }
        }
    }
}
