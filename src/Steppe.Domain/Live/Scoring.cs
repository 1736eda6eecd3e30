namespace Steppe.Domain.Live;

/// <summary>How a game scores answers. The defaults are Kahoot's published rules.</summary>
public sealed record ScoringRules
{
    /// <summary>Points lose value with time: <c>round(P × (1 − (t / T) / 2))</c>, so a correct answer earns
    /// between P/2 and P. Off: a correct answer earns P whenever it comes.</summary>
    public bool SpeedScoring { get; init; } = true;

    /// <summary>+100 per consecutive correct answer from the second, capped at +500.</summary>
    public bool StreakBonus { get; init; } = true;

    /// <summary>Answers faster than this earn the full points.</summary>
    public static readonly TimeSpan FullPointsWithin = TimeSpan.FromMilliseconds(500);

    public const int StreakStep = 100;
    public const int StreakCap = 500;
}

/// <summary>What one answer earned.</summary>
public readonly record struct AnswerScore(int Points, int StreakBonus, int StreakAfter)
{
    public int Total => Points + StreakBonus;
}

public static class Scoring
{
    /// <summary>Scores one answer. <paramref name="elapsed"/> is the server's time from the answers opening to
    /// the answer's arrival; <paramref name="streakBefore"/> counts the player's consecutive correct answers
    /// before this one. A wrong or late answer earns 0 and resets the streak. The streak grows on a 0-point
    /// question too, but pays no bonus there.</summary>
    public static AnswerScore Score(ScoringRules rules, int points, TimeSpan limit, TimeSpan elapsed, bool correct, int streakBefore)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        if (limit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "A question's time limit is positive.");
        }
        if (!correct || elapsed > limit || elapsed < TimeSpan.Zero)
        {
            return new AnswerScore(0, 0, 0);
        }
        var earned = !rules.SpeedScoring || elapsed < ScoringRules.FullPointsWithin
            ? points
            : (int)Math.Round(points * (1 - elapsed / limit / 2), MidpointRounding.AwayFromZero);
        var streak = streakBefore + 1;
        var bonus = rules.StreakBonus && points > 0 ? Math.Min(ScoringRules.StreakCap, (streak - 1) * ScoringRules.StreakStep) : 0;
        return new AnswerScore(earned, bonus, streak);
    }
}
