namespace Steppe.Domain.Scheduling;

/// <summary>The FSRS-6 memory model: pure formulas over a parameter vector w (see docs/fsrs.md).</summary>
public static class Fsrs6
{
    /// <summary>R(t, S): the probability of recall after <paramref name="elapsedDays"/> at stability S;
    /// R(S, S) = 0.9 for any decay.</summary>
    public static double Retrievability(ReadOnlySpan<double> w, double elapsedDays, double stability) =>
        Retrievability(-w[20], Factor(w), elapsedDays, stability);

    /// <summary>R(t, S) with the curve's decay and factor computed once by the caller.</summary>
    public static double Retrievability(double decay, double factor, double elapsedDays, double stability) =>
        Math.Pow(1.0 + factor * elapsedDays / stability, decay);

    /// <summary>FACTOR = 0.9^(1/DECAY) − 1, so that R(S, S) = 0.9.</summary>
    public static double Factor(ReadOnlySpan<double> w) => Math.Pow(0.9, 1.0 / -w[20]) - 1.0;

    /// <summary>The unrounded interval in days at which recall falls to <paramref name="desiredRetention"/>.</summary>
    public static double Interval(ReadOnlySpan<double> w, double stability, double desiredRetention)
    {
        var decay = -w[20];
        var factor = Math.Pow(0.9, 1.0 / decay) - 1.0;
        return stability / factor * (Math.Pow(desiredRetention, 1.0 / decay) - 1.0);
    }

    public static double InitialStability(ReadOnlySpan<double> w, Rating rating) =>
        Math.Clamp(w[(int)rating - 1], ParameterBounds.StabilityMin, ParameterBounds.StabilityMax);

    /// <summary>D0(G) before clamping; mean reversion pulls toward the unclamped D0(Easy).</summary>
    public static double InitialDifficultyRaw(ReadOnlySpan<double> w, Rating rating) =>
        w[4] - Math.Exp(w[5] * ((int)rating - 1)) + 1.0;

    public static double InitialDifficulty(ReadOnlySpan<double> w, Rating rating) => ClampDifficulty(InitialDifficultyRaw(w, rating));

    /// <summary>Linear damping toward 10, then mean reversion toward D0(Easy), then clamping to [1, 10].</summary>
    public static double NextDifficulty(ReadOnlySpan<double> w, double difficulty, Rating rating)
    {
        var delta = -w[6] * ((int)rating - 3);
        var damped = difficulty + delta * (10.0 - difficulty) / 9.0;
        var reverted = w[7] * InitialDifficultyRaw(w, Rating.Easy) + (1.0 - w[7]) * damped;
        return ClampDifficulty(reverted);
    }

    /// <summary>Stability after a passing grade in a review on a later day.</summary>
    public static double StabilityAfterRecall(ReadOnlySpan<double> w, double difficulty, double stability, double retrievability, Rating rating)
    {
        var hardPenalty = rating == Rating.Hard ? w[15] : 1.0;
        var easyBonus = rating == Rating.Easy ? w[16] : 1.0;
        return stability * (1.0 + Math.Exp(w[8]) * (11.0 - difficulty) * Math.Pow(stability, -w[9])
            * (Math.Exp(w[10] * (1.0 - retrievability)) - 1.0) * hardPenalty * easyBonus);
    }

    /// <summary>Stability after a lapse on a later day, never above S / e^(w17·w18).</summary>
    public static double StabilityAfterLapse(ReadOnlySpan<double> w, double difficulty, double stability, double retrievability, bool shortTerm = true)
    {
        var forgot = w[11] * Math.Pow(difficulty, -w[12]) * (Math.Pow(stability + 1.0, w[13]) - 1.0) * Math.Exp(w[14] * (1.0 - retrievability));
        var cap = shortTerm ? stability / Math.Exp(w[17] * w[18]) : stability;
        return Math.Min(forgot, cap);
    }

    /// <summary>Stability after a review on the same day. A passing grade never lowers stability (the
    /// fsrs-rs and ts-fsrs rule, Hard included; py-fsrs 6.3 floors only Good and Easy).</summary>
    public static double StabilityShortTerm(ReadOnlySpan<double> w, double stability, Rating rating)
    {
        var increase = Math.Exp(w[17] * ((int)rating - 3 + w[18])) * Math.Pow(stability, -w[19]);
        if (rating >= Rating.Hard)
        {
            increase = Math.Max(increase, 1.0);
        }
        return stability * increase;
    }

    /// <summary>One review: the memory state after <paramref name="rating"/>, <paramref name="elapsedDays"/>
    /// whole days after the previous review (null state = first review).</summary>
    public static MemoryState Next(ReadOnlySpan<double> w, MemoryState? state, double elapsedDays, Rating rating, bool shortTerm = true) =>
        Next(w, state, elapsedDays, rating, shortTerm, retrievability: null);

    /// <summary>As <see cref="Next(ReadOnlySpan{double}, MemoryState?, double, Rating, bool)"/>, with R(t, S)
    /// already known (the scheduler computes it once for all four ratings).</summary>
    public static MemoryState Next(ReadOnlySpan<double> w, MemoryState? state, double elapsedDays, Rating rating, bool shortTerm, double? retrievability)
    {
        if (state is not { } s)
        {
            return new MemoryState(InitialStability(w, rating), InitialDifficulty(w, rating));
        }
        var stability = ClampStability(s.Stability);
        var difficulty = ClampDifficulty(s.Difficulty);
        double next;
        if (elapsedDays == 0 && shortTerm)
        {
            next = StabilityShortTerm(w, stability, rating);
        }
        else
        {
            var r = retrievability ?? Retrievability(w, elapsedDays, stability);
            next = rating == Rating.Again
                ? StabilityAfterLapse(w, difficulty, stability, r, shortTerm)
                : StabilityAfterRecall(w, difficulty, stability, r, rating);
        }
        return new MemoryState(ClampStability(next), NextDifficulty(w, difficulty, rating));
    }

    public static double ClampStability(double s) => Math.Clamp(s, ParameterBounds.StabilityMin, ParameterBounds.StabilityMax);

    public static double ClampDifficulty(double d) => Math.Clamp(d, ParameterBounds.DifficultyMin, ParameterBounds.DifficultyMax);
}
