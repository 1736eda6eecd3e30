namespace Steppe.Domain.Generation.Language;

/// <summary>Countries with their continent and capital, continents, the adjectives of places ("French" →
/// France) and English first names: committed lists, no download (Generation/Data/LICENSES.md).</summary>
internal static class Gazetteer
{
    public sealed record Country(string Name, string Continent, string Capital, string? CanonicalName = null)
    {
        /// <summary>The name the country list uses ("United States" for "US").</summary>
        public string Canonical => CanonicalName ?? Name;
    }

    /// <summary>Names an article uses that the list writes otherwise.</summary>
    private static readonly (string Alias, string Continent, string Capital, string? Canonical)[] Aliases =
    [
        ("United States of America", "North America", "Washington, D.C.", "United States"), ("USA", "North America", "Washington, D.C.", "United States"),
        ("US", "North America", "Washington, D.C.", "United States"), ("U.S.", "North America", "Washington, D.C.", "United States"),
        ("U.S", "North America", "Washington, D.C.", "United States"), ("America", "North America", "Washington, D.C.", "United States"),
        ("Britain", "Europe", "London", "United Kingdom"), ("Great Britain", "Europe", "London", "United Kingdom"), ("UK", "Europe", "London", "United Kingdom"),
        ("U.K.", "Europe", "London", "United Kingdom"), ("England", "Europe", "London", null), ("Scotland", "Europe", "Edinburgh", null), ("Wales", "Europe", "Cardiff", null),
        ("Soviet Union", "Europe", "Moscow", null), ("USSR", "Europe", "Moscow", "Soviet Union"), ("Czech Republic", "Europe", "Prague", null),
        ("Holland", "Europe", "Amsterdam", "Netherlands"), ("Burma", "Asia", "Naypyidaw", "Myanmar"), ("Persia", "Asia", "Tehran", "Iran"),
        ("Ivory Coast", "Africa", "Yamoussoukro", null), ("Austria-Hungary", "Europe", "Vienna", null), ("Prussia", "Europe", "Berlin", null),
        ("Yugoslavia", "Europe", "Belgrade", null), ("Ottoman Empire", "Europe", "Constantinople", null),
    ];

    private static readonly Lazy<Dictionary<string, Country>> Countries = new(() =>
        WordData.Lines("countries.tsv").Select(l => l.Split('\t')).Select(f => new Country(f[0], f[1], f[2]))
            .Concat(Aliases.Select(a => new Country(a.Alias, a.Continent, a.Capital, a.Canonical)))
            .GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));

    private static readonly Lazy<Dictionary<string, Country>> Capitals = new(() =>
        Countries.Value.Values.Where(c => c.Capital.Length > 0).GroupBy(c => c.Capital, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));

    private static readonly Lazy<Dictionary<string, string>> PlaceOfAdjective = new(() => WordData.Pairs("demonyms.tsv", StringComparer.Ordinal));

    private static readonly Lazy<ILookup<string, string>> AdjectivesOfPlace = new(() =>
        WordData.Lines("demonyms.tsv").Select(l => l.Split('\t')).ToLookup(f => f[1], f => f[0], StringComparer.OrdinalIgnoreCase));

    private static readonly Lazy<Dictionary<string, string>> FirstNames = new(() => WordData.Pairs("first-names.tsv", StringComparer.Ordinal));

    public static readonly string[] Continents = ["Africa", "Antarctica", "Asia", "Australia", "Europe", "North America", "South America", "Oceania"];

    public static Country? FindCountry(string name) => Countries.Value.GetValueOrDefault(name.Trim());

    public static Country? CountryOfCapital(string city) => Capitals.Value.GetValueOrDefault(city.Trim());

    public static bool IsContinent(string name) => Continents.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Countries of a continent, in the list's order: those WordNet knows as countries, so that no
    /// territory (Turks and Caicos, Sint Maarten) is offered beside a state.</summary>
    public static IEnumerable<Country> CountriesOf(string continent) =>
        Countries.Value.Values.Where(c => c.Continent == continent && !Aliases.Any(a => a.Alias == c.Name) && Sovereign.Value.Contains(c.Name)).OrderBy(c => c.Name, StringComparer.Ordinal);

    private static readonly Lazy<HashSet<string>> Sovereign = new(() =>
        Countries.Value.Values.Select(c => c.Name).Where(n => WordNet.Senses(n).Any(s => s.IsInstance && WordNet.IsA(s, "country"))).ToHashSet(StringComparer.Ordinal));

    /// <summary>The place an adjective or demonym names ("French" → France), or null.</summary>
    public static string? PlaceOf(string adjective) => PlaceOfAdjective.Value.GetValueOrDefault(adjective);

    /// <summary>The adjectives of a place ("France" → French).</summary>
    public static IEnumerable<string> AdjectivesOf(string place) => AdjectivesOfPlace.Value[place];

    /// <summary>"m", "f", "mf" for an English first name, or null.</summary>
    public static string? FirstName(string word) => FirstNames.Value.GetValueOrDefault(word);
}
