using BenchmarkDotNet.Attributes;
using Steppe.Domain.Scheduling;
using Steppe.Domain.Scheduling.Optimization;
using Steppe.Domain.Tests.Support;

namespace Steppe.Benchmarks;

/// <summary>Targets: ≥ 2 million NextStates per second on one core; a replay of 1 million reviews in under 2 s;
/// the optimizer within twice fsrs-rs's time on the shared log.</summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class SchedulingBenchmarks
{
    private readonly Scheduler _scheduler = new(new SchedulerOptions { DayStartHour = 4, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty") });
    private CardSchedule _reviewCard = null!;
    private CardSchedule _learningCard = null!;
    private DateTimeOffset _now;
    private List<ReviewLogEntry> _millionReviews = [];
    private TrainingSet _realLog = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
        _learningCard = _scheduler.Review(CardSchedule.New(start), Rating.Good, start, 42);
        _reviewCard = _scheduler.Review(_learningCard, Rating.Good, start.AddMinutes(10), 42);
        _reviewCard = _scheduler.Review(_reviewCard, Rating.Good, _reviewCard.Due, 42);
        _now = _reviewCard.Due.AddHours(5);

        _millionReviews = LearnerSimulator.Simulate(FsrsParameters.Default, cards: 66_000, days: 365, seed: 1);
        _millionReviews = _millionReviews.Take(1_000_000).ToList();

        var csv = Path.Combine(AppContext.BaseDirectory, "review_logs_josh_1711744352250_to_1728234780857.csv");
        using var reader = File.OpenText(csv);
        _realLog = TrainingSet.FromLog(ReviewLogCsv.Read(reader), new SchedulerOptions { DayStartHour = 0 });
    }

    [Benchmark]
    public NextStates NextStatesOfAReviewCard() => _scheduler.NextStates(_reviewCard, _now, 42);

    [Benchmark]
    public NextStates NextStatesOfALearningCard() => _scheduler.NextStates(_learningCard, _now, 42);

    [Benchmark]
    public int ReplayOneMillionReviews() => Replay.All(_scheduler, _millionReviews).Count;

    [Benchmark]
    public FsrsParameters OptimizeTheSharedLog() => Optimizer.Fit(_realLog).Parameters;
}
