using Steppe.Domain.Scheduling;

namespace Steppe.Domain.Tests.Scheduling;

public class FuzzTests
{
    [Theory]
    // Anki's fuzz table vectors (fuzz.rs with_review_fuzz): interval, minimum, maximum → result at factor 0, 0.5, 0.99
    [InlineData(1.0, 1, 1000, 1, 1, 1)]
    [InlineData(2.49, 1, 1000, 2, 2, 2)]
    [InlineData(2.5, 1, 1000, 2, 3, 4)]
    [InlineData(7.0, 1, 1000, 5, 7, 9)]
    [InlineData(17.0, 1, 1000, 14, 17, 20)]
    [InlineData(37.0, 1, 1000, 33, 37, 41)]
    [InlineData(2.0, 2, 1000, 2, 2, 2)]
    [InlineData(2.0, 3, 1000, 3, 4, 4)]
    [InlineData(2.0, 3, 3, 3, 3, 3)]
    [InlineData(6.9, 3, 1000, 5, 7, 9)]
    [InlineData(7.0, 3, 1000, 5, 7, 9)]
    [InlineData(7.1, 3, 1000, 5, 7, 9)]
    [InlineData(19.9, 3, 1000, 17, 20, 23)]
    [InlineData(20.0, 3, 1000, 17, 20, 23)]
    [InlineData(20.1, 3, 1000, 17, 20, 23)]
    [InlineData(100.0, 101, 1000, 101, 105, 108)]
    [InlineData(100.0, 1, 99, 92, 96, 99)]
    [InlineData(100.0, 97, 103, 97, 100, 103)]
    public void Fuzzed_intervals_match_ankis_table(double interval, int minimum, int maximum, int at0, int atHalf, int at99)
    {
        Fuzz.Apply(interval, minimum, maximum, 0.0).Should().Be(at0);
        Fuzz.Apply(interval, minimum, maximum, 0.5).Should().Be(atHalf);
        Fuzz.Apply(interval, minimum, maximum, 0.99).Should().Be(at99);
    }

    [Theory]
    // without a factor: rounded and clamped
    [InlineData(1.5, 1, 100, 2)]
    [InlineData(0.1, 1, 100, 1)]
    [InlineData(101.0, 1, 100, 100)]
    public void Without_fuzz_an_interval_is_rounded_and_clamped(double interval, int minimum, int maximum, int expected)
    {
        Fuzz.Apply(interval, minimum, maximum, null).Should().Be(expected);
    }

    [Fact]
    public void The_fuzz_factor_depends_only_on_the_card_and_its_review_count_and_spreads_evenly()
    {
        Fuzz.Factor(42, 3).Should().Be(Fuzz.Factor(42, 3));
        Fuzz.Factor(42, 3).Should().NotBe(Fuzz.Factor(42, 4));
        var factors = Enumerable.Range(0, 10_000).Select(i => Fuzz.Factor(i, 5)).ToList();
        factors.Should().OnlyContain(f => f >= 0 && f < 1);
        factors.Average().Should().BeApproximately(0.5, 0.01);
    }

    [Fact]
    public void With_fuzz_on_the_preview_the_answer_and_a_replay_give_the_same_interval()
    {
        var scheduler = new Scheduler(new SchedulerOptions { EnableFuzz = true });
        var start = new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
        const long cardId = 1_736_154_000_123;
        var log = new List<ReviewLogEntry>();
        var card = CardSchedule.New(start);
        var now = start;
        Rating[] ratings = [Rating.Good, Rating.Good, Rating.Good, Rating.Hard, Rating.Easy, Rating.Again, Rating.Good, Rating.Good];
        var fuzzed = 0;
        foreach (var rating in ratings)
        {
            var preview = scheduler.NextStates(card, now, cardId)[rating].Card;
            var answered = scheduler.Review(card, rating, now, cardId);
            answered.Should().Be(preview, "the button label promised this interval");
            log.Add(new ReviewLogEntry(cardId, rating, now));
            Replay.Fold(scheduler, log, start).Should().Be(answered, "the log alone gives the same state");
            if (answered.State == CardState.Review && answered.ScheduledDays != new Scheduler(scheduler.Options with { EnableFuzz = false }).Review(card, rating, now, cardId).ScheduledDays)
            {
                fuzzed++;
            }
            card = answered;
            now = card.Due.AddHours(3);
        }
        fuzzed.Should().BeGreaterThan(0, "fuzz moved at least one interval of this history");
    }
}
