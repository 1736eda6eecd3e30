namespace Steppe.Domain.Generation.Language;

/// <summary>Base forms of English words: WordNet's exception lists first ("began" → "begin", "children" →
/// "child"), then its detachment rules checked against its lemma lists ("sued" → "sue", not "su"), as
/// WordNet's own morphy does; then a doubled final consonant ("stopped" → "stop").</summary>
internal static class Morphology
{
    private static readonly Lazy<HashSet<string>> VerbLemmas = new(() => WordData.Set("verbs.txt"));
    private static readonly Lazy<HashSet<string>> Adjectives = new(() => WordData.Set("adjectives.txt"));
    private static readonly Lazy<HashSet<string>> Adverbs = new(() => WordData.Set("adverbs.txt"));
    private static readonly Lazy<Dictionary<string, string>> VerbExceptions = new(() => WordData.Pairs("verb-exceptions.tsv", StringComparer.Ordinal));
    private static readonly Lazy<Dictionary<string, string>> NounExceptions = new(() => WordData.Pairs("noun-exceptions.tsv", StringComparer.Ordinal));

    private static readonly (string Suffix, string Ending)[] VerbRules =
        [("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")];

    private static readonly (string Suffix, string Ending)[] NounRules =
        [("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y"), ("s", "")];

    public static bool IsVerb(string lemma) => VerbLemmas.Value.Contains(lemma);

    public static bool IsAdjective(string word) => Adjectives.Value.Contains(word);

    public static bool IsAdverb(string word) => Adverbs.Value.Contains(word);

    /// <summary>The base form of a verb ("sued" → "sue", "took" → "take", "carries" → "carry"), or null when
    /// the word is no form of a known verb.</summary>
    public static string? VerbLemma(string word)
    {
        var lower = word.ToLowerInvariant();
        if (VerbExceptions.Value.TryGetValue(lower, out var irregular))
        {
            return irregular;
        }
        if (IsVerb(lower) && !lower.EndsWith("ed", StringComparison.Ordinal))
        {
            return lower;
        }
        foreach (var (suffix, ending) in VerbRules)
        {
            if (lower.Length > suffix.Length + 1 && lower.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = lower[..^suffix.Length];
                if (IsVerb(stem + ending))
                {
                    return stem + ending;
                }
                // "stopped", "planning": a doubled final consonant.
                if (ending.Length == 0 && suffix is "ed" or "ing" && stem.Length > 2 && stem[^1] == stem[^2] && IsVerb(stem[..^1]))
                {
                    return stem[..^1];
                }
            }
        }
        return IsVerb(lower) ? lower : null;
    }

    /// <summary>The singular of a noun ("mice" → "mouse", "countries" → "country"), or the word itself.</summary>
    public static string Singular(string word)
    {
        var lower = word.ToLowerInvariant();
        if (NounExceptions.Value.TryGetValue(lower, out var irregular))
        {
            return irregular;
        }
        if (WordNet.IsNoun(lower) && !lower.EndsWith('s'))
        {
            return lower;
        }
        foreach (var (suffix, ending) in NounRules)
        {
            if (lower.Length > suffix.Length + 1 && lower.EndsWith(suffix, StringComparison.Ordinal) && WordNet.IsNoun(lower[..^suffix.Length] + ending))
            {
                return lower[..^suffix.Length] + ending;
            }
        }
        return lower;
    }

    /// <summary>Whether a word is a past form: regular ("moved") or in the exception list ("took", "begun").</summary>
    public static bool IsPastForm(string word) =>
        word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || VerbExceptions.Value.ContainsKey(word.ToLowerInvariant());
}
