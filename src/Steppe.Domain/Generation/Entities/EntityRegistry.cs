using Steppe.Domain.Generation.Language;

namespace Steppe.Domain.Generation.Entities;

/// <summary>The article's named things: mentions grouped into entities (a surname joins the person first named
/// in full, an acronym the long form the article spells out), each typed once for the whole article.</summary>
internal sealed class EntityRegistry
{
    private readonly Dictionary<string, Entity> _byAlias = new(StringComparer.Ordinal);

    // Indexes of the names of more than one word, so that finding a short name's owner is not a pass over every name.
    private readonly Dictionary<string, Entity> _bySameWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entity>> _byLastWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entity>> _byFirstWord = new(StringComparer.Ordinal);

    public IReadOnlyList<Entity> Entities { get; }

    private readonly string? _topicName;

    /// <param name="topicName">What the article's title names ("Harvard University"), when it has a title.</param>
    public EntityRegistry(IReadOnlyList<Mention> mentions, IReadOnlyDictionary<string, string> longForms, Func<Mention, EntityKind?> contextKind, string? topicName = null)
    {
        _topicName = topicName;
        var entities = new List<Entity>();
        // The countries and continents the article names, to tell which Melbourne it means.
        var places = mentions.Select(m => m.Text).Where(t => Gazetteer.FindCountry(t) is not null || Gazetteer.IsContinent(t))
            .Select(t => Gazetteer.FindCountry(t)?.Canonical ?? t).ToHashSet(StringComparer.Ordinal);
        // The last words of names of more than one word: "Webb" of "James E. Webb".
        var lastWords = mentions.Select(m => m.Text).Where(t => t.Contains(' ', StringComparison.Ordinal)).Select(t => t[(t.LastIndexOf(' ') + 1)..]).ToHashSet(StringComparer.Ordinal);
        // Longest names first, so that "Nikola Tesla" exists before "Tesla" looks for its person.
        var texts = mentions.GroupBy(m => m.Text, StringComparer.Ordinal).OrderByDescending(g => g.Key.Split(' ').Length).ThenBy(g => g.Min(m => m.SentenceIndex)).ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in texts)
        {
            var text = group.Key;
            var entity = Owner(text, longForms);
            if (entity is null)
            {
                var title = group.Select(m => m.Title).FirstOrDefault(t => t is not null);
                var (kind, sense) = EntityTyper.Kind(text, title, places);
                // What the sentence says ("singer Dimash") beats a one-word name's dictionary sense (Damascus).
                var context = group.Select(contextKind).FirstOrDefault(k => k is not null);
                if (context is not null && (!kind.IsKnown || (sense is not null && !text.Contains(' ', StringComparison.Ordinal))))
                {
                    (kind, sense) = (context, null);
                }
                // "Webb" of "NASA Administrator James E. Webb" is not the writer WordNet knows by that surname.
                if (sense is { Class: NounClass.Person } && !text.Contains(' ', StringComparison.Ordinal)
                    && lastWords.Contains(text))
                {
                    (kind, sense) = (EntityKind.Person("person"), null);
                }
                // "PRC" and "China", "Kazakh" and "Kazakhstan": two names of one WordNet sense are one thing.
                entity = sense is { IsInstance: true } ? entities.FirstOrDefault(e => e.Sense?.Id == sense.Id) : null;
                if (entity is null)
                {
                    entity = new Entity(text, kind, sense);
                    entities.Add(entity);
                }
            }
            entity.Aliases.Add(text);
            _byAlias[text] = entity;
            if (text.Contains(' ', StringComparison.Ordinal))
            {
                _bySameWords.TryAdd(WordsKey(text), entity);
                Index(_byLastWord, text[(text.LastIndexOf(' ') + 1)..], entity);
                Index(_byFirstWord, text[..text.IndexOf(' ', StringComparison.Ordinal)], entity);
            }
            foreach (var m in group)
            {
                m.Entity = entity;
                entity.Mentions.Add(m);
            }
        }
        foreach (var e in entities)
        {
            e.ChooseName();
        }
        Entities = entities.OrderBy(e => e.Mentions.Min(m => m.SentenceIndex)).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    public Entity? Find(string alias) => _byAlias.GetValueOrDefault(alias);

    private static void Index(Dictionary<string, List<Entity>> index, string word, Entity entity)
    {
        if (!index.TryGetValue(word, out var list))
        {
            index[word] = list = [];
        }
        list.Add(entity);
    }

