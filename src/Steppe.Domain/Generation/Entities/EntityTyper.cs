using Steppe.Domain.Generation.Language;

namespace Steppe.Domain.Generation.Entities;

/// <summary>Tells what a name is: from the country and capital lists, from a word in the name that says
/// ("University", "River", "War", "Party"), from a title or a first name (a person), then from WordNet ("Warsaw"
/// is a national capital, "Tesla" an electrical engineer).</summary>
internal static class EntityTyper
{
    /// <summary>Words that name what a proper name is, at its end ("Harvard University") or before "of"
    /// ("University of Warsaw").</summary>
    private static readonly Dictionary<string, EntityKind> Heads = new(StringComparer.Ordinal)
    {
        ["University"] = EntityKind.Organisation("university"), ["College"] = EntityKind.Organisation("college"),
        ["School"] = EntityKind.Organisation("school"), ["Institute"] = EntityKind.Organisation("institute"), ["Academy"] = EntityKind.Organisation("academy"),
        ["Company"] = EntityKind.Organisation("company"), ["Corporation"] = EntityKind.Organisation("company"), ["Inc"] = EntityKind.Organisation("company"),
        ["Ltd"] = EntityKind.Organisation("company"), ["plc"] = EntityKind.Organisation("company"), ["Bank"] = EntityKind.Organisation("bank"),
        ["Party"] = EntityKind.Organisation("party"), ["Court"] = EntityKind.Organisation("court"), ["Council"] = EntityKind.Organisation("council"),
        ["Parliament"] = EntityKind.Organisation("parliament"), ["Assembly"] = EntityKind.Organisation("assembly"), ["Congress"] = EntityKind.Organisation("congress"),
        ["Senate"] = EntityKind.Organisation("senate"), ["Commission"] = EntityKind.Organisation("commission"), ["Committee"] = EntityKind.Organisation("committee"),
        ["Agency"] = EntityKind.Organisation("agency"), ["Panel"] = EntityKind.Organisation("panel"), ["Administration"] = EntityKind.Organisation("agency"), ["Organization"] = EntityKind.Organisation("organisation"),
        ["Organisation"] = EntityKind.Organisation("organisation"), ["Association"] = EntityKind.Organisation("association"), ["Society"] = EntityKind.Organisation("society"),
        ["Foundation"] = EntityKind.Organisation("foundation"), ["League"] = EntityKind.Organisation("league"), ["Church"] = EntityKind.Organisation("church"),
        ["Army"] = EntityKind.Organisation("army"), ["Navy"] = EntityKind.Organisation("navy"), ["Ministry"] = EntityKind.Organisation("ministry"),
        ["Department"] = EntityKind.Organisation("department"), ["Federation"] = EntityKind.Organisation("federation"), ["Airlines"] = EntityKind.Organisation("airline"),
        ["Airways"] = EntityKind.Organisation("airline"), ["Club"] = EntityKind.Organisation("club"), ["Museum"] = EntityKind.Organisation("museum"),
        ["Library"] = EntityKind.Organisation("library"), ["Hospital"] = EntityKind.Organisation("hospital"), ["Laboratory"] = EntityKind.Organisation("laboratory"),
        ["Laboratories"] = EntityKind.Organisation("laboratory"), ["Observatory"] = EntityKind.Organisation("observatory"), ["Union"] = EntityKind.Organisation("union"),
        ["River"] = EntityKind.Place("river"), ["Lake"] = EntityKind.Place("lake"), ["Sea"] = EntityKind.Place("sea"), ["Ocean"] = EntityKind.Place("ocean"),
        ["Mountains"] = EntityKind.Place("mountain range"), ["Mount"] = EntityKind.Place("mountain"), ["Island"] = EntityKind.Place("island"),
        ["Islands"] = EntityKind.Place("island group"), ["Bay"] = EntityKind.Place("bay"), ["Desert"] = EntityKind.Place("desert"), ["Valley"] = EntityKind.Place("valley"),
        ["Province"] = EntityKind.Place("province"), ["County"] = EntityKind.Place("county"), ["Region"] = EntityKind.Place("region"),
        ["District"] = EntityKind.Place("district"), ["Park"] = EntityKind.Place("park"), ["Garden"] = EntityKind.Place("garden"), ["Gardens"] = EntityKind.Place("garden"),
        ["Palace"] = EntityKind.Place("palace"), ["Castle"] = EntityKind.Place("castle"), ["Bridge"] = EntityKind.Place("bridge"), ["Tower"] = EntityKind.Place("tower"),
        ["Square"] = EntityKind.Place("square"), ["Street"] = EntityKind.Place("street"), ["Station"] = EntityKind.Place("station"), ["Airport"] = EntityKind.Place("airport"),
        ["Cathedral"] = EntityKind.Place("cathedral"), ["Canal"] = EntityKind.Place("canal"), ["Peninsula"] = EntityKind.Place("peninsula"), ["Strait"] = EntityKind.Place("strait"),
        ["Gulf"] = EntityKind.Place("gulf"), ["Coast"] = EntityKind.Place("coast"), ["Forest"] = EntityKind.Place("forest"), ["Stadium"] = EntityKind.Place("stadium"),
        ["War"] = new(EntityCategory.Event, "war"), ["Battle"] = new(EntityCategory.Event, "battle"), ["Revolution"] = new(EntityCategory.Event, "revolution"),
        ["Crisis"] = new(EntityCategory.Event, "crisis"), ["Summit"] = new(EntityCategory.Event, "summit"), ["Conference"] = new(EntityCategory.Event, "conference"),
        ["Olympics"] = new(EntityCategory.Event, "games"), ["Games"] = new(EntityCategory.Event, "games"), ["Exhibition"] = new(EntityCategory.Event, "exhibition"),
        ["Expo"] = new(EntityCategory.Event, "exhibition"), ["Festival"] = new(EntityCategory.Event, "festival"), ["Rebellion"] = new(EntityCategory.Event, "uprising"),
        ["Uprising"] = new(EntityCategory.Event, "uprising"), ["Siege"] = new(EntityCategory.Event, "siege"), ["Election"] = new(EntityCategory.Event, "election"),
        ["Treaty"] = new(EntityCategory.Work, "treaty"), ["Agreement"] = new(EntityCategory.Work, "agreement"), ["Accord"] = new(EntityCategory.Work, "agreement"),
        ["Act"] = new(EntityCategory.Work, "act"), ["Convention"] = new(EntityCategory.Work, "convention"), ["Declaration"] = new(EntityCategory.Work, "declaration"),
        ["Constitution"] = new(EntityCategory.Work, "constitution"), ["Charter"] = new(EntityCategory.Work, "charter"), ["Prize"] = new(EntityCategory.Thing, "prize"),
        ["Award"] = new(EntityCategory.Thing, "award"), ["Medal"] = new(EntityCategory.Thing, "medal"), ["Programme"] = new(EntityCategory.Work, "programme"),
        ["Program"] = new(EntityCategory.Work, "programme"), ["Project"] = new(EntityCategory.Work, "project"), ["Mission"] = new(EntityCategory.Work, "mission"),
        ["Strategy"] = new(EntityCategory.Work, "strategy"), ["Initiative"] = new(EntityCategory.Work, "initiative"), ["Policy"] = new(EntityCategory.Work, "policy"),
        ["Center"] = EntityKind.Organisation("centre"), ["Centre"] = EntityKind.Organisation("centre"), ["Service"] = EntityKind.Organisation("service"),
        ["Dynasty"] = new(EntityCategory.Organisation, "dynasty"), ["Empire"] = EntityKind.Place("empire"), ["Kingdom"] = EntityKind.Place("kingdom"),
    };

