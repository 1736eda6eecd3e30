using System.Text.Json;
using Steppe.Domain.Scheduling;
using Steppe.Domain.Scheduling.Optimization;
using Steppe.Domain.Tests.Support;

namespace Steppe.Domain.Tests.Scheduling;

public class OptimizerTests
{
    private static readonly SchedulerOptions UtcDays = new() { DayStartHour = 0 };

    private static string Reference(string file) => Path.Combine(AppContext.BaseDirectory, "Scheduling", "Reference", file);

    private static TrainingSet RealLog()
    {
        using var reader = File.OpenText(Reference("review_logs_josh_1711744352250_to_1728234780857.csv"));
        return TrainingSet.FromLog(ReviewLogCsv.Read(reader), UtcDays);
    }

    [Fact]
    public void On_the_real_log_the_fit_beats_the_defaults_and_is_within_one_percent_of_fsrs_rs()
    {
        var set = RealLog();
        using var reference = JsonDocument.Parse(File.ReadAllText(Reference("fsrs-rs-optimizer.json")));
        var fsrsRs = FsrsParameters.Fsrs6(reference.RootElement.GetProperty("parameters").EnumerateArray().Select(e => e.GetDouble()).ToArray());

        var result = Optimizer.Fit(set);

        result.Outcome.Should().Be(OptimizationOutcome.Trained);
        set.Items.Should().HaveCount(reference.RootElement.GetProperty("items").GetInt32(), "both build the same cross-day items");
        var ours = Evaluation.Evaluate(result.Parameters, set).LogLoss;
        var defaults = Evaluation.Evaluate(FsrsParameters.Default, set).LogLoss;
        var theirs = Evaluation.Evaluate(fsrsRs, set).LogLoss;
        ours.Should().BeLessThan(defaults);
        ours.Should().BeLessThanOrEqualTo(theirs * 1.01);
    }

    [Fact]
    public void Parameters_the_log_says_nothing_about_keep_their_defaults()
    {
        // The log has no Easy rating and no card first rated Hard or Easy: w1, w3 and w16 get no gradient.
        var w = Optimizer.Fit(RealLog()).Parameters.W;

        w[16].Should().Be(FsrsParameters.Default[16]);
        w[3].Should().BeGreaterThanOrEqualTo(w[2], "initial stabilities stay ordered by rating");
        w[2].Should().BeGreaterThanOrEqualTo(w[1]);
        w[1].Should().BeGreaterThanOrEqualTo(w[0]);
    }

    [Fact]
    public void The_same_log_gives_the_same_parameters()
    {
        Optimizer.Fit(RealLog()).Parameters.Should().Be(Optimizer.Fit(RealLog()).Parameters);
    }

    /// <summary>Cards first rated Good, then reviewed once a day later: recalled, except every fourth.</summary>
    private static TrainingSet OneDayLater(int cards)
    {
        var start = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var log = Enumerable.Range(0, cards).SelectMany(c => new[]
        {
            new ReviewLogEntry(c, Rating.Good, start.AddMinutes(c)),
            new ReviewLogEntry(c, c % 4 == 0 ? Rating.Again : Rating.Good, start.AddDays(1).AddMinutes(c)),
        });
        return TrainingSet.FromLog(log, UtcDays);
    }

    [Fact]
    public void With_fewer_than_eight_cross_day_reviews_the_defaults_are_kept()
    {
        var result = Optimizer.Fit(OneDayLater(7));

        (result.Outcome, result.Parameters).Should().Be((OptimizationOutcome.TooFewReviews, FsrsParameters.Default));
    }

    [Fact]
    public void With_fewer_than_64_items_only_the_initial_stabilities_are_fitted()
    {
        var result = Optimizer.Fit(OneDayLater(60));

        result.Outcome.Should().Be(OptimizationOutcome.InitialStabilitiesOnly);
        result.Parameters.W.Skip(4).Should().Equal(FsrsParameters.Default.W.Skip(4));
        result.Parameters[2].Should().NotBe(FsrsParameters.Default[2], "75 % recall after one day fits a Good card's S0");
    }

    [Fact]
    public void On_a_simulated_learner_with_all_four_ratings_the_fit_approaches_the_true_parameters()
    {
        var truth = FsrsParameters.Fsrs6([0.6, 1.9, 3.6, 12.0, 5.6, 1.0, 2.6, 0.03, 1.6, 0.22, 1.0, 1.7, 0.08, 0.35, 1.8, 0.45, 2.4, 0.45, 0.15, 0.1, 0.25]);
        var training = TrainingSet.FromLog(LearnerSimulator.Simulate(truth, cards: 2500, days: 365, seed: 11), UtcDays);
        var test = TrainingSet.FromLog(LearnerSimulator.Simulate(truth, cards: 1500, days: 365, seed: 12), UtcDays);

        var fitted = Optimizer.Fit(training).Parameters;

        var lossOf = (FsrsParameters p) => Evaluation.Evaluate(p, test).LogLoss;
        lossOf(fitted).Should().BeLessThan(lossOf(FsrsParameters.Default));
        lossOf(fitted).Should().BeLessThanOrEqualTo(lossOf(truth) * 1.01, "on new reviews the fit predicts about as well as the truth");
        // FSRS parameters trade off against each other (several difficulty parameters can move together
        // with little effect), so "approaching the truth" is judged by what the parameters predict.
        var truePredictions = Evaluation.Predictions(truth, test);
        var gap = (FsrsParameters p) => Evaluation.Predictions(p, test).Zip(truePredictions, (a, b) => Math.Abs(a - b)).Average();
        gap(fitted).Should().BeLessThan(gap(FsrsParameters.Default) / 3, "the fit predicts recall much closer to the truth than the defaults do");
        // and the parameters the data pins down well move toward their true values
        foreach (var i in new[] { 9, 14, 15, 16 })
        {
            Math.Abs(fitted[i] - truth[i]).Should().BeLessThan(Math.Abs(FsrsParameters.Default[i] - truth[i]), $"w{i}");
        }
    }
}
