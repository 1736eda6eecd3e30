using System.Text.RegularExpressions;
using Steppe.Domain.Generation.Entities;
using Steppe.Domain.Generation.Language;

namespace Steppe.Domain.Generation.Reading;

/// <summary>One sentence as the generator reads it: tags, main clause, names and figures.</summary>
internal sealed record SentenceReading(Sentence Sentence, IReadOnlyList<TaggedToken> Tokens, IReadOnlyList<Clause> Clauses, IReadOnlyList<Mention> Mentions, IReadOnlyList<Fact> Facts)
{
    /// <summary>The main clause, if the sentence could be read as one.</summary>
    public Clause? Clause => Clauses.Count > 0 ? Clauses[0] : null;

    public int Index => Sentence.Index;
    public int Paragraph => Sentence.Paragraph;
    public string Text => Sentence.Text;

    /// <summary>The mention covering token <paramref name="i"/>, if any.</summary>
    public Mention? MentionAt(int i) => Mentions.FirstOrDefault(m => m.Span.Contains(i));
}

/// <summary>An article read once for every question writer: sentences with their clauses, the named things
/// (typed for the whole article), the figures, and what the article is about (its topic).</summary>
internal sealed partial class ArticleReading
{
    public Article Article { get; }
    public IReadOnlyList<SentenceReading> Sentences { get; }
    public EntityRegistry Entities { get; }
    public IReadOnlyList<Fact> Facts { get; }

    /// <summary>The thing the article is about, when its title names one ("Nikola Tesla", "Harvard University").</summary>
    public Entity? Topic { get; }

    /// <summary>The article's subject in words, from the title ("Oxygen", "the 1973 oil crisis"), or null.</summary>
    public string? TopicName { get; }

    /// <summary>Acronyms the article spells out ("LOC" → "Launch Operations Center").</summary>
    public IReadOnlyDictionary<string, string> LongForms { get; }

    public ArticleReading(Article article)
    {
        Article = article;
        var longForms = FactExtractor.LongForms(article.Text);
        LongForms = longForms;
        Facts = FactExtractor.Extract(article).Where(f => f.IsNumeric || f.Kind is FactKind.Year or FactKind.Period or FactKind.Ordinal or FactKind.ListItem).ToList();
        var factsBySentence = Facts.ToLookup(f => f.Sentence.Index);
        var sentences = new List<SentenceReading>();
        foreach (var s in article.Sentences)
        {
            var tokens = Tagger.Apply(s.Tokens);
            var mentions = MentionFinder.Find(s.Index, tokens);
            sentences.Add(new SentenceReading(s, tokens, ClauseReader.ReadAll(tokens, mentions.Select(m => m.Span).ToList()), mentions, factsBySentence[s.Index].ToList()));
        }
        Sentences = sentences;
        // "Toghrul, … better known by the Chinese title 'Wang Khan'": a second name joins the first, as an acronym its long form.
        var names = new Dictionary<string, string>(longForms, StringComparer.Ordinal);
        foreach (var (other, first) in sentences.SelectMany(s => OtherNames.Find(s.Tokens, s.Mentions)))
        {
            names.TryAdd(other, first);
        }
        // "Northwind Outdoor Gear: results for the third quarter": the part before a colon names the subject.
        TopicName = article.Title is { } title ? Parenthesis().Replace(title.Split(':')[0], "").Trim() : null;
        Entities = new EntityRegistry(sentences.SelectMany(s => s.Mentions).ToList(), names, m => ContextKind(sentences[m.SentenceIndex], m), TopicName);
        KindEvidence.Refine(Entities.Entities, sentences);
        // The title names the topic when it is one of the topic's names, or one followed by a single word of what
        // it is ("Apollo program"); "The printing press that changed Europe" is not about Europe.
        var titleWords = TopicName?.Split(' ').SkipWhile(w => w is "The" or "the").ToArray() ?? [];
        Topic = TopicName is null ? null : Entities.Find(TopicName)
            ?? Entities.Entities.Where(e => e.Aliases.Any(a => a.Length >= 3 && string.Join(' ', titleWords).StartsWith(a, StringComparison.Ordinal) && titleWords.Length - a.Split(' ').Length <= 1))
                .OrderByDescending(e => e.SentenceCount).FirstOrDefault();
        // A subject of no known kind is what the article calls it: "the company" throughout a report on a company;
        // and a place the dictionary takes for another of its name (Victoria the city) is what the article calls
        // it far more often ("the state").
        if (Topic is { Kind.IsKnown: false } unknown && MostUsedHead() is { } usedKind)
        {
            unknown.Kind = usedKind;
        }
        else if (Topic is { Kind.Category: EntityCategory.Place } place
            && PlaceWords.MaxBy(HeadUses) is { } called && called != place.Kind.Noun && HeadUses(called) >= 3 && HeadUses(called) >= 3 * HeadUses(place.Kind.Noun))
        {
            place.Kind = EntityKind.Place(called);
        }
        // "Apollo program": the title's last word says what the topic is, whatever else "Apollo" names.
        if (Topic is not null && titleWords.Length > 1 && !Topic.Aliases.Contains(string.Join(' ', titleWords))
            && EntityTyper.HeadNoun(char.ToUpperInvariant(titleWords[^1][0]) + titleWords[^1][1..]) is { } titleKind)
        {
            Topic.Kind = titleKind;
        }
    }

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex Parenthesis();