    /// <summary>WordNet classes a proper name's sense may belong to, nearest first, with the kind they give.</summary>
    private static readonly (string Class, EntityKind Kind)[] Classes =
    [
        ("continent", EntityKind.Place("continent")), ("country", EntityKind.Place("country")), ("national capital", EntityKind.Place("city")),
        ("state capital", EntityKind.Place("city")), ("city", EntityKind.Place("city")), ("town", EntityKind.Place("town")), ("port", EntityKind.Place("city")),
        ("American state", EntityKind.Place("state")), ("province", EntityKind.Place("province")), ("river", EntityKind.Place("river")),
        ("lake", EntityKind.Place("lake")), ("sea", EntityKind.Place("sea")), ("ocean", EntityKind.Place("ocean")), ("mountain peak", EntityKind.Place("mountain")),
        ("mountain", EntityKind.Place("mountain")), ("range", EntityKind.Place("mountain range")), ("island", EntityKind.Place("island")),
        ("desert", EntityKind.Place("desert")), ("geographical area", EntityKind.Place("region")), ("university", EntityKind.Organisation("university")),
        ("college", EntityKind.Organisation("college")), ("company", EntityKind.Organisation("company")), ("political party", EntityKind.Organisation("party")),
        ("agency", EntityKind.Organisation("agency")), ("organization", EntityKind.Organisation("organisation")), ("war", new(EntityCategory.Event, "war")),
        ("battle", new(EntityCategory.Event, "battle")), ("award", new(EntityCategory.Thing, "award")), ("dynasty", new(EntityCategory.Organisation, "dynasty")),
        ("empire", EntityKind.Place("empire")), ("language", new(EntityCategory.Thing, "language")), ("religion", new(EntityCategory.Thing, "religion")),
    ];