    /// <summary>"Parliament of Victoria" and "Victorian Parliament": the same words, a place's adjective for the place.</summary>
    internal static bool SameWords(string a, string b) =>
        a.Contains(' ', StringComparison.Ordinal) && b.Contains(' ', StringComparison.Ordinal) && WordsKey(a) == WordsKey(b);

    private static string WordsKey(string name) => string.Join(' ', name.Split(' ').Where(w => w is not ("of" or "the" or "The"))
        .Select(w => Gazetteer.PlaceOf(w) ?? w).Order(StringComparer.Ordinal));

    /// <summary>"Harvard" in an article titled "Harvard University" is the university, not John Harvard it is named
    /// after: the title's first word stands for the organisation the title names (an article on the Kennedy Space
    /// Center that calls the president "Kennedy" is the rarer case, and he is still named in full).</summary>
    private Entity? TopicNamedBy(string text)
    {
        var words = _topicName?.Split(' ').SkipWhile(w => w is "The").ToArray() ?? [];
        return words.Length >= 2 && words[0] == text && EntityTyper.HeadNoun(words[^1]) is { Category: EntityCategory.Organisation }
            && _byAlias.TryGetValue(string.Join(' ', words), out var topic) ? topic : null;
    }

    /// <summary>Lower-case words inside a person's name: "Wernher von Braun", "Leonardo da Vinci".</summary>
    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal) { "von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "bin", "ibn", "al", "el" };

    /// <summary>The entity a shorter or other form belongs to: a person's surname or first word, an acronym's
    /// long form or the reverse.</summary>
    private Entity? Owner(string text, IReadOnlyDictionary<string, string> longForms)
    {
        if (_byAlias.TryGetValue(text, out var known))
        {
            return known;
        }
        // "US", "U.S.", "America" for the United States.
        if (Gazetteer.FindCountry(text) is { CanonicalName: { } canonical } && _byAlias.TryGetValue(canonical, out var country))
        {
            return country;
        }
        if (longForms.TryGetValue(text, out var longForm) && _byAlias.TryGetValue(longForm, out var spelled))
        {
            return spelled;
        }
        if (text.Contains(' ', StringComparison.Ordinal) && _bySameWords.GetValueOrDefault(WordsKey(text)) is { } reworded)
        {
            return reworded;
        }
        var acronym = longForms.FirstOrDefault(kv => kv.Value == text).Key;
        if (acronym is not null && _byAlias.TryGetValue(acronym, out var shortened))
        {
            return shortened;
        }
        if (!text.Contains(' ', StringComparison.Ordinal) && TopicNamedBy(text) is { } topic)
        {
            return topic;
        }
        if (!text.Contains(' ', StringComparison.Ordinal))
        {
            // "Tesla" for "Nikola Tesla": the person whose name ends so.
            var people = _byLastWord.GetValueOrDefault(text, []).Distinct().Where(e => e.Kind.Category == EntityCategory.Person && e.Name.Contains(' ', StringComparison.Ordinal)
                && e.Name.Split(' ').All(w => char.IsUpper(w[0]) || NameParticles.Contains(w)) && e.Name.Split(' ')[^1] == text).ToList();
            // "Kennedy" with John F. and Robert F. Kennedy: the one named first, as readers take it.
            if (people.Count >= 1)
            {
                return people.MinBy(e => e.Mentions.Min(m => m.SentenceIndex));
            }
        }
        if (!text.Contains(' ', StringComparison.Ordinal) && !Tagger.IsCommonWord(text.ToLowerInvariant()))
        {
            // "Northwind" for "Northwind Outdoor Gear": the one organisation or place whose name begins so.
            var named = _byFirstWord.GetValueOrDefault(text, []).Distinct().Where(e => e.Kind.Category is EntityCategory.Organisation && e.Name.Split(' ')[0] == text).ToList();
            // "Kennedy" with John F. Kennedy and Robert F. Kennedy in the article is a surname, not the Kennedy Space Center.
            var surname = _byLastWord.GetValueOrDefault(text, []).Any(e => e.Kind.Category == EntityCategory.Person && e.Name.EndsWith(" " + text, StringComparison.Ordinal));
            // "Melbourne" is the city, not "Melbourne High School": a word with a kind of its own is itself.
            if (named.Count == 1 && !surname && !EntityTyper.Kind(text, null).Kind.IsKnown)
            {
                return named[0];
            }
        }
        return null;
    }
}
