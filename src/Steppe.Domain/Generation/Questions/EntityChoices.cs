using Steppe.Domain.Generation.Entities;
using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>Wrong answers for a named answer, of its fine kind: the article's own things of that kind first (a
/// city for a city, a university for a university), then the lists (countries of the same continent, capitals
/// of the same continent, the other continents), then WordNet's other instances of the same class (another
/// inventor, another university). Never the answer again in another form, never something the question names,
/// never a name from the answer's own sentence (it may be just as true).</summary>
internal sealed class EntityChoices(ArticleReading article)
{
    // The article's names of a kind, and the paragraphs each is named in: asked for every question, computed once.
    private readonly Dictionary<EntityKind, List<Entity>> _ofKind = [];
    private readonly Dictionary<Entity, int[]> _paragraphs = [];

    private readonly Dictionary<string, bool> _inText = new(StringComparer.Ordinal);

    /// <summary>Whether the article's text holds the name (a search of the whole text, made once per name).</summary>
    private bool InText(string name)
    {
        if (!_inText.TryGetValue(name, out var found))
        {
            _inText[name] = found = Text.ContainsWord(article.Article.Text, name);
        }
        return found;
    }

    private List<Entity> OfKind(EntityKind wanted)
    {
        if (!_ofKind.TryGetValue(wanted, out var list))
        {
            _ofKind[wanted] = list = article.Entities.Entities.Where(e => e.Kind.Matches(wanted) && IsRealName(e.Name)
                && !(wanted.Category == EntityCategory.Person && e.IsGroup)).ToList();
        }
        return list;
    }

    public List<string> For(Entity answer, SentenceReading s, string question, int count) => Choose(answer, s, question, count).Choices;

    /// <summary>Wrong answers, and whether all of them are fair: of the answer's fine kind and also of its
    /// story (a person of the same role and time or of the same part of the article, a country of the same
    /// continent). A question whose wrong answers are not all fair is better asked without choices.</summary>
    public (List<string> Choices, bool Fair) Choose(Entity answer, SentenceReading s, string question, int count)
    {
        var seed = Distractors.Hash(answer.Name + "|" + s.Text);
        var sameSentence = s.Mentions.Select(m => m.Entity).OfType<Entity>().ToHashSet();
        var wanted = answer.Kind;
        var fromArticle = OfKind(wanted)
            .Where(e => e != answer && e != article.Topic && !sameSentence.Contains(e))
            .OrderBy(e => wanted.Category == EntityCategory.Person ? Distance(e, s) / 3 : 0).ThenByDescending(e => e.SentenceCount)
            .ThenBy(e => Distance(e, s)).ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        var continent = wanted.Category == EntityCategory.Place ? ContinentOfPlace(answer) : null;
        var tiers = new List<(IEnumerable<string> Names, bool Fair)>();
        if (wanted.Category == EntityCategory.Person)
        {
            // Another president of the same years; WordNet's presidents of those years; people of the same part of
            // the article; anyone else the article names, last and not fair.
            bool SameRole(Entity e) => e.Kind.Noun == wanted.Noun && wanted.Noun != "person" && (answer.Sense is null || e.Sense is null || SameTime(answer.Sense, e.Sense));
            tiers.Add((fromArticle.Where(SameRole).Select(e => Shape(e.Name, e, answer)), true));
            tiers.Add((Siblings(answer), true));
            tiers.Add((fromArticle.Where(e => !SameRole(e) && Distance(e, s) <= 1).Select(e => Shape(e.Name, e, answer)), true));
            tiers.Add((fromArticle.Where(e => !SameRole(e) && Distance(e, s) > 1).Select(e => Shape(e.Name, e, answer)), false));
        }
        else
        {
            // A place of the answer's continent before one of another (Mombasa, not Beijing, beside Nairobi).
            bool Near(Entity e) => continent is null || ContinentOfPlace(e) == continent;
            // WordNet's other agencies of the world (JAXA beside NASA) are no fair guesses; other places are.
            var listed = wanted.Noun is "region" or "district" || wanted.Category != EntityCategory.Place ? [] : Listed(answer, seed);
            // An organisation the article names once, far from the answer's story (JAXA in an article on Apollo), is
            // easy to rule out; the ones it keeps coming back to are not.
            bool Central(Entity e) => wanted.Category != EntityCategory.Organisation || e.SentenceCount >= 2;
            tiers.Add((fromArticle.Where(e => Near(e) && Central(e)).Select(e => e.Name), true));
            tiers.Add((listed, true));
            tiers.Add((fromArticle.Where(e => !Near(e) || !Central(e)).Select(e => e.Name), false));
        }
        var taken = new List<string>();
        var fair = true;
        foreach (var (names, tierFair) in tiers)
        {
            foreach (var candidate in names)
            {
                if (taken.Count == count)
                {
                    break;
                }
                if (Acceptable(candidate, answer, question, taken) && !sameSentence.Any(e => e.Aliases.Contains(candidate)) && !AlsoTrue(candidate, question))
                {
                    taken.Add(candidate);
                    fair &= tierFair;
                }
            }
        }
        // A country among three the article never names is easy to rule out (Jamaica, Panama, Barbados beside the
        // United States): choices for a place need at least two of the article's own.
        var fromThisArticle = taken.Count(t => article.Entities.Find(t) is not null);
        if (wanted.Category == EntityCategory.Place && fromThisArticle < 2)
        {
            fair = false;
        }
        return (taken, fair && taken.Count == count);
    }

