using Steppe.Domain.Generation.Language;

namespace Steppe.Domain.Generation.Entities;

/// <summary>A named thing of the article with every way the article names it ("Nikola Tesla", "Tesla"; "NASA",
/// "National Aeronautics and Space Administration") and every sentence that does.</summary>
internal sealed class Entity(string name, EntityKind kind, Synset? sense)
{
    public string Name { get; private set; } = name;
    public EntityKind Kind { get; set; } = kind;
    public Synset? Sense { get; } = sense;
    public SortedSet<string> Aliases { get; } = new(StringComparer.Ordinal) { name };
    public List<Mention> Mentions { get; } = [];

    /// <summary>"m" or "f" for a person whose first name says, else null.</summary>
    public string? Gender => Kind.Category == EntityCategory.Person && Gazetteer.FirstName(Name.Split(' ')[0]) is "m" or "f" ? Gazetteer.FirstName(Name.Split(' ')[0]) : null;

    public int SentenceCount => Mentions.Select(m => m.SentenceIndex).Distinct().Count();

    /// <summary>The shortest way the article names it, for later mentions ("Tesla").</summary>
    public string ShortName => Kind.Category == EntityCategory.Person && Name.Contains(' ', StringComparison.Ordinal) && Aliases.Contains(Name.Split(' ')[^1]) ? Name.Split(' ')[^1] : Name;

    /// <summary>"Serb", "Fields Medalists": a kind of person or a group of them, not someone to ask for or offer
    /// beside a person: a name whose dictionary sense is a class ("Wang Khan" is a name with a title in it), or a
    /// plural of a word for a kind of person.</summary>
    public bool IsGroup
    {
        get
        {
            if (Sense is { IsInstance: false } && Aliases.All(a => !a.Contains(' ', StringComparison.Ordinal)))
            {
                return true;
            }
            var last = Name.Split(' ')[^1];
            var single = Morphology.Singular(last);
            return last.EndsWith('s') && !string.Equals(single, last, StringComparison.OrdinalIgnoreCase)
                && WordNet.Senses(single.ToLowerInvariant()).Any(x => !x.IsInstance && x.Class == NounClass.Person);
        }
    }

    /// <summary>Whether a text names this entity: one of its aliases, or an adjective of it ("French" for France).</summary>
    public bool IsNamedIn(string text)
    {
        foreach (var alias in Aliases.Concat(Gazetteer.AdjectivesOf(Name)))
        {
            if (Text.ContainsWord(text, alias))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Settles the name to show: a person's fullest name, a country's name in the list, otherwise the
    /// form the article uses most ("China" rather than "PRC").</summary>
    public void ChooseName()
    {
        var counts = Mentions.GroupBy(m => m.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Name = Kind.Category == EntityCategory.Person
            ? Aliases.OrderByDescending(a => a.Split(' ').Length).ThenByDescending(a => counts.GetValueOrDefault(a)).ThenBy(a => a, StringComparer.Ordinal).First()
            : Aliases.FirstOrDefault(a => Gazetteer.FindCountry(a) is { CanonicalName: null } && Kind.Noun == "country")
              ?? Aliases.OrderByDescending(a => counts.GetValueOrDefault(a)).ThenByDescending(a => a.Length).ThenBy(a => a, StringComparer.Ordinal).First();
    }

    public override string ToString() => $"{Name} ({Kind.Category}/{Kind.Noun}, {SentenceCount} sentences)";
}
