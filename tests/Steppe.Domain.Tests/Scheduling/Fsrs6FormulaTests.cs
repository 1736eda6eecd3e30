using Steppe.Domain.Scheduling;

namespace Steppe.Domain.Tests.Scheduling;

/// <summary>The upstream test vectors of fsrs-rs, py-fsrs and ts-fsrs (docs/fsrs.md §2), default parameters.</summary>
public class Fsrs6FormulaTests
{
    private static readonly double[] W = [.. FsrsParameters.Default.W];

    [Theory]
    // V10: fsrs-rs model.rs test_power_forgetting_curve
    [InlineData(0, 1, 1.0)]
    [InlineData(1, 2, 0.9403443)]
    [InlineData(2, 3, 0.9253786)]
    [InlineData(3, 4, 0.9185229)]
    // R(S, S) = 0.9 whatever the decay
    [InlineData(4, 4, 0.9)]
    [InlineData(5, 2, 0.8261359)]
    [InlineData(2, 1, 0.8458846447796301)]
    [InlineData(3, 1, 0.8093881028681906)]
    public void Retrievability_follows_the_power_forgetting_curve(double days, double stability, double expected)
    {
        Fsrs6.Retrievability(W, days, stability).Should().BeApproximately(expected, 1e-6);
    }

    [Theory]
    // V11: fsrs-rs inference.rs test_next_interval, S = 1, round(interval).max(1)
    [InlineData(0.2, 34793)]
    [InlineData(0.3, 2508)]
    [InlineData(0.4, 387)]
    [InlineData(0.5, 90)]
    [InlineData(0.6, 27)]
    [InlineData(0.7, 9)]
    [InlineData(0.8, 3)]
    [InlineData(0.9, 1)]
    [InlineData(1.0, 1)]
    public void The_interval_for_a_desired_retention_matches_fsrs_rs(double retention, int days)
    {
        Math.Max(1, (int)Math.Round(Fsrs6.Interval(W, 1.0, retention), MidpointRounding.AwayFromZero)).Should().Be(days);
    }

    [Theory]
    // V3: ts-fsrs first repeat
    [InlineData(Rating.Again, 0.212, 6.4133)]
    [InlineData(Rating.Hard, 1.2931, 5.11217071)]
    [InlineData(Rating.Good, 2.3065, 2.11810397)]
    // D0(Easy) is below 1 before clamping (-4.77); the clamped value is 1
    [InlineData(Rating.Easy, 8.2956, 1.0)]
    public void The_first_rating_sets_initial_stability_and_difficulty(Rating rating, double stability, double difficulty)
    {
        var state = Fsrs6.Next(W, null, 0, rating);

        state.Stability.Should().BeApproximately(stability, 1e-8);
        state.Difficulty.Should().BeApproximately(difficulty, 1e-7);
    }

    [Theory]
    // V5: fsrs-rs test_next_stability, S = 5, D = rating, R by rating (formula applied even for Again)
    [InlineData(1, 0.9, 25.602541)]
    [InlineData(2, 0.8, 28.226582)]
    [InlineData(3, 0.7, 58.656002)]
    [InlineData(4, 0.6, 127.226685)]
    public void Stability_after_recall_matches_fsrs_rs(int g, double r, double expected)
    {
        Fsrs6.StabilityAfterRecall(W, g, 5, r, (Rating)g).Should().BeApproximately(expected, 1e-4);
    }

    [Theory]
    [InlineData(1, 0.9, 1.0525396)]
    [InlineData(2, 0.8, 1.1894329)]
    [InlineData(3, 0.7, 1.3680838)]
    [InlineData(4, 0.6, 1.584989)]
    public void Stability_after_a_lapse_matches_fsrs_rs(double d, double r, double expected)
    {
        Fsrs6.StabilityAfterLapse(W, d, 5, r).Should().BeApproximately(expected, 1e-5);
    }

    [Theory]
    [InlineData(Rating.Again, 1.596818)]
    // Hard on the same day never lowers stability (fsrs-rs PR #376; py-fsrs 6.3 would give 2.747)
    [InlineData(Rating.Hard, 5.0)]
    [InlineData(Rating.Good, 5.0)]
    [InlineData(Rating.Easy, 8.12961)]
    public void Same_day_stability_matches_fsrs_rs(Rating rating, double expected)
    {
        Fsrs6.StabilityShortTerm(W, 5, rating).Should().BeApproximately(expected, 1e-5);
    }

