namespace Steppe.Domain.Scheduling;

/// <summary>The FSRS-6 scheduler: learning steps, day intervals, lapses and relearning, with the semantics
/// of ts-fsrs 5.4 and fsrs-rs where the implementations differ (docs/fsrs.md). Values in, values out:
/// the time comes in as an argument and the fuzz from a seed of the card, never from a clock or a global RNG.</summary>
public sealed class Scheduler
{
    private readonly SchedulerOptions _options;
    private readonly double[] _w;
    private readonly double _decay;
    private readonly double _factor;

    /// <summary>Interval in days = stability × this, for the desired retention (1 at 0.9).</summary>
    private readonly double _intervalPerStability;

    public Scheduler(SchedulerOptions options)
    {
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }
        _options = options;
        _w = [.. options.Parameters.W];
        _decay = -_w[20];
        _factor = Fsrs6.Factor(_w);
        _intervalPerStability = Fsrs6.Interval(_w, 1.0, options.DesiredRetention);
    }

    public SchedulerOptions Options => _options;

    /// <summary>The card after <paramref name="rating"/> at <paramref name="now"/>.</summary>
    public CardSchedule Review(CardSchedule card, Rating rating, DateTimeOffset now, long cardId = 0) =>
        NextStates(card, now, cardId)[rating].Card;

    public NextStates NextStates(CardSchedule card, DateTimeOffset now, long cardId = 0)
    {
        var elapsed = card.State == CardState.New || card.LastReview is not { } last ? 0 : _options.ElapsedDays(last, now);
        var reviewed = card with { LastReview = now, Reviews = card.Reviews + 1 };
        double? fuzz = _options.EnableFuzz ? Fuzz.Factor(cardId, card.Reviews) : null;
        // One R(t, S) for all four ratings.
        double? r = card.Memory is { } m ? Fsrs6.Retrievability(_decay, _factor, elapsed, Fsrs6.ClampStability(m.Stability)) : null;
        return card.State == CardState.Review
            ? FromReview(card, reviewed, now, elapsed, fuzz, r)
            : new NextStates(
                FromSteps(card, reviewed, Rating.Again, now, elapsed, fuzz, r),
                FromSteps(card, reviewed, Rating.Hard, now, elapsed, fuzz, r),
                FromSteps(card, reviewed, Rating.Good, now, elapsed, fuzz, r),
                FromSteps(card, reviewed, Rating.Easy, now, elapsed, fuzz, r));
    }

    private MemoryState Memory(CardSchedule card, int elapsed, Rating rating, double? retrievability = null) =>
        Fsrs6.Next(_w, card.Memory, elapsed, rating, _options.EnableShortTerm, retrievability);

    /// <summary>A new, learning or relearning card: the next step, or graduation to day intervals.</summary>
    private ReviewOutcome FromSteps(CardSchedule card, CardSchedule reviewed, Rating rating, DateTimeOffset now, int elapsed, double? fuzz, double? r)
    {
        var memory = Memory(card, elapsed, rating, r);
        var toState = card.State == CardState.New ? CardState.Learning : card.State;
        var next = ApplySteps(reviewed with { Memory = memory }, rating, toState, now, elapsed, fuzz, minimumDays: 1);
        return new ReviewOutcome(rating, next, elapsed);
    }

    /// <summary>A card on day intervals: Again starts relearning; Hard, Good and Easy get ordered intervals.</summary>
    private NextStates FromReview(CardSchedule card, CardSchedule reviewed, DateTimeOffset now, int elapsed, double? fuzz, double? r)
    {
        var again = reviewed with { Memory = Memory(card, elapsed, Rating.Again, r), Lapses = card.Lapses + 1 };
        var hardMemory = Memory(card, elapsed, Rating.Hard, r);
        var goodMemory = Memory(card, elapsed, Rating.Good, r);
        var easyMemory = Memory(card, elapsed, Rating.Easy, r);

        int hardDays, goodDays, easyDays;
        var max = _options.MaximumIntervalDays;
        if (fuzz is null)
        {
            // ts-fsrs: Hard no longer than Good, Good at least Hard + 1, Easy at least Good + 1.
            hardDays = RoundedDays(hardMemory.Stability);
            goodDays = RoundedDays(goodMemory.Stability);
            hardDays = Math.Min(hardDays, goodDays);
            goodDays = Math.Max(goodDays, hardDays + 1);
            easyDays = Math.Max(RoundedDays(easyMemory.Stability), goodDays + 1);
            // Unlike ts-fsrs, the ordering never pushes an interval past the maximum.
            (goodDays, easyDays) = (Math.Min(goodDays, max), Math.Min(easyDays, max));
        }
        else
        {
            // Anki: each fuzzed within its range, Good above Hard and Easy above Good.
            hardDays = Fuzz.Apply(Math.Min(Days(hardMemory.Stability), Days(goodMemory.Stability)), 1, max, fuzz);
            goodDays = Fuzz.Apply(Days(goodMemory.Stability), hardDays + 1, max, fuzz);
            easyDays = Fuzz.Apply(Days(easyMemory.Stability), goodDays + 1, max, fuzz);
        }

        return new NextStates(
            new ReviewOutcome(Rating.Again, ApplySteps(again, Rating.Again, CardState.Relearning, now, elapsed, fuzz, minimumDays: 1), elapsed),
            new ReviewOutcome(Rating.Hard, OnDays(reviewed with { Memory = hardMemory }, now, hardDays), elapsed),
            new ReviewOutcome(Rating.Good, OnDays(reviewed with { Memory = goodMemory }, now, goodDays), elapsed),
            new ReviewOutcome(Rating.Easy, OnDays(reviewed with { Memory = easyMemory }, now, easyDays), elapsed));
    }

    /// <summary>Moves a card along its (re)learning steps: Again back to the first step, Hard repeats the
    /// step (1.5 × a single step, or the mean of the first two), Good to the next step; past the last step
    /// (and always on Easy) it graduates to day intervals.</summary>
    private CardSchedule ApplySteps(CardSchedule next, Rating rating, CardState toState, DateTimeOffset now, int elapsed, double? fuzz, int minimumDays)
    {
        var (minutes, nextStep) = StepMinutes(next.State, next.Step, rating);
        if (minutes is > 0 and < 1440)
        {
            return next with { State = toState, Step = nextStep, ScheduledDays = 0, Due = now.AddMinutes(minutes) };
        }
        if (minutes >= 1440)
        {
            // A step of a day or more: on day intervals, due after exactly that step.
            return next with { State = CardState.Review, Step = nextStep, ScheduledDays = minutes / 1440, Due = now.AddMinutes(minutes) };
        }
        var days = Fuzz.Apply(Days(next.Memory!.Value.Stability), minimumDays, _options.MaximumIntervalDays, fuzz);
        return OnDays(next, now, days);
    }

    private static CardSchedule OnDays(CardSchedule card, DateTimeOffset now, int days) =>
        card with { State = CardState.Review, Step = 0, ScheduledDays = days, Due = now.AddDays(days) };

    /// <summary>Minutes to the next step and its index; 0 minutes means "graduate".</summary>
    private (int Minutes, int NextStep) StepMinutes(CardState state, int step, Rating rating)
    {
        var steps = state is CardState.Relearning or CardState.Review ? _options.RelearningSteps : _options.LearningSteps;
        if (steps.Count == 0 || step >= steps.Count)
        {
            return (0, 0);
        }
        var first = steps[0].TotalMinutes;
        if (state == CardState.Review)
        {
            return rating == Rating.Again ? (RoundMinutes(steps[Math.Max(0, step)].TotalMinutes), 0) : (0, 0);
        }
        return rating switch
        {
            Rating.Again => (RoundMinutes(first), 0),
            Rating.Hard => (RoundMinutes(steps.Count == 1 ? first * 1.5 : (first + steps[1].TotalMinutes) / 2), step),
            Rating.Good when step + 1 < steps.Count => (RoundMinutes(steps[step + 1].TotalMinutes), step + 1),
            _ => (0, 0),
        };
    }

    private static int RoundMinutes(double minutes) => (int)Math.Round(minutes, MidpointRounding.AwayFromZero);

    private double Days(double stability) => stability * _intervalPerStability;

    private int RoundedDays(double stability) => Fuzz.Apply(Days(stability), 1, _options.MaximumIntervalDays, factor: null);
}
