using System.Text.RegularExpressions;

namespace Steppe.Domain.Banks;

/// <summary>The limits and patterns of format v1, shared by the reader, the writer's callers and the
/// JSON Schema (question-bank/schema/question-bank.schema.json says the same; a test keeps them agreed).</summary>
public static partial class BankRules
{
    public const int MaxIdLength = 100;
    public const int MinChoices = 2;
    public const int MaxChoices = 6;
    public const int MinOrderingItems = 2;
    public const int MinTimeLimitSeconds = 5;
    public const int MaxTimeLimitSeconds = 240;
    public static readonly IReadOnlyList<int> AllowedPoints = [0, 1000, 2000];
    public const int MaxAltLength = 300;

    /// <summary>A picture's file in the bank's media: "media/" then a plain file name with an image extension.</summary>
    [GeneratedRegex("^media/[A-Za-z0-9][A-Za-z0-9._-]{0,127}\\.(png|jpg|jpeg|webp|gif|PNG|JPG|JPEG|WEBP|GIF)$")]
    public static partial Regex MediaSrc();

    /// <summary>Lower-case words of letters and digits joined by single hyphens.</summary>
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex Slug();

    /// <summary>A BCP 47 language tag, loosely: "en", "kk", "zh-Hans", "en-GB".</summary>
    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    public static partial Regex LanguageTag();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    public static partial Regex Sha256();

    /// <summary>Counts the blanks of a cloze prompt: runs of two or more underscores. A valid prompt has
    /// one run, of exactly four.</summary>
    [GeneratedRegex("_{2,}")]
    public static partial Regex UnderscoreRun();

    public static bool IsBlank(string text) => string.IsNullOrWhiteSpace(text);
}
