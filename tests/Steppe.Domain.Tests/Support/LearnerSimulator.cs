using Steppe.Domain.Scheduling;

namespace Steppe.Domain.Tests.Support;

/// <summary>A simulated learner whose recall follows FSRS-6 with known parameters: every card is studied
/// with the scheduler and each answer is drawn from the true probability of recall. Same seed, same log.</summary>
public static class LearnerSimulator
{
    private static readonly double[] FirstRating = [0.24, 0.094, 0.495, 0.171];     // Again, Hard, Good, Easy (fsrs-rs simulator)
    private static readonly double[] PassingRating = [0.224, 0.631, 0.145];         // Hard, Good, Easy given recall

    public static List<ReviewLogEntry> Simulate(FsrsParameters truth, int cards, int days, int seed)
    {
        var random = new Random(seed);
        var scheduler = new Scheduler(new SchedulerOptions { Parameters = truth, DayStartHour = 4 });
        var w = truth.W.ToArray();
        var start = new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var end = start.AddDays(days);
        var log = new List<ReviewLogEntry>();
        for (var c = 0; c < cards; c++)
        {
            var cardId = 1_000_000 + (long)c;
            var now = start.AddDays(random.NextDouble() * days * 0.7).AddMinutes(random.Next(0, 600));
            var rating = (Rating)(Pick(random, FirstRating) + 1);
            var card = scheduler.Review(CardSchedule.New(now), rating, now, cardId);
            log.Add(new ReviewLogEntry(cardId, rating, now));
            while (true)
            {
                // Learners come back on the due date, some a little late, a few much later.
                var late = random.NextDouble() switch { < 0.7 => 0.0, < 0.95 => random.NextDouble() * 2, _ => random.NextDouble() * 15 };
                var next = card.Due.AddDays(late).AddMinutes(random.Next(0, 120));
                if (next >= end)
                {
                    break;
                }
                var elapsed = (next - card.LastReview!.Value).TotalDays;
                var recall = Fsrs6.Retrievability(w, elapsed, card.Memory!.Value.Stability);
                rating = random.NextDouble() < recall ? (Rating)(Pick(random, PassingRating) + 2) : Rating.Again;
                card = scheduler.Review(card, rating, next, cardId);
                log.Add(new ReviewLogEntry(cardId, rating, next));
                now = next;
            }
        }
        return log;
    }

    private static int Pick(Random random, double[] probabilities)
    {
        var x = random.NextDouble();
        for (var i = 0; i < probabilities.Length; i++)
        {
            if ((x -= probabilities[i]) < 0)
            {
                return i;
            }
        }
        return probabilities.Length - 1;
    }
}