    /// <summary>How far, in paragraphs, an entity's nearest mention is from the question's sentence: people named
    /// near each other belong to the same story (a rugby player's rivals, not the rally drivers of another part).</summary>
    private int Distance(Entity e, SentenceReading s)
    {
        if (!_paragraphs.TryGetValue(e, out var paragraphs))
        {
            _paragraphs[e] = paragraphs = e.Mentions.Select(m => article.Sentences[m.SentenceIndex].Paragraph).Distinct().Order().ToArray();
        }
        // The nearest of the sorted paragraphs: the one at or after the question's, or the one before it.
        var at = Array.BinarySearch(paragraphs, s.Paragraph);
        if (at >= 0)
        {
            return 0;
        }
        at = ~at;
        var after = at < paragraphs.Length ? paragraphs[at] - s.Paragraph : int.MaxValue;
        var before = at > 0 ? s.Paragraph - paragraphs[at - 1] : int.MaxValue;
        return Math.Min(after, before);
    }

    /// <summary>Whether the article says of the candidate much the same as the question asks ("an ally of
    /// Israel" of the United States too): then it is no wrong answer.</summary>
    private bool AlsoTrue(string candidate, string question)
    {
        if (article.Entities.Find(candidate) is not { } e)
        {
            return false;
        }
        var asked = Text.Words(question).Where(w => w.Length > 3 && !Lexicon.StopWords.Contains(w) && w is not ("which" or "what")).ToHashSet(StringComparer.Ordinal);
        // The question's verbs: "rationed" said of the Netherlands too makes the Netherlands a right answer.
        var verbs = Tokenizer.Tokens(question).Where(t => t.IsWord).Select(t => Morphology.VerbLemma(t.Text)).OfType<string>()
            .Where(v => v.Length > 2 && !Grammar.BeForms.Contains(v) && v is not ("have" or "become" or "make" or "take" or "give" or "include" or "do" or "say" or "use" or "see" or "go" or "get" or "come" or "know" or "call")).ToHashSet(StringComparer.Ordinal);
        return asked.Count > 0 && e.Mentions.Select(m => article.Sentences[m.SentenceIndex]).Distinct()
            .Any(s => Text.Words(s.Text).Distinct().Count(asked.Contains) >= Math.Max(2, (asked.Count + 1) / 2)
                || s.Tokens.Any(t => t.IsVerb && Morphology.VerbLemma(t.Text) is { } v && verbs.Contains(v)));
    }

    /// <summary>A person is offered the way the answer is written: a surname for a surname.</summary>
    private static string Shape(string name, Entity e, Entity answer) =>
        answer.Kind.Category == EntityCategory.Person && !answer.Name.Contains(' ', StringComparison.Ordinal) ? e.ShortName : name;

    /// <summary>A name fit to be offered: not a compass word, not a common word written in capitals ("TV"), not two
    /// names joined ("Commission and Council") unless a country's ("Trinidad and Tobago").</summary>
    private static bool IsRealName(string name) => !Compass.Contains(name)
        && (!name.Contains(" and ", StringComparison.Ordinal) || Gazetteer.FindCountry(name) is not null) && IsNameShaped(name) && !(name.All(char.IsUpper) && name.Length <= 3 && Tagger.IsCommonWord(name.ToLowerInvariant()));

    private static readonly HashSet<string> Compass = new(StringComparer.OrdinalIgnoreCase) { "West", "East", "North", "South", "Arctic", "Orient", "Occident" };

    private static bool IsNameShaped(string name) => name.Length >= 3 && name.Any(char.IsLower) || name.All(c => char.IsUpper(c) || c == '-') && name.Length >= 2;

    private bool Acceptable(string candidate, Entity answer, string question, List<string> taken)
    {
        // The answer under any of its names, or a choice already taken.
        if (answer.Aliases.Any(alias => EntityRegistry.SameWords(alias, candidate) || Distractors.SameOrTaken(candidate, alias, taken)))
        {
            return false;
        }
        if (Text.ContainsWord(question, candidate))
        {
            return false;
        }
        // Another name of the same thing ("PRC" for China).
        if (answer.Sense is { } sense && WordNet.Senses(candidate).Any(x => x.Id == sense.Id))
        {
            return false;
        }
        // Two names of one thing among the choices ("Persia", "Iran").
        var canonical = Gazetteer.FindCountry(candidate)?.Canonical;
        if (taken.Any(t => canonical is not null && Gazetteer.FindCountry(t)?.Canonical == canonical
            || WordNet.Senses(t).Where(x => x.IsInstance).Select(x => x.Id).Intersect(WordNet.Senses(candidate).Where(x => x.IsInstance).Select(x => x.Id)).Any()))
        {
            return false;
        }
        // The article names it as something else: a one-word clash ("Georgia" the state, the country).
        var known = article.Entities.Find(candidate);
        return known is null || known.Kind.Matches(answer.Kind);
    }

