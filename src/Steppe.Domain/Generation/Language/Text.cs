namespace Steppe.Domain.Generation.Language;

/// <summary>Whole-word searches in text.</summary>
internal static class Text
{
    /// <summary>Whether <paramref name="part"/> occurs in <paramref name="text"/> as whole words, ignoring case.</summary>
    public static bool ContainsWord(string text, string part) => IndexOfWord(text, part) >= 0;

    public static int IndexOfWord(string text, string part, int from = 0)
    {
        if (part.Length == 0)
        {
            return -1;
        }
        for (var i = text.IndexOf(part, from, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var after = i + part.Length >= text.Length || !char.IsLetterOrDigit(text[i + part.Length]);
            if (before && after)
            {
                return i;
            }
        }
        return -1;
    }

    public static int CountWord(string text, string part)
    {
        var count = 0;
        for (var i = IndexOfWord(text, part); i >= 0; i = IndexOfWord(text, part, i + 1))
        {
            count++;
        }
        return count;
    }

    /// <summary>The words of a text, lower-case, without punctuation.</summary>
    public static IEnumerable<string> Words(string text) =>
        Tokenizer.Tokens(text).Where(t => t.IsWord).Select(t => t.Lower.TrimEnd('.'));
}
