using Steppe.Domain.Banks;
using Steppe.Domain.Live;

namespace Steppe.Domain.Tests.Live;

public sealed class GameQuestionsTests
{
    private static readonly Question[] Bank =
    [
        new TrueFalseQuestion { Id = "a", Prompt = "A", Answer = true, Themes = ["trade"] },
        new TrueFalseQuestion { Id = "b", Prompt = "B", Answer = true, Themes = ["energy"] },
        new TrueFalseQuestion { Id = "c", Prompt = "C", Answer = true, Themes = ["trade", "energy"] },
        new TrueFalseQuestion { Id = "d", Prompt = "D", Answer = true },
    ];

    public static TheoryData<string[]?, string[]?, string[]> Rows => new()
    {
        { null, null, ["a", "b", "c", "d"] },
        { ["trade"], null, ["a", "c"] },
        { ["energy", "trade"], null, ["a", "b", "c"] },
        { null, ["d", "a"], ["d", "a"] },         // a picked list keeps the order picked
        { null, ["b", "b", "a"], ["b", "a"] },    // once each
        { ["energy"], ["a", "c", "d"], ["c"] },   // both: picked and of the themes
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Chooses_by_theme_and_by_pick(string[]? themes, string[]? ids, string[] expected)
    {
        var (questions, error) = GameQuestions.Choose(Bank, themes, ids, shuffle: false, new Random(1));

        error.Should().BeNull();
        questions!.Select(q => q.Id).Should().Equal(expected);
    }

    [Theory]
    [InlineData(new[] { "war" }, null, "theme 'war'")]
    [InlineData(null, new[] { "a", "zz" }, "no question 'zz'")]
    [InlineData(new[] { "trade" }, new[] { "b", "d" }, "No question of this bank matches")]
    public void Names_what_cannot_be_found(string[]? themes, string[]? ids, string expected)
    {
        var (questions, error) = GameQuestions.Choose(Bank, themes, ids, shuffle: false, new Random(1));

        questions.Should().BeNull();
        error.Should().Contain(expected);
    }

    [Fact]
    public void Shuffling_keeps_every_question_once_and_follows_the_seed()
    {
        var first = GameQuestions.Choose(Bank, null, null, shuffle: true, new Random(7)).Questions!.Select(q => q.Id).ToList();
        var again = GameQuestions.Choose(Bank, null, null, shuffle: true, new Random(7)).Questions!.Select(q => q.Id).ToList();
        var orders = Enumerable.Range(0, 20).Select(seed => string.Concat(GameQuestions.Choose(Bank, null, null, true, new Random(seed)).Questions!.Select(q => q.Id))).ToHashSet();

        first.Should().BeEquivalentTo(["a", "b", "c", "d"]);
        again.Should().Equal(first);
        orders.Should().HaveCountGreaterThan(3, "twenty seeds give different orders");
    }
}
