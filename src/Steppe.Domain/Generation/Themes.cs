using System.Text.RegularExpressions;

namespace Steppe.Domain.Generation;

/// <summary>A key phrase of the article with its TF-IDF weight (sentences as documents).</summary>
public sealed record KeyPhrase(string Text, double Score, int Count);

/// <summary>A theme found in the article and the sentences it covers.</summary>
public sealed record ArticleTheme(string Id, string Title, IReadOnlyList<string> Keywords, bool FromTaxonomy);

/// <summary>Key phrases scored within the article, and themes: paragraphs grouped by the area their words
/// signal (a general list of areas), or, for paragraphs no area fits, by their strongest key phrase.</summary>
public sealed class ThemeModel
{
    public IReadOnlyList<KeyPhrase> KeyPhrases { get; }
    public IReadOnlyList<ArticleTheme> Themes { get; }

    private readonly Dictionary<int, string> _sentenceTheme = [];
    private readonly Dictionary<string, int> _df = [];
    private readonly Dictionary<int, Dictionary<string, int>> _sentenceScores = [];

    public ThemeModel(Article article)
    {
        KeyPhrases = ScoreKeyPhrases(article, _df);
        var phraseScore = KeyPhrases.ToDictionary(k => k.Text, k => k.Score);

        foreach (var s in article.Sentences)
        {
            _sentenceScores[s.Index] = TaxonomyScores(s.Text);
        }
        var paragraphTheme = new Dictionary<int, string>();
        var fallbackTitles = new Dictionary<string, string>();
        bool _taxonomyParagraph(int p) => paragraphTheme.TryGetValue(p, out var id) && !fallbackTitles.ContainsKey(id);
        foreach (var paragraph in article.Sentences.GroupBy(s => s.Paragraph))
        {
            var totals = new Dictionary<string, int>();
            foreach (var s in paragraph)
            {
                foreach (var (id, score) in _sentenceScores[s.Index])
                {
                    totals[id] = totals.GetValueOrDefault(id) + score;
                }
            }
            var best = totals.OrderByDescending(kv => kv.Value).ThenBy(kv => Array.FindIndex(Lexicon.Themes, t => t.Id == kv.Key)).FirstOrDefault();
            if (best.Value >= 2)
            {
                paragraphTheme[paragraph.Key] = best.Key;
            }
        }
        // A paragraph no area fits joins its nearest themed neighbour when most of the article has areas;
        // otherwise (an article on another subject) its strongest key phrase names its theme.
        var paragraphs = article.Sentences.Select(s => s.Paragraph).Distinct().ToList();
        var mostlyThemed = paragraphTheme.Count * 2 >= paragraphs.Count;
        foreach (var paragraph in article.Sentences.GroupBy(s => s.Paragraph))
        {
            if (paragraphTheme.ContainsKey(paragraph.Key))
            {
                continue;
            }
            if (mostlyThemed)
            {
                var neighbour = paragraphTheme.Keys.Where(k => _taxonomyParagraph(k)).OrderBy(k => Math.Abs(k - paragraph.Key)).ThenBy(k => k).FirstOrDefault();
                if (neighbour != 0)
                {
                    paragraphTheme[paragraph.Key] = paragraphTheme[neighbour];
                    continue;
                }
            }
            // No area fits: the paragraph's strongest key phrase names its theme.
            var phrase = paragraph.SelectMany(s => PhrasesIn(s.Text)).Where(phraseScore.ContainsKey)
                .OrderByDescending(p => p.Contains(' ', StringComparison.Ordinal) ? 1 : 0).ThenByDescending(p => phraseScore[p]).ThenBy(p => p, StringComparer.Ordinal).FirstOrDefault();
            if (phrase is not null)
            {
                var id = Slug(phrase);
                fallbackTitles[id] = char.ToUpperInvariant(phrase[0]) + phrase[1..];
                paragraphTheme[paragraph.Key] = id;
            }
        }
        foreach (var s in article.Sentences)
        {
            var own = _sentenceScores[s.Index].OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).FirstOrDefault();
            var inParagraph = paragraphTheme.GetValueOrDefault(s.Paragraph);
            // A sentence follows its paragraph unless its own words point elsewhere and not at the paragraph's area.
            var theme = own.Value >= 2 || (own.Value >= 1 && inParagraph is not null && !_sentenceScores[s.Index].ContainsKey(inParagraph))
                ? own.Key
                : inParagraph ?? (own.Value > 0 ? own.Key : null);
            if (theme is not null)
            {
                _sentenceTheme[s.Index] = theme;
            }
        }

