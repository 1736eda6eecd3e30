namespace Steppe.Domain.Scheduling;

/// <summary>A card's schedule derived from its review log alone.</summary>
public static class Replay
{
    /// <summary>The state after each review of one card, in time order (a stable sort keeps the order of
    /// reviews at the same instant).</summary>
    public static List<(ReviewLogEntry Review, ReviewOutcome Outcome)> Card(Scheduler scheduler, IEnumerable<ReviewLogEntry> reviews)
    {
        var ordered = reviews.OrderBy(r => r.Time).ToList();
        var results = new List<(ReviewLogEntry, ReviewOutcome)>(ordered.Count);
        if (ordered.Count == 0)
        {
            return results;
        }
        var card = CardSchedule.New(ordered[0].Time);
        foreach (var review in ordered)
        {
            var outcome = scheduler.NextStates(card, review.Time, review.CardId)[review.Rating];
            results.Add((review, outcome));
            card = outcome.Card;
        }
        return results;
    }

    /// <summary>The state a card is in after its whole log (a new card when the log is empty).</summary>
    public static CardSchedule Fold(Scheduler scheduler, IEnumerable<ReviewLogEntry> reviews, DateTimeOffset createdAt)
    {
        var card = CardSchedule.New(createdAt);
        foreach (var review in reviews.OrderBy(r => r.Time))
        {
            card = scheduler.Review(card, review.Rating, review.Time, review.CardId);
        }
        return card;
    }

    /// <summary>Every card of a log: the state after each review, in the log's order.</summary>
    public static List<(ReviewLogEntry Review, ReviewOutcome Outcome)> All(Scheduler scheduler, IReadOnlyList<ReviewLogEntry> log)
    {
        var results = new (ReviewLogEntry, ReviewOutcome)[log.Count];
        foreach (var card in Enumerable.Range(0, log.Count).GroupBy(i => log[i].CardId))
        {
            var indices = card.OrderBy(i => log[i].Time).ToList();
            var replayed = Card(scheduler, indices.Select(i => log[i]));
            for (var k = 0; k < indices.Count; k++)
            {
                results[indices[k]] = replayed[k];
            }
        }
        return [.. results];
    }
}