    [Theory]
    // V5 next_difficulty after mean reversion, D = 5
    [InlineData(Rating.Again, 8.341763)]
    [InlineData(Rating.Hard, 6.6659956)]
    [InlineData(Rating.Good, 4.990228)]
    [InlineData(Rating.Easy, 3.3144615)]
    public void Difficulty_is_damped_and_reverts_toward_the_easy_initial_difficulty(Rating rating, double expected)
    {
        Fsrs6.NextDifficulty(W, 5, rating).Should().BeApproximately(expected, 1e-6);
    }

    public static TheoryData<(int Rating, int Days)[], double, double> MemoryStates => new()
    {
        // V2: first-day lapse then Good ×5 (fsrs-rs test_memory_state, py-fsrs, ts-fsrs)
        { [(1, 0), (3, 0), (3, 1), (3, 3), (3, 8), (3, 21)], 53.62691, 6.3574867 },
        // V15a: Easy, Good, Hard, Again, Good
        { [(4, 0), (3, 8), (2, 20), (1, 5), (3, 1)], 4.682225, 8.003768 },
        // V15b: Hard, then same-day Goods, then Good next day
        { [(2, 0), (3, 0), (3, 0), (3, 1)], 4.655958, 5.082549 },
        // V15c: Again twice on the first day
        { [(1, 0), (1, 0), (3, 1)], 0.613945, 8.792727 },
        // V15d: a same-day Hard keeps stability (fsrs-rs/ts-fsrs), unlike py-fsrs 6.3 (4.792776)
        { [(3, 0), (2, 0), (3, 1)], 5.829474, 4.743334 },
        // V15e: Good on a growing schedule
        { [(3, 0), (3, 1), (3, 3), (3, 7), (3, 14), (3, 30)], 175.190371, 2.083724 },
    };

    [Theory]
    [MemberData(nameof(MemoryStates))]
    public void A_history_of_ratings_and_day_gaps_ends_in_the_reference_memory_state((int Rating, int Days)[] history, double stability, double difficulty)
    {
        MemoryState? state = null;
        foreach (var (rating, days) in history)
        {
            state = Fsrs6.Next(W, state, days, (Rating)rating);
        }

        state!.Value.Stability.Should().BeApproximately(stability, 1e-4);
        state.Value.Difficulty.Should().BeApproximately(difficulty, 1e-5);
    }

    [Theory]
    // V6: fsrs-optimizer test_forward: the same grade twice, t2 days apart
    [InlineData(1, 1, 0.10088589, 8.806304)]
    [InlineData(2, 1, 3.2494123, 6.7404594)]
    [InlineData(3, 1, 7.3153, 2.1112142)]
    [InlineData(4, 1, 18.014914, 1.0)]
    [InlineData(1, 2, 0.112798266, 8.806304)]
    [InlineData(2, 2, 4.4694576, 6.7404594)]
    public void Two_reviews_of_the_same_grade_match_the_optimizer_forward_pass(int grade, int days, double stability, double difficulty)
    {
        var state = Fsrs6.Next(W, Fsrs6.Next(W, null, 0, (Rating)grade), days, (Rating)grade);

        // the optimizer computes in float32: its own tests allow 1e-4
        state.Stability.Should().BeApproximately(stability, 1e-4);
        state.Difficulty.Should().BeApproximately(difficulty, 1e-4);
    }

    [Fact]
    public void Parameters_are_clipped_to_their_bounds()
    {
        // V13: fsrs-rs parameter_clipper test, first nine values
        double[] w = [0.0, -1000.0, 1000.0, 0.0, 1000.0, -1000.0, 1.0, 0.25, -0.1, .. FsrsParameters.Default.W.Skip(9)];

        FsrsParameters.Fsrs6(w).W.Take(9).Should().Equal(0.001, 0.001, 100.0, 0.001, 10.0, 0.001, 1.0, 0.25, 0.0);
    }

    [Fact]
    public void Default_parameters_are_within_the_ceiling_for_two_relearning_steps()
    {
        // fsrs-rs test_parameter_clipper_works_with_num_relearning_steps
        FsrsParameters.Fsrs6([.. FsrsParameters.Default.W], relearningSteps: 2).W.Skip(17).Take(3).Should().Equal(0.5425, 0.0912, 0.0658);
        ParameterBounds.W17W18Ceiling([.. FsrsParameters.Default.W], 2).Should().BeApproximately(0.6004593, 1e-6);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(22)]
    public void A_vector_of_the_wrong_length_is_refused_with_its_count(int count)
    {
        var act = () => FsrsParameters.Fsrs6(Enumerable.Repeat(1.0, count).ToArray());

        act.Should().Throw<ArgumentException>().WithMessage($"FSRS-6 takes 21 parameters, not {count}*");
    }
}
