using CsCheck;
using Steppe.Domain.Scheduling;

namespace Steppe.Domain.Tests.Scheduling;

/// <summary>Properties over 10,000 generated histories per test (CsCheck, fixed seeds, one iteration of a
/// fixed-seed array so every run checks the same histories).</summary>
public class SchedulerPropertyTests
{
    private const int Histories = 10_000;
    private static readonly DateTimeOffset Origin = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed record History(SchedulerOptions Options, long CardId, (Rating Rating, int GapMinutes)[] Reviews);

    private static readonly Gen<int> Gap = Gen.OneOf(
        Gen.Int[1, 180],                 // within a learning session
        Gen.Int[180, 1440],              // later the same day or overnight
        Gen.Int[1440, 1440 * 40],        // days to weeks
        Gen.Int[1440 * 40, 1440 * 900]); // long breaks, overdue cards

    private static readonly Gen<SchedulerOptions> Options =
        Gen.Select(Gen.Bool, Gen.Double[0.70, 0.99], Gen.OneOf(1, 2, 10, 365, 36500), Gen.Int[0, 23], Gen.Int[0, 3])
            .Select((fuzz, retention, max, dayStart, steps) => new SchedulerOptions
            {
                EnableFuzz = fuzz,
                DesiredRetention = retention,
                MaximumIntervalDays = max,
                DayStartHour = dayStart,
                LearningSteps = Enumerable.Range(1, steps).Select(i => TimeSpan.FromMinutes(i * i * 5)).ToList(),
                RelearningSteps = steps == 0 ? [] : [TimeSpan.FromMinutes(10)],
            });

    private static readonly Gen<History> AHistory =
        Gen.Select(Options, Gen.Long[1, long.MaxValue / 2], Gen.Select(Gen.Int[1, 4], Gap).Array[1, 30])
            .Select((options, id, reviews) => new History(options, id, reviews.Select(r => ((Rating)r.Item1, r.Item2)).ToArray()));

    private static void ForEachReview(string seed, Action<History, CardSchedule, ReviewLogEntry, ReviewOutcome, List<ReviewLogEntry>> check)
    {
        AHistory.Array[Histories].Sample(histories =>
        {
            foreach (var history in histories)
            {
                var scheduler = new Scheduler(history.Options);
                var card = CardSchedule.New(Origin);
                var now = Origin;
                var log = new List<ReviewLogEntry>();
                foreach (var (rating, gap) in history.Reviews)
                {
                    now = now.AddMinutes(gap);
                    var review = new ReviewLogEntry(history.CardId, rating, now);
                    var outcome = scheduler.NextStates(card, now, history.CardId)[rating];
                    log.Add(review);
                    check(history, card, review, outcome, log);
                    card = outcome.Card;
                }
            }
        }, seed: seed, iter: 1, threads: 1);
    }

    [Fact]
    public void The_state_after_each_review_equals_the_fold_of_the_log()
    {
        ForEachReview("0000jrWsZs71", (history, _, _, outcome, log) =>
            Replay.Fold(new Scheduler(history.Options), log, Origin).Should().Be(outcome.Card));
    }

    [Fact]
    public void Every_answer_schedules_the_card_after_the_review()
    {
        ForEachReview("0001kQ3tAb92", (_, _, review, outcome, _) =>
        {
            outcome.Card.Due.Should().BeAfter(review.Time);
            outcome.Card.LastReview.Should().Be(review.Time);
        });
    }

    [Fact]
    public void Day_intervals_stay_between_one_day_and_the_maximum()
    {
        ForEachReview("0002Zx81mPq0", (history, _, _, outcome, _) =>
        {
            if (outcome.Card.State == CardState.Review)
            {
                outcome.Card.ScheduledDays.Should().BeInRange(1, history.Options.MaximumIntervalDays);
            }
        });
    }

    [Fact]
    public void Difficulty_and_stability_stay_within_their_bounds()
    {
        ForEachReview("0003Hh7pLw55", (_, _, _, outcome, _) =>
        {
            var memory = outcome.Card.Memory!.Value;
            memory.Difficulty.Should().BeInRange(1.0, 10.0);
            memory.Stability.Should().BeInRange(ParameterBounds.StabilityMin, ParameterBounds.StabilityMax);
        });
    }

    [Fact]
    public void Reviews_and_lapses_count_what_happened()
    {
        ForEachReview("0004Qa2sTn18", (_, before, review, outcome, log) =>
        {
            outcome.Card.Reviews.Should().Be(log.Count);
            var lapsed = before.State == CardState.Review && review.Rating == Rating.Again;
            outcome.Card.Lapses.Should().Be(before.Lapses + (lapsed ? 1 : 0));
        });
    }
}
