using System.Globalization;
using Steppe.Domain.Scheduling;

namespace Steppe.Domain.Tests.Scheduling;

/// <summary>Replays agree with ts-fsrs 5.4.2 (fuzz off) on every review of the committed reference histories
/// (tests/reference/ts-fsrs/generate-replays.mjs wrote them).</summary>
public class ReferenceReplayTests
{
    private static string Reference(string file) => Path.Combine(AppContext.BaseDirectory, "Scheduling", "Reference", file);

    public static TheoryData<string, SchedulerOptions> Sets => new()
    {
        { "defaults", new SchedulerOptions { EnableFuzz = false, DayStartHour = 0 } },
        {
            "custom-settings", new SchedulerOptions
            {
                EnableFuzz = false,
                DayStartHour = 0,
                DesiredRetention = 0.85,
                MaximumIntervalDays = 365,
                LearningSteps = [TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1)],
                RelearningSteps = [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)],
                Parameters = FsrsParameters.Fsrs6([0.3, 1.1, 2.9, 9.5, 6.2, 0.7, 2.8, 0.01, 1.7, 0.2, 0.9, 1.6, 0.05, 0.3, 1.5, 0.5, 2.1, 0.4, 0.1, 0.05, 0.2], relearningSteps: 2),
            }
        },
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_review_has_the_state_due_time_stability_and_difficulty_of_ts_fsrs(string set, SchedulerOptions options)
    {
        using var reviews = File.OpenText(Reference($"{set}.reviews.csv"));
        var log = ReviewLogCsv.Read(reviews);
        var expected = File.ReadAllLines(Reference($"{set}.ts-fsrs.csv")).Skip(1).Select(l => l.Split(',')).ToList();

        var replayed = Replay.All(new Scheduler(options), log);

        replayed.Should().HaveCount(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (review, outcome) = replayed[i];
            var row = expected[i];
            var because = $"row {i + 2} of {set}: card {row[0]} at {row[1]}";
            review.CardId.Should().Be(long.Parse(row[0], CultureInfo.InvariantCulture), because);
            outcome.Card.State.ToString().Should().Be(row[3], because);
            outcome.Card.ScheduledDays.Should().Be(int.Parse(row[6], CultureInfo.InvariantCulture), because);
            outcome.Card.Due.Should().BeCloseTo(DateTimeOffset.Parse(row[7], CultureInfo.InvariantCulture), TimeSpan.FromSeconds(1), because);
            ShouldAgree(outcome.Card.Memory!.Value.Stability, row[4], because + " (stability)");
            ShouldAgree(outcome.Card.Memory.Value.Difficulty, row[5], because + " (difficulty)");
        }
    }

    [Fact]
    public void The_reference_covers_at_least_500_histories_and_10000_reviews_with_every_rating()
    {
        using var reviews = File.OpenText(Reference("defaults.reviews.csv"));
        var log = ReviewLogCsv.Read(reviews);

        log.Select(r => r.CardId).Distinct().Should().HaveCountGreaterThanOrEqualTo(500);
        log.Should().HaveCountGreaterThanOrEqualTo(10_000);
        log.Select(r => r.Rating).Distinct().Should().HaveCount(4);
    }

    /// <summary>Within 1e-6 relative, or 1e-8 absolute: ts-fsrs rounds every value to 8 decimals, which is
    /// more than 1e-6 relative for a stability near its 0.001 floor.</summary>
    private static void ShouldAgree(double actual, string expectedText, string because)
    {
        var expected = double.Parse(expectedText, CultureInfo.InvariantCulture);
        var tolerance = Math.Max(1e-6 * Math.Abs(expected), 1e-8);
        actual.Should().BeApproximately(expected, tolerance, because);
    }
}
