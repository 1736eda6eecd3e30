namespace Steppe.Domain.Scheduling.Optimization;

/// <summary>Drops rare (first rating, first interval) combinations before training, as fsrs-rs does: per
/// first rating, the smallest groups making up 5 % of the cards (at least 20), groups of fewer than 6, and
/// first intervals over 100 days (365 after Easy).</summary>
internal static class OutlierFilter
{
    /// <summary>The items for pre-training (each card's first cross-day review, filtered) and for training.</summary>
    public static (List<TrainingItem> Initialization, List<TrainingItem> Training) Apply(TrainingSet set)
    {
        var firsts = set.Items.Where(i => set.LongTermReviewsBefore(i) == 0).ToList();
        var removed = new HashSet<(Rating, int)>();
        var kept = new List<TrainingItem>();
        foreach (var byRating in firsts.GroupBy(set.FirstRating).OrderBy(g => g.Key))
        {
            var rating = byRating.Key;
            var total = byRating.Count();
            var subGroups = byRating.GroupBy(set.DeltaDays)
                .OrderBy(g => g.Count()).ThenBy(g => g.Key) // smallest first, then shorter intervals
                .ToList();
            var removedCount = 0;
            foreach (var group in subGroups)
            {
                var size = group.Count();
                if (removedCount + size >= Math.Max(20, total / 20))
                {
                    if (size >= 6 && group.Key <= (rating != Rating.Easy ? 100 : 365))
                    {
                        kept.AddRange(group);
                    }
                    else
                    {
                        removed.Add((rating, group.Key));
                    }
                }
                else
                {
                    removedCount += size;
                    removed.Add((rating, group.Key));
                }
            }
        }
        var keptSet = kept.ToHashSet();
        var initialization = firsts.Where(keptSet.Contains).ToList(); // time order
        var training = set.Items.Where(i => !removed.Contains((set.FirstRating(i), set.FirstLongTermDelta(i)))).ToList();
        return (initialization, training);
    }
}
