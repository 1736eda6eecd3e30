using System.Globalization;
using System.Text;

namespace Steppe.Domain.Live;

/// <summary>Players' nicknames: normalised (NFKC, spaces collapsed), 1–20 characters as a reader counts them
/// (grapheme clusters, so an emoji is one), no control or invisible formatting characters, not one of a small
/// list of offensive words (also when spelled with digits for letters). Two nicknames are the same when they
/// look the same (<see cref="Key"/>).</summary>
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

    /// <summary>The key two nicknames share when they look the same: joiners, case and accents ignored, and each
    /// character replaced by its prototype among Unicode's confusables (the skeleton of Unicode Technical Standard
    /// #39), so that "Alice" cannot be taken again as "ALICE", as "Аlice" with a Cyrillic А, as "Alİce" or as
    /// "A1ice".</summary>
    public static string Key(string name)
    {
        var text = name.Replace("\u200C", "", StringComparison.Ordinal).Replace("\u200D", "", StringComparison.Ordinal);
        // Twice: a prototype may be a letter of the other case ("0" → "O"), which folds and maps again.
        for (var round = 0; round < 2; round++)
        {
            text = Skeleton(text.Normalize(NormalizationForm.FormD).ToLowerInvariant()); // "İ" is I + a dot: lower-cased apart
        }
        return text.ToUpperInvariant();
    }

    /// <summary>NFD, each character by its confusable prototype, NFD again, without combining marks.</summary>
    private static string Skeleton(string text)
    {
        var mapped = new StringBuilder(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            var key = rune.ToString();
            mapped.Append(Confusables.Value.TryGetValue(key, out var prototype) ? prototype : key);
        }
        var decomposed = mapped.ToString().Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
    }

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Confusables = new(() =>
    {
        using var stream = typeof(Nickname).Assembly.GetManifestResourceStream("Steppe.Data.confusables.json")!;
        return System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
    });

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