        var themes = new List<ArticleTheme>();
        foreach (var id in _sentenceTheme.Values.Distinct().OrderBy(x => x, StringComparer.Ordinal))
        {
            var taxonomy = Lexicon.Themes.FirstOrDefault(t => t.Id == id);
            var sentences = article.Sentences.Where(s => _sentenceTheme.GetValueOrDefault(s.Index) == id).ToList();
            // Keywords: phrases frequent in the theme's sentences but not all over the article.
            var inTheme = sentences.SelectMany(s => PhrasesIn(s.Text[s.Focus..]).Distinct()).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
            var keywords = inTheme.Keys
                .Where(p => _df.GetValueOrDefault(p) * 5 <= article.Sentences.Count && !Lexicon.OrdinalWords.ContainsKey(p))
                .Select(p => (Phrase: p, Score: inTheme[p] * Math.Log(article.Sentences.Count / (double)Math.Max(1, _df.GetValueOrDefault(p))) * (p.Contains(' ', StringComparison.Ordinal) ? 1.5 : 1)))
                .OrderByDescending(x => x.Score).ThenBy(x => x.Phrase, StringComparer.Ordinal)
                .Select(x => x.Phrase).ToList();
            // An area's own signal words first ("flour", "honey", "wheat"), then phrases that do not overlap them.
            var chosen = new List<string>();
            if (taxonomy.Id is not null)
            {
                chosen.AddRange(sentences.SelectMany(s => Tokenizer.Tokens(s.Text[s.Focus..])).Where(t => t.IsWord)
                    .Select(t => t.Lower).Where(w => taxonomy.Stems.Any(stem => !stem.Contains(' ', StringComparison.Ordinal) && w.StartsWith(stem, StringComparison.Ordinal)))
                    .GroupBy(w => w).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).Take(4));
            }
            foreach (var k in keywords)
            {
                if (chosen.Count >= 5)
                {
                    break;
                }
                if (!chosen.Any(c => c.Contains(k, StringComparison.Ordinal) || k.Contains(c, StringComparison.Ordinal)))
                {
                    chosen.Add(k);
                }
            }
            keywords = chosen;
            themes.Add(taxonomy.Id is not null
                ? new ArticleTheme(id, taxonomy.Title, keywords, true)
                : new ArticleTheme(id, fallbackTitles[id], keywords, false));
        }
        Themes = themes;
    }

    /// <summary>The theme of a sentence, when it has one.</summary>
    public string? ThemeOf(Sentence s) => _sentenceTheme.GetValueOrDefault(s.Index);

    /// <summary>How strongly each area of the general list is signalled in a sentence.</summary>
    public IReadOnlyDictionary<string, int> AreaScores(Sentence s) => _sentenceScores[s.Index];

    public static Dictionary<string, int> TaxonomyScores(string text)
    {
        var lower = " " + text.ToLowerInvariant() + " ";
        var scores = new Dictionary<string, int>();
        foreach (var (id, _, stems) in Lexicon.Themes)
        {
            var score = stems.Sum(stem => Regex.Matches(lower, @"(?<![\p{L}])" + Regex.Escape(stem)).Count);
            if (score > 0)
            {
                scores[id] = score;
            }
        }
        return scores;
    }

    /// <summary>Runs of up to three words that are not little words, lower-cased.</summary>
    public static IEnumerable<string> PhrasesIn(string sentence)
    {
        var run = new List<string>();
        foreach (var token in Tokenizer.Tokens(sentence).Append(new Token(".", 0)))
        {
            if (token.IsWord && !token.IsNumber && !Lexicon.StopWords.Contains(token.Text) && token.Text.Length > 2)
            {
                run.Add(token.Lower.Replace("’s", "", StringComparison.Ordinal));
                continue;
            }
            for (var n = 1; n <= 3; n++)
            {
                for (var i = 0; i + n <= run.Count; i++)
                {
                    yield return string.Join(' ', run.Skip(i).Take(n));
                }
            }
            run.Clear();
        }
    }

    private static List<KeyPhrase> ScoreKeyPhrases(Article article, Dictionary<string, int> df)
    {
        var n = article.Sentences.Count;
        var tf = new Dictionary<string, int>();
        foreach (var s in article.Sentences)
        {
            var phrases = PhrasesIn(s.Text[s.Focus..]).ToList();
            foreach (var p in phrases)
            {
                tf[p] = tf.GetValueOrDefault(p) + 1;
            }
            foreach (var p in phrases.Distinct())
            {
                df[p] = df.GetValueOrDefault(p) + 1;
            }
        }
        // TF-IDF summed over the sentences, favouring phrases that recur in a few sentences; longer
        // phrases get a small bonus because they name things more precisely.
        return tf.Where(kv => kv.Value >= 2)
            .Select(kv => new KeyPhrase(kv.Key, kv.Value * Math.Log(1.0 + n / (double)df[kv.Key]) * (1 + 0.3 * (kv.Key.Count(c => c == ' '))), kv.Value))
            .OrderByDescending(k => k.Score).ThenBy(k => k.Text, StringComparer.Ordinal)
            .Take(60)
            .ToList();
    }

    public static string Slug(string text)
    {
        var slug = Regex.Replace(text.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormKD), @"[^a-z0-9]+", "-").Trim('-');
        return slug.Length == 0 ? "x" : slug;
    }
}
