namespace Steppe.Domain.Scheduling.Optimization;

/// <summary>One card's reviews as FSRS sees them: ratings and whole days since the previous review.</summary>
public sealed record CardHistory(long CardId, Rating[] Ratings, int[] DeltaDays, DateTimeOffset[] Times);

/// <summary>A prediction to learn from: review <see cref="Index"/> of card <see cref="Card"/>, a review on a
/// later day than the one before, predicted from the reviews before it (fsrs-rs calls it an FSRSItem).</summary>
public readonly record struct TrainingItem(int Card, int Index);

/// <summary>The cards and items of one learner's review log, in time order.</summary>
public sealed class TrainingSet
{
    public IReadOnlyList<CardHistory> Cards { get; }

    /// <summary>Cross-day reviews in the order they happened.</summary>
    public IReadOnlyList<TrainingItem> Items { get; }

    public int Reviews { get; }

    public TrainingSet(IReadOnlyList<CardHistory> cards)
    {
        Cards = cards;
        Reviews = cards.Sum(c => c.Ratings.Length);
        var items = new List<(TrainingItem Item, DateTimeOffset Time)>();
        for (var c = 0; c < cards.Count; c++)
        {
            for (var i = 1; i < cards[c].Ratings.Length; i++)
            {
                if (cards[c].DeltaDays[i] > 0)
                {
                    items.Add((new TrainingItem(c, i), cards[c].Times[i]));
                }
            }
        }
        Items = items.OrderBy(x => x.Time).ThenBy(x => x.Item.Card).Select(x => x.Item).ToList();
    }

    /// <summary>Groups a review log by card and counts days on the learner's calendar.</summary>
    public static TrainingSet FromLog(IEnumerable<ReviewLogEntry> log, SchedulerOptions calendar)
    {
        var cards = log.GroupBy(r => r.CardId)
            .Select(g =>
            {
                var reviews = g.OrderBy(r => r.Time).ToArray();
                var delta = new int[reviews.Length];
                for (var i = 1; i < reviews.Length; i++)
                {
                    delta[i] = calendar.ElapsedDays(reviews[i - 1].Time, reviews[i].Time);
                }
                return new CardHistory(g.Key, reviews.Select(r => r.Rating).ToArray(), delta, reviews.Select(r => r.Time).ToArray());
            })
            .OrderBy(c => c.Times[0]).ThenBy(c => c.CardId)
            .ToList();
        return new TrainingSet(cards);
    }

    public Rating Label(TrainingItem item) => Cards[item.Card].Ratings[item.Index];

    public bool Recalled(TrainingItem item) => Label(item) != Rating.Again;

    public int DeltaDays(TrainingItem item) => Cards[item.Card].DeltaDays[item.Index];

    public Rating FirstRating(TrainingItem item) => Cards[item.Card].Ratings[0];

    /// <summary>How many reviews before this one were on a later day than the review before them.</summary>
    public int LongTermReviewsBefore(TrainingItem item)
    {
        var deltas = Cards[item.Card].DeltaDays;
        var count = 0;
        for (var i = 1; i < item.Index; i++)
        {
            if (deltas[i] > 0)
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>The delta of the card's first cross-day review.</summary>
    public int FirstLongTermDelta(TrainingItem item)
    {
        var deltas = Cards[item.Card].DeltaDays;
        for (var i = 1; i <= item.Index; i++)
        {
            if (deltas[i] > 0)
            {
                return deltas[i];
            }
        }
        return 0;
    }
}
