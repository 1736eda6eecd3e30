namespace Steppe.Domain.Generation.Language;

/// <summary>WordNet's lexicographer files for nouns: the broad class of a sense.</summary>
internal enum NounClass
{
    Tops = 3, Act = 4, Animal = 5, Artifact = 6, Attribute = 7, Body = 8, Cognition = 9, Communication = 10, Event = 11,
    Feeling = 12, Food = 13, Group = 14, Location = 15, Motive = 16, Object = 17, Person = 18, Phenomenon = 19, Plant = 20,
    Possession = 21, Process = 22, Quantity = 23, Relation = 24, Shape = 25, State = 26, Substance = 27, Time = 28,
}

/// <summary>A noun sense: its words ("Warsaw", "Warszawa"), its class, what it is a kind of (hypernyms), what it
/// is an instance of ("Warsaw" → "national capital") and what it is part of ("Warsaw" → "Poland").</summary>
internal sealed record Synset(int Id, NounClass Class, string[] Lemmas, int[] Hypernyms, int[] InstanceOf, int[] PartOf, int? Born = null, int? Died = null)
{
    public string Name => Lemmas[0].Replace('_', ' ');
    public bool IsInstance => InstanceOf.Length > 0;
    public IEnumerable<int> Parents => InstanceOf.Length > 0 ? InstanceOf : Hypernyms;
}

/// <summary>The nouns of WordNet 3.1: senses of a word, most frequent first, and the relations between senses.</summary>
internal static class WordNet
{
    // The senses are read on another thread while the index is read, the first time either is needed.
    private static readonly Lazy<Task<Dictionary<int, Synset>>> SynsetsLoading = new(() => Task.Run(LoadSynsets));
    private static readonly Lazy<Dictionary<string, int[]>> Index = new(() =>
    {
        _ = SynsetsLoading.Value;
        return LoadIndex();
    });
    private static readonly Lazy<Dictionary<int, Synset>> Synsets = new(() => SynsetsLoading.Value.GetAwaiter().GetResult());
    private static readonly Lazy<Dictionary<int, int[]>> Children = new(LoadChildren);

    public static bool IsNoun(string lemma) => Index.Value.ContainsKey(lemma.ToLowerInvariant());

    /// <summary>The senses of a word or phrase ("nikola tesla", "Warsaw"), most frequent first.</summary>
    public static IReadOnlyList<Synset> Senses(string phrase)
    {
        var key = phrase.Trim().ToLowerInvariant().Replace('_', ' ').Replace('’', '\'');
        // "Temüjin" is WordNet's "Temujin": try the word without its accents too.
        return Index.Value.TryGetValue(key, out var ids) || Index.Value.TryGetValue(WithoutAccents(key), out ids) ? ids.Select(Get).ToList() : [];
    }

    public static Synset Get(int id) => Synsets.Value[id];

    private static string WithoutAccents(string text) =>
        new(text.Normalize(System.Text.NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());

    /// <summary>Every sense above this one (its classes, then theirs), nearest first.</summary>
    public static IEnumerable<Synset> Ancestors(Synset synset, int depth = 12)
    {
        var seen = new HashSet<int>();
        var level = synset.Parents.ToList();
        for (var d = 0; d < depth && level.Count > 0; d++)
        {
            var next = new List<int>();
            foreach (var id in level.Where(seen.Add))
            {
                var s = Get(id);
                yield return s;
                next.AddRange(s.Hypernyms);
            }
            level = next;
        }
    }

    /// <summary>The places a place lies in, nearest first ("Melbourne" → Victoria → Australia).</summary>
    public static IEnumerable<Synset> Containers(Synset place, int depth = 4)
    {
        var level = place.PartOf.Select(Get).ToList();
        for (var d = 0; d < depth && level.Count > 0; d++)
        {
            foreach (var p in level)
            {
                yield return p;
            }
            level = level.SelectMany(p => p.PartOf).Select(Get).ToList();
        }
    }

    /// <summary>Whether <paramref name="synset"/> is a kind or an instance of a sense named <paramref name="className"/>.</summary>
    public static bool IsA(Synset synset, string className) =>
        Ancestors(synset).Any(a => a.Lemmas.Any(l => string.Equals(l, className.Replace(' ', '_'), StringComparison.OrdinalIgnoreCase)));

    /// <summary>The direct kinds and instances of a sense ("chemical element" → oxygen, nitrogen, …).</summary>
    public static IReadOnlyList<Synset> Members(Synset synset) =>
        Children.Value.TryGetValue(synset.Id, out var ids) ? ids.Select(Get).ToList() : [];

    // The two tables hold 118,000 words and 82,000 senses: parsed by hand from spans, they load in a few
    // hundred milliseconds, which a command-line run pays once.
    private static Dictionary<string, int[]> LoadIndex()
    {
        var index = new Dictionary<string, int[]>(120_000, StringComparer.Ordinal);
        foreach (var line in WordData.Lines("wordnet-noun-index.tsv.gz"))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            index[line[..tab].Replace('_', ' ')] = Ids(line.AsSpan(tab + 1));
        }
        return index;
    }

    private static Dictionary<int, Synset> LoadSynsets()
    {
        var synsets = new Dictionary<int, Synset>(85_000);
        Span<Range> f = stackalloc Range[8];
        foreach (var line in WordData.Lines("wordnet-nouns.tsv.gz"))
        {
            var span = line.AsSpan();
            span.Split(f, '\t');
            var years = span[f[6]];
            var dash = years.IndexOf('-');
            var synset = new Synset(Int(span[f[0]]), (NounClass)Int(span[f[1]]), line[f[2]].Split('|'), Ids(span[f[3]]), Ids(span[f[4]]), Ids(span[f[5]]),
                dash > 0 ? Int(years[..dash]) : null, dash >= 0 && dash + 1 < years.Length ? Int(years[(dash + 1)..]) : null);
            synsets[synset.Id] = synset;
        }
        return synsets;
    }

    private static int Int(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int[] Ids(ReadOnlySpan<char> field)
    {
        if (field.IsEmpty)
        {
            return [];
        }
        var ids = new int[field.Count(',') + 1];
        var k = 0;
        foreach (var range in field.Split(','))
        {
            ids[k++] = Int(field[range]);
        }
        return ids;
    }

    private static Dictionary<int, int[]> LoadChildren()
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var s in Synsets.Value.Values)
        {
            foreach (var p in s.Parents)
            {
                if (!children.TryGetValue(p, out var list))
                {
                    children[p] = list = [];
                }
                list.Add(s.Id);
            }
        }
        return children.ToDictionary(kv => kv.Key, kv => kv.Value.Order().ToArray());
    }
}
