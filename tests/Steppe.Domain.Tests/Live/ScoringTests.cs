using Steppe.Domain.Live;

namespace Steppe.Domain.Tests.Live;

public sealed class ScoringTests
{
    public static TheoryData<int, double, double, bool, int, int, int, int> Rows => new()
    {
        // points, limit s, elapsed s, correct, streak before → points, bonus, streak after
        { 1000, 30, 2, true, 0, 967, 0, 1 },        // Kahoot's worked example: 1000 × (1 − (2/30)/2) = 966.7
        { 1000, 20, 0.499, true, 0, 1000, 0, 1 },   // under 0.5 s: the full points
        { 1000, 20, 0.5, true, 0, 988, 0, 1 },      // from 0.5 s the formula: 1000 × (1 − 0.025/2) = 987.5 → 988
        { 1000, 20, 5, true, 0, 875, 0, 1 },
        { 1000, 20, 10, true, 0, 750, 0, 1 },
        { 1000, 20, 20, true, 0, 500, 0, 1 },       // at the deadline: half
        { 1000, 20, 20.001, true, 3, 0, 0, 0 },     // after it: nothing, and the streak is gone
        { 2000, 20, 10, true, 0, 1500, 0, 1 },
        { 1000, 20, 3, false, 4, 0, 0, 0 },         // wrong: 0 and the streak resets
        { 1000, 20, 0.2, true, 1, 1000, 100, 2 },   // second in a row: +100
        { 1000, 20, 0.2, true, 2, 1000, 200, 3 },
        { 1000, 20, 0.2, true, 4, 1000, 400, 5 },
        { 1000, 20, 0.2, true, 5, 1000, 500, 6 },   // the cap
        { 1000, 20, 0.2, true, 11, 1000, 500, 12 }, // stays at the cap
        { 0, 20, 1, true, 2, 0, 0, 3 },             // a 0-point question grows the streak but pays no bonus
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Scores_by_Kahoots_published_rule(int points, double limit, double elapsed, bool correct, int streakBefore, int expectedPoints, int expectedBonus, int expectedStreak)
    {
        var score = Scoring.Score(new ScoringRules(), points, TimeSpan.FromSeconds(limit), TimeSpan.FromSeconds(elapsed), correct, streakBefore);

        score.Should().Be(new AnswerScore(expectedPoints, expectedBonus, expectedStreak));
        score.Total.Should().Be(expectedPoints + expectedBonus);
    }

    [Fact]
    public void The_host_can_switch_speed_scoring_and_streaks_off()
    {
        var plain = new ScoringRules { SpeedScoring = false, StreakBonus = false };

        Scoring.Score(plain, 1000, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(19), true, 5).Should().Be(new AnswerScore(1000, 0, 6));
        Scoring.Score(plain, 1000, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(21), true, 5).Total.Should().Be(0);
    }

    [Fact]
    public void A_correct_answer_in_time_never_earns_less_than_half()
    {
        for (var ms = 0; ms <= 20_000; ms += 37)
        {
            var score = Scoring.Score(new ScoringRules(), 1000, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(ms), true, 0);
            score.Points.Should().BeInRange(500, 1000, "at {0} ms", ms);
        }
    }
}
