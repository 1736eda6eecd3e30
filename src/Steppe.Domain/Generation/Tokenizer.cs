using System.Text.RegularExpressions;

namespace Steppe.Domain.Generation;

/// <summary>A word, number or punctuation mark of a sentence, with its offset in the sentence.</summary>
public sealed record Token(string Text, int Start)
{
    public int End => Start + Text.Length;
    public int Length => Text.Length;
    public bool IsWord => char.IsLetterOrDigit(Text[0]);
    public bool IsNumber => char.IsDigit(Text[0]);
    public bool IsCapitalized => char.IsUpper(Text[0]);
    public string Lower => Text.ToLowerInvariant();
}

public static partial class Tokenizer
{
    // Words may hold inner hyphens, apostrophes and dots ("EXPO-2017", "Kazakhstan’s", "U.S."); numbers
    // hold thousands separators and decimals ("1,200", "42.8"); a decade is one token ("the 1890s").
    [GeneratedRegex(@"\d+(?:[.,]\d+)*(?:st|nd|rd|th|s(?!\p{L}))?|[\p{L}\p{M}]+(?:[-'’.][\p{L}\p{M}\d]+)*|\S")]
    private static partial Regex TokenPattern();

    public static IReadOnlyList<Token> Tokens(string text) =>
        TokenPattern().Matches(text).Select(m => new Token(m.Value, m.Index)).ToList();
}
