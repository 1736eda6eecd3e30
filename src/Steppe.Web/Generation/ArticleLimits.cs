using Steppe.Domain.Generation;

namespace Steppe.Web.Generation;

/// <summary>The input checks the web API adds before an article reaches the generator, so that its work stays
/// linear in the text: no sentence longer than <see cref="GenerationLimits.MaxSentenceCharacters"/>, found with the
/// generator's own splitter (paragraphs are lines; a sentence never crosses one).</summary>
public static class ArticleLimits
{
    /// <summary>Why the article is refused, saying where; null when it may be generated.</summary>
    public static string? SentenceProblem(string text, int maxCharacters)
    {
        var paragraph = 0;
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }
            paragraph++;
            if (trimmed.Length <= maxCharacters)
            {
                continue; // a sentence is no longer than its paragraph
            }
            foreach (var (start, length) in SentenceSplitter.Split(trimmed))
            {
                if (length > maxCharacters)
                {
                    var opening = trimmed.Substring(start, Math.Min(60, length));
                    return $"paragraph {paragraph} has a sentence of {length:N0} characters (it begins “{opening}…”); " +
                        $"a sentence may be up to {maxCharacters:N0} characters: end it with a full stop, or split the text into paragraphs";
                }
            }
        }
        return null;
    }
}