    /// <summary>The kind that "the company", "the city", "the university" … gives most often in the article, if any.</summary>
    private EntityKind? MostUsedHead() =>
        Sentences.SelectMany(s => s.Tokens.Zip(s.Tokens.Skip(1), (a, b) => (a, b)))
            .Where(p => p.a.Lower == "the" && p.b.Pos is Pos.NN)
            .Select(p => EntityTyper.HeadNoun(char.ToUpperInvariant(p.b.Text[0]) + p.b.Text[1..]))
            .OfType<EntityKind>().Where(k => k.Category is EntityCategory.Organisation or EntityCategory.Place)
            .GroupBy(k => k).Where(g => g.Count() >= 2).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();

    private static readonly string[] PlaceWords = ["country", "state", "city", "province", "town", "island", "territory", "region"];

    /// <summary>How often the article says "the <paramref name="noun"/>".</summary>
    private int HeadUses(string noun) =>
        Sentences.Sum(s => s.Tokens.Zip(s.Tokens.Skip(1), (a, b) => (a, b)).Count(p => p.a.Lower == "the" && p.b.Lower == noun));

    private Dictionary<string, (int Sentences, int Paragraphs)>? _nouns;

    /// <summary>In how many sentences and paragraphs the article uses a common noun (by its singular).</summary>
    public (int Sentences, int Paragraphs) NounUse(string noun)
    {
        _nouns ??= Sentences.SelectMany(s => s.Tokens.Where(t => t.Pos is Pos.NN or Pos.NNS).Select(t => (Noun: Morphology.Singular(t.Text), s.Index, s.Paragraph)))
            .GroupBy(x => x.Noun, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Select(x => x.Index).Distinct().Count(), g.Select(x => x.Paragraph).Distinct().Count()), StringComparer.Ordinal);
        return _nouns.GetValueOrDefault(Morphology.Singular(noun));
    }

    /// <summary>A phrase that sets a question in the article's subject ("In Kenya", "During the 1973 oil crisis",
    /// "In the Apollo program"), for questions whose words ("the embargo") need it; null when the subject is no
    /// place, event or programme.</summary>
    public string? Frame()
    {
        if (Topic is { } t && t.Kind.Category == EntityCategory.Place && t.Kind.Noun is "country" or "city" or "state" or "continent" or "region" or "province")
        {
            return "In " + t.Name;
        }
        // "During the 1973 oil crisis, …" would claim a time the sentence may not mean; "In the Apollo program"
        // likewise. Only a place says where without saying when.
        return null;
    }


    /// <summary>How many sentences of the article name the entity: its weight as a subject of the article.</summary>
    public double Salience(Entity e) => Math.Min(1.0, e.SentenceCount / Math.Max(4.0, Sentences.Count / 12.0));

    /// <summary>A person known from the words around one name: "inventor X", "X, who", "X said".</summary>
    private static EntityKind? ContextKind(SentenceReading s, Mention m)
    {
        var t = s.Tokens;
        var before = m.Span.Start > 0 ? t[m.Span.Start - 1] : null;
        var after = m.Span.End < t.Count ? t[m.Span.End] : null;
        var afterNext = m.Span.End + 1 < t.Count ? t[m.Span.End + 1] : null;
        if (before is { Pos: Pos.NN } && WordNet.Senses(before.Lower).FirstOrDefault()?.Class == NounClass.Person && m.Text.Contains(' ', StringComparison.Ordinal))
        {
            return EntityKind.Person(before.Lower);
        }
        if ((after?.Text == "," && afterNext?.Lower == "who") || after?.Lower is "said" or "says" or "wrote" or "argued" or "claimed")
        {
            return EntityKind.Person();
        }
        return null;
    }
}