    public static EntityKind? HeadNoun(string word) => Heads.GetValueOrDefault(word.TrimEnd('.'));

    /// <summary>The kind of a name, with the WordNet sense that gave it (if any).</summary>
    public static readonly EntityKind Nationality = new(EntityCategory.Thing, "nationality");
    public static readonly EntityKind People = new(EntityCategory.Thing, "people");

    private static readonly string[] Compass = ["North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Northeast", "Northwest", "Southeast", "Southwest"];

    public static (EntityKind Kind, Synset? Sense) Kind(string name, string? title, IReadOnlySet<string>? places = null)
    {
        // Adjectives of places and their peoples ("Kenyan", "the British", "Israelis") are not asked for as names.
        if (Gazetteer.PlaceOf(name) is not null)
        {
            return (Nationality, null);
        }
        if (name.EndsWith('s') && (Gazetteer.PlaceOf(name[..^1]) is not null || Gazetteer.PlaceOf(name.TrimEnd('s').TrimEnd('e')) is not null))
        {
            return (People, null);
        }
        var parts = name.Split(' ');
        if (parts.Length == 2 && Compass.Contains(parts[0]) && (Gazetteer.IsContinent(parts[1]) || Gazetteer.FindCountry(parts[1]) is not null))
        {
            return (EntityKind.Place("region"), null);
        }
        if (Gazetteer.FindCountry(name) is { } country && !(country.Name == "Georgia" && title is not null))
        {
            return (EntityKind.Place("country"), PlaceSense(country.Canonical) ?? PlaceSense(name));
        }
        if (Gazetteer.IsContinent(name))
        {
            return (EntityKind.Place("continent"), PlaceSense(name));
        }
        if (Gazetteer.CountryOfCapital(name) is not null)
        {
            return (EntityKind.Place("city"), WordNet.Senses(name).FirstOrDefault(s => s.IsInstance && s.Class == NounClass.Location));
        }
        var words = name.Split(' ');
        if (HeadNoun(words[^1]) is { } head)
        {
            return (head, null);
        }
        // "University of Warsaw", "Intergovernmental Panel on Climate Change": the word before the first "of", "on" or "for".
        var joint = Array.FindIndex(words, w => w is "of" or "on" or "for");
        if (joint >= 1 && joint < words.Length - 1 && HeadNoun(words[joint - 1]) is { } prefix)
        {
            return (prefix, null);
        }
        if (title is not null)
        {
            return (EntityKind.Person(title.ToLowerInvariant()), null);
        }
        var sense = Sense(name, places);
        if (sense is not null)
        {
            if (sense.Class == NounClass.Person)
            {
                return (EntityKind.Person(sense.IsInstance ? WordNet.Get(sense.InstanceOf[0]).Name : "person"), sense);
            }
            // The nearest class that says what it is: Warsaw is a national capital before it is any other thing.
            foreach (var ancestor in WordNet.Ancestors(sense))
            {
                foreach (var (cls, kind) in Classes)
                {
                    if (ancestor.Lemmas.Any(l => string.Equals(l.Replace('_', ' '), cls, StringComparison.OrdinalIgnoreCase)))
                    {
                        return (kind, sense);
                    }
                }
            }
        }
        if (words.Length is 2 or 3 && Gazetteer.FirstName(words[0]) is not null && words.All(w => char.IsUpper(w[0])) && !Tagger.IsCommonWord(words[^1].ToLowerInvariant())
            && words[^1].Length >= 3 && words[^1].Any(char.IsLower))
        {
            return (EntityKind.Person(), null);
        }
        return (EntityKind.Unknown, sense);
    }

    private static Synset? PlaceSense(string name) => WordNet.Senses(name).FirstOrDefault(s => s.IsInstance && s.Class is NounClass.Location or NounClass.Object);

    /// <summary>The name's likeliest WordNet sense as a proper name: an instance ("Warsaw"), and for a one-word
    /// name not a person unless nothing else fits (the river Rhine before the psychologist Rhine).</summary>
    private static Synset? Sense(string name, IReadOnlySet<string>? places)
    {
        var senses = WordNet.Senses(name).Where(s => s.IsInstance || char.IsUpper(s.Lemmas[0][0])).ToList();
        if (senses.Count == 0)
        {
            return null;
        }
        // The Melbourne in Australia, for an article that names Australia.
        if (places is { Count: > 0 } && senses.Count > 1
            && senses.FirstOrDefault(s => WordNet.Containers(s).Any(c => c.Lemmas.Any(l => places.Contains(l.Replace('_', ' '))))) is { } placed)
        {
            return placed;
        }
        if (!name.Contains(' ', StringComparison.Ordinal) && senses.Any(s => s.Class != NounClass.Person))
        {
            return senses.First(s => s.Class != NounClass.Person);
        }
        return senses[0];
    }
}
