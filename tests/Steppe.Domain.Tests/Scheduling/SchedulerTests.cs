using Steppe.Domain.Scheduling;

namespace Steppe.Domain.Tests.Scheduling;

public class SchedulerTests
{
    private static readonly DateTimeOffset Start = new(2022, 11, 29, 12, 30, 0, TimeSpan.Zero);
    private static readonly Scheduler NoFuzz = new(new SchedulerOptions { EnableFuzz = false, DayStartHour = 0 });

    [Fact]
    public void Reviewing_each_time_at_the_due_date_gives_the_reference_intervals()
    {
        // V1: py-fsrs test_review_card, ts-fsrs "ivl_history"
        Rating[] ratings = [Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Again, Rating.Again,
            Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good];
        var card = CardSchedule.New(Start);
        var now = Start;
        var intervals = new List<int>();
        foreach (var rating in ratings)
        {
            card = NoFuzz.Review(card, rating, now);
            intervals.Add(card.ScheduledDays);
            now = card.Due;
        }

        intervals.Should().Equal(0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21);
    }

    [Theory]
    // a new card: Again 1m, Hard the mean of the first two steps (5.5m, rounded half up to 6m), Good the second step, Easy graduates
    [InlineData(Rating.Again, CardState.Learning, 1)]
    [InlineData(Rating.Hard, CardState.Learning, 6)]
    [InlineData(Rating.Good, CardState.Learning, 10)]
    [InlineData(Rating.Easy, CardState.Review, 8 * 24 * 60)]
    public void A_new_card_moves_through_the_learning_steps(Rating rating, CardState state, int minutes)
    {
        var next = NoFuzz.NextStates(CardSchedule.New(Start), Start)[rating];

        next.Card.State.Should().Be(state);
        next.Interval(Start).Should().Be(TimeSpan.FromMinutes(minutes));
    }

    [Fact]
    public void A_lapse_sends_a_review_card_to_relearning_and_counts_it()
    {
        var card = NoFuzz.Review(CardSchedule.New(Start), Rating.Easy, Start);
        var later = card.Due;

        var again = NoFuzz.NextStates(card, later).Again.Card;

        (again.State, again.Lapses, again.Due).Should().Be((CardState.Relearning, 1, later.AddMinutes(10)));
    }

    [Fact]
    public void Hard_good_and_easy_intervals_of_a_review_card_are_strictly_ordered()
    {
        var card = NoFuzz.Review(CardSchedule.New(Start), Rating.Easy, Start);

        var next = NoFuzz.NextStates(card, card.Due.AddDays(2));

        next.Hard.Card.ScheduledDays.Should().BeLessThan(next.Good.Card.ScheduledDays);
        next.Good.Card.ScheduledDays.Should().BeLessThan(next.Easy.Card.ScheduledDays);
    }

    [Theory]
    // the same instant is a different day in Almaty (UTC+5) with a 4 am day start than in UTC at midnight
    [InlineData("UTC", 0, "2024-03-01T23:00:00Z", "2024-03-02T01:00:00Z", 1)]
    [InlineData("UTC", 4, "2024-03-01T23:00:00Z", "2024-03-02T01:00:00Z", 0)]
    // 03:59 local is still the day before when the day starts at 4
    [InlineData("Asia/Almaty", 4, "2024-03-01T20:00:00Z", "2024-03-01T22:59:00Z", 0)]
    [InlineData("Asia/Almaty", 4, "2024-03-01T20:00:00Z", "2024-03-01T23:00:00Z", 1)]
    // across the change to summer time: 04:00 EDT on 10 March to 03:59 EDT on 11 March is still one learner day
    [InlineData("America/New_York", 4, "2024-03-10T08:00:00Z", "2024-03-11T07:59:00Z", 0)]
    [InlineData("America/New_York", 4, "2024-03-10T08:00:00Z", "2024-03-11T08:00:00Z", 1)]
    public void Elapsed_days_are_counted_on_the_learners_calendar(string zone, int dayStart, string from, string to, int days)
    {
        var options = new SchedulerOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone), DayStartHour = dayStart };

        options.ElapsedDays(DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(days);
    }

    [Fact]
    public void The_interval_ordering_never_passes_the_maximum()
    {
        // ts-fsrs would give Good = Hard + 1 and Easy = Good + 1 even when that passes maximum_interval
        var scheduler = new Scheduler(new SchedulerOptions { EnableFuzz = false, DayStartHour = 0, MaximumIntervalDays = 10 });
        var card = scheduler.Review(CardSchedule.New(Start), Rating.Easy, Start);
        card = scheduler.Review(card, Rating.Easy, card.Due);

        var next = scheduler.NextStates(card, card.Due.AddDays(30));

        new[] { next.Hard, next.Good, next.Easy }.Select(o => o.Card.ScheduledDays).Should().AllSatisfy(d => d.Should().BeLessThanOrEqualTo(10));
        next.Easy.Card.ScheduledDays.Should().Be(10);
    }

    [Theory]
    [InlineData(0.69)]
    [InlineData(1.0)]
    public void A_retention_outside_the_allowed_range_is_refused(double retention)
    {
        var act = () => new Scheduler(new SchedulerOptions { DesiredRetention = retention });

        act.Should().Throw<ArgumentException>().WithMessage("*desired retention must be between 0.7 and 0.99*");
    }
}
