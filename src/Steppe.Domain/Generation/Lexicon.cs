namespace Steppe.Domain.Generation;

/// <summary>Word lists the generator reasons with: no model, no download. English only.</summary>
internal static class Lexicon
{
    public static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "into", "onto",
        "about", "over", "under", "between", "through", "during", "before", "after", "above", "below", "up", "down", "out", "off",
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did", "will", "would",
        "shall", "should", "can", "could", "may", "might", "must", "this", "that", "these", "those", "it", "its", "it's", "they", "them",
        "their", "theirs", "he", "him", "his", "she", "her", "hers", "we", "us", "our", "ours", "you", "your", "yours", "i", "me", "my",
        "mine", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more",
        "most", "other", "some", "such", "no", "not", "only", "own", "same", "so", "than", "too", "very", "just", "also", "there",
        "here", "then", "once", "again", "further", "while", "if", "because", "until", "against", "among", "per", "via", "upon",
        "within", "without", "across", "along", "around", "toward", "towards", "since", "yet", "still", "even", "already", "one",
        "new", "many", "much", "well", "like", "said", "says", "according", "however", "thus", "therefore", "although", "though",
        "whether", "either", "neither", "every", "another", "including", "include", "includes", "included", "made", "make", "makes",
    };

    public static readonly string[] ScaleWords = ["thousand", "million", "billion", "trillion"];

    public static readonly HashSet<string> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    };

    public static readonly Dictionary<string, int> OrdinalWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12,
    };
}
