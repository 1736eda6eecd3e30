using System.Globalization;
using System.Text;

namespace Steppe.Domain.Live;

/// <summary>Players' nicknames: normalised (NFKC, spaces collapsed), 1–20 characters as a reader counts them
/// (grapheme clusters, so an emoji is one), no control or invisible formatting characters, not one of a small
/// list of offensive words (also when spelled with digits for letters). Two nicknames are the same when
/// they match ignoring case.</summary>
public static class Nickname
{
    public const int MaxLength = 20;

    /// <summary>The nickname as it will be shown, or the reason it is refused.</summary>
    public static (string? Name, string? Error) Check(string? raw)
    {
        if (raw is null)
        {
            return (null, "Choose a nickname.");
        }
        var text = raw.Normalize(NormalizationForm.FormKC);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned)
            {
                if (rune.Value is '\t' or '\n' or '\r' or Zwnj or Zwj)
                {
                    continue; // whitespace is collapsed below; joiners build emoji sequences and some scripts' letters
                }
                return (null, $"A nickname cannot contain the invisible character U+{rune.Value:X4}.");
            }
        }
        var name = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var length = new StringInfo(name).LengthInTextElements;
        if (length == 0)
        {
            return (null, "Choose a nickname.");
        }
        if (length > MaxLength)
        {
            return (null, $"A nickname has at most {MaxLength} characters; this one has {length}.");
        }
        if (IsOffensive(name))
        {
            return (null, "Please choose another nickname.");
        }
        return (name, null);
    }

    private const int Zwnj = 0x200C;
    private const int Zwj = 0x200D;

    /// <summary>The key two nicknames share when they count as the same: case and joiners ignored, so that
    /// "Ann" cannot be taken again as "ANN" or with an invisible joiner inside.</summary>
    public static string Key(string name) => name.Replace("\u200C", "", StringComparison.Ordinal).Replace("\u200D", "", StringComparison.Ordinal).ToUpperInvariant();

    private static readonly string[] Blocked =
    [
        "fuck", "fuk", "fck", "shit", "cunt", "bitch", "bastard", "dick", "cock", "pussy", "whore", "slut",
        "nigger", "nigga", "faggot", "fag", "retard", "rape", "rapist", "nazi", "hitler", "wank", "twat", "penis",
        "vagina", "porn", "anal", "asshole", "arsehole", "motherfucker", "kys",
    ];

    // Words whose letters also appear inside ordinary words ("Scunthorpe", "Dickens", "analysis") are
    // matched as whole words only; the rest anywhere.
    private static readonly HashSet<string> WholeWordOnly = ["fag", "dick", "cock", "anal", "rape", "kys", "nazi", "twat", "porn"];

    private static bool IsOffensive(string name)
    {
        var plain = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            plain.Append(c switch { '0' => 'o', '1' or '!' or '|' => 'i', '3' => 'e', '4' or '@' => 'a', '5' or '$' => 's', '7' => 't', _ => c });
        }
        var words = new string(plain.ToString().Select(c => char.IsLetter(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var joined = string.Concat(words);
        return Blocked.Any(b => WholeWordOnly.Contains(b) ? words.Contains(b) : joined.Contains(b, StringComparison.Ordinal));
    }

    private static readonly string[] Adjectives =
    [
        "Brave", "Calm", "Clever", "Curious", "Eager", "Gentle", "Happy", "Jolly", "Kind", "Lively", "Lucky", "Merry",
        "Nimble", "Polite", "Proud", "Quick", "Quiet", "Sunny", "Swift", "Witty", "Bold", "Bright", "Keen", "Steady",
    ];

    private static readonly string[] Animals =
    [
        "Badger", "Camel", "Eagle", "Falcon", "Fox", "Gazelle", "Hare", "Heron", "Ibex", "Lynx", "Marmot", "Otter",
        "Owl", "Panda", "Saiga", "Snow Leopard", "Sparrow", "Stork", "Tiger", "Wolf", "Yak", "Crane", "Horse", "Lark",
    ];

    /// <summary>A friendly two-word nickname ("Swift Saiga") not yet taken in the game; the randomness comes
    /// from the caller.</summary>
    public static string Suggest(Random random, Func<string, bool> isTaken)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var name = $"{Adjectives[random.Next(Adjectives.Length)]} {Animals[random.Next(Animals.Length)]}";
            if (!isTaken(name))
            {
                return name;
            }
        }
        for (var n = 2; ; n++)
        {
            var name = $"{Adjectives[random.Next(Adjectives.Length)]} {Animals[random.Next(Animals.Length)]} {n}";
            if (new StringInfo(name).LengthInTextElements <= MaxLength && !isTaken(name))
            {
                return name;
            }
        }
    }
}
