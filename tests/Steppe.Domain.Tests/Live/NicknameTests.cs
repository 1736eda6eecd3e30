using Steppe.Domain.Live;

namespace Steppe.Domain.Tests.Live;

public sealed class NicknameTests
{
    [Theory]
    [InlineData("Ann", "Ann")]
    [InlineData("  Ann   Lee \t", "Ann Lee")]               // spaces trimmed and collapsed
    [InlineData("\uFF21\uFF4E\uFF4E", "Ann")]                // full-width letters, NFKC
    [InlineData("Айгерім", "Айгерім")]
    [InlineData("12345678901234567890", "12345678901234567890")] // 20: the most
    [InlineData("👩‍👩‍👧 family", "👩‍👩‍👧 family")]               // an emoji sequence counts as one character
    [InlineData("Dickens", "Dickens")]                        // whole-word-only entries do not catch names
    [InlineData("Analysis", "Analysis")]
    [InlineData("Hancock", "Hancock")]
    public void Accepts_and_normalises(string raw, string expected) => Nickname.Check(raw).Should().Be((expected, (string?)null));

    [Theory]
    [InlineData(null, "Choose a nickname.")]
    [InlineData("   ", "Choose a nickname.")]
    [InlineData("123456789012345678901", "at most 20 characters; this one has 21")]
    [InlineData("a\u200Bb", "U+200B")]                        // zero-width space
    [InlineData("bell\u0007", "U+0007")]
    [InlineData("\u202Egnp.exe", "U+202E")]                   // right-to-left override
    [InlineData("Sh1t happens", "another nickname")]
    [InlineData("F U C K", "another nickname")]
    [InlineData("big dick", "another nickname")]
    public void Refuses_with_a_reason(string? raw, string reason)
    {
        var (name, error) = Nickname.Check(raw);

        name.Should().BeNull();
        error.Should().Contain(reason);
    }

    [Theory]
    [InlineData("Swift Saiga", "swift SAIGA", true)]
    [InlineData("Ann", "A\u200Dnn", true)]
    [InlineData("Alice", "\u0410lice", true)]   // a Cyrillic А
    [InlineData("Alice", "Al\u0130ce", true)]   // a Turkish dotted İ
    [InlineData("Alice", "A1ice", true)]         // a digit one for an l
    [InlineData("Olga", "0lga", true)]           // a zero for an O
    [InlineData("Emma", "Ernrna", true)]         // rn for m
    [InlineData("Zoë", "Zoe", true)]             // accents ignored
    [InlineData("\u0391\u03b9\u03bd\u03b5\u03b9\u03b1\u03c2", "Aiveias", false)] // Greek is not Latin
    [InlineData("Ann", "Anna", false)]
    [InlineData("Bob", "Rob", false)]
    [InlineData("Айгерим", "Aйгерим", true)]     // a Latin A among Cyrillic
    public void Names_that_look_the_same_share_a_key(string a, string b, bool same)
    {
        (Nickname.Key(a) == Nickname.Key(b)).Should().Be(same, $"'{a}' and '{b}'");
    }

    [Fact]
    public void Suggestions_are_valid_and_free()
    {
        var random = new Random(3);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < 700; i++) // more than the 576 two-word names: the numbered fallback is used too
        {
            var name = Nickname.Suggest(random, taken.Contains);
            Nickname.Check(name).Should().Be((name, (string?)null));
            taken.Add(name).Should().BeTrue();
        }
    }
}
