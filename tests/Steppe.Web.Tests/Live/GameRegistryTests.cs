using Steppe.Domain.Banks;
using Steppe.Domain.Live;
using Steppe.Web.Live;

namespace Steppe.Web.Tests.Live;

public sealed class GameRegistryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly Question[] Quiz = [new TrueFalseQuestion { Id = "q", Prompt = "Astana is the capital.", Answer = true }];

    [Theory]
    [InlineData(29, null, 0)]     // ended 29 minutes ago: a late phone can still get its summary
    [InlineData(31, null, 1)]     // ended 31 minutes ago: forgotten (its results are stored)
    [InlineData(null, 11 * 60, 0)] // open for 11 hours
    [InlineData(null, 13 * 60, 1)] // never ended, 13 hours: forgotten
    public void Finished_and_abandoned_games_are_forgotten(int? endedMinutesAgo, int? createdMinutesAgo, int removed)
    {
        var registry = new GameRegistry();
        var now = T0.AddHours(24);
        var hosted = registry.Create("host", "Bank", new GameSettings(), Quiz, now.AddMinutes(-(createdMinutesAgo ?? 60)));
        if (endedMinutesAgo is { } ago)
        {
            hosted.EndedAt = now.AddMinutes(-ago);
        }

        registry.Sweep(now).Should().Be(removed);
        (registry.Find(hosted.Pin) is null).Should().Be(removed == 1);
    }

    [Fact]
    public void An_ordering_question_is_shuffled_once_and_never_in_the_answers_order()
    {
        var hosted = new GameRegistry().Create("host", "Bank", new GameSettings(), Quiz, T0);
        string[] answer = ["a", "b"];

        var first = hosted.ItemsFor(0, answer);

        first.Should().Equal("b", "a");
        hosted.ItemsFor(0, answer).Should().BeSameAs(first, "a phone that rejoins sees the same list");
    }
}