    /// <summary>Things of the answer's kind from the word lists, in a fixed order for this question.</summary>
    private IEnumerable<string> Listed(Entity answer, ulong seed)
    {
        var kind = answer.Kind;
        IEnumerable<string> pool = [];
        if (kind == EntityKind.Place("country") && Gazetteer.FindCountry(answer.Name) is { } country)
        {
            pool = Gazetteer.CountriesOf(country.Continent).Select(c => c.Name);
        }
        else if (kind == EntityKind.Place("continent"))
        {
            pool = Gazetteer.Continents.Where(c => c != "Oceania" && c != "Antarctica");
        }
        else if (kind == EntityKind.Place("city") && ContinentOfCity(answer) is { } continent)
        {
            pool = Gazetteer.CountriesOf(continent).Select(c => c.Capital).Where(c => c.Length > 0 && !c.Contains(',', StringComparison.Ordinal));
        }
        pool = pool.Concat(Siblings(answer));
        // Things the article never names come in a fixed shuffled order, so every question gets its own mix.
        return pool.Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(p => InText(p) ? 0 : 1).ThenBy(p => Distractors.Hash(p, seed));
    }

    /// <summary>Whether two people were of one generation: born within twelve years of each other.</summary>
    private static bool SameTime(Synset a, Synset b)
    {
        if (a.Born is not { } bornA || b.Born is not { } bornB)
        {
            return a.Born is null; // with no years for the answer, any; with none for the other, not
        }
        var endA = a.Died ?? bornA + 80;
        var endB = b.Died ?? bornB + 80;
        return bornB <= endA && bornA <= endB && Math.Abs(bornA - bornB) <= 12;
    }

    private static string? ContinentOfPlace(Entity place) =>
        Gazetteer.FindCountry(place.Name)?.Continent ?? ContinentOfCity(place);

    private static string? ContinentOfCity(Entity city) =>
        Gazetteer.CountryOfCapital(city.Name)?.Continent ?? (city.Sense is { } sense ? ContinentOf(sense) : null);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string?> Continents = new();

    /// <summary>The continent a place lies in, up WordNet's part-of links ("Venice" → Veneto → Italy → Europe).</summary>
    private static string? ContinentOf(Synset place) => Continents.GetOrAdd(place.Id, _ => FindContinent(place));

    private static string? FindContinent(Synset place)
    {
        var level = new List<Synset> { place };
        for (var depth = 0; depth < 4 && level.Count > 0; depth++)
        {
            foreach (var p in level)
            {
                if (p.Lemmas.Select(l => Gazetteer.FindCountry(l.Replace('_', ' '))).FirstOrDefault(c => c is not null) is { } country)
                {
                    return country.Continent;
                }
                if (p.Lemmas.FirstOrDefault(l => Gazetteer.IsContinent(l.Replace('_', ' '))) is { } continent)
                {
                    return continent.Replace('_', ' ');
                }
            }
            level = level.SelectMany(p => p.PartOf).Select(WordNet.Get).ToList();
        }
        return null;
    }

    /// <summary>WordNet's other instances of the answer's class ("Edison" for an inventor, "Yale" for a university).</summary>
    private static IEnumerable<string> Siblings(Entity answer)
    {
        if (answer.Sense is not { IsInstance: true } sense)
        {
            return [];
        }
        // Places from the same continent only: Grand Rapids is no fair guess for a city of Renaissance Europe;
        // people of the same time only: Bill Clinton is no fair guess for a president of 1973.
        var continent = answer.Kind.Category == EntityCategory.Place ? ContinentOf(sense) : null;
        return sense.InstanceOf.SelectMany(c => WordNet.Members(WordNet.Get(c)))
            .Where(m => m.Id != sense.Id && m.IsInstance && char.IsUpper(m.Lemmas[0][0]))
            .Where(m => continent is null || ContinentOf(m) == continent)
            .Where(m => answer.Kind.Category != EntityCategory.Person || SameTime(sense, m))
            .Select(m => answer.Kind.Category != EntityCategory.Person ? m.Name : answer.Name.Contains(' ', StringComparison.Ordinal) ? FullName(m) : m.Name);
    }

    /// <summary>A person's name as first and last name ("Thomas Edison" rather than "Edison" or "Thomas Alva Edison").</summary>
    private static string FullName(Synset s)
    {
        var names = s.Lemmas.Select(l => l.Replace('_', ' ')).ToList();
        return names.FirstOrDefault(l => l.Split(' ').Length == 2) ?? names.OrderByDescending(l => l.Split(' ').Length).First();
    }
}
