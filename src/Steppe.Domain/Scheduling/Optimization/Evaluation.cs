namespace Steppe.Domain.Scheduling.Optimization;

/// <summary>How well parameters predict recall on a learner's own log: log loss (mean binary cross-entropy
/// of every cross-day review) and RMSE(bins), the calibration error Anki's "Evaluate" shows.</summary>
public readonly record struct EvaluationResult(double LogLoss, double RmseBins, int Items);

public static class Evaluation
{
    /// <summary>The predicted probability of recall at each item of the set, in the set's order.</summary>
    public static double[] Predictions(FsrsParameters parameters, TrainingSet set, bool shortTerm = true)
    {
        ReadOnlySpan<double> w = [.. parameters.W];
        var wanted = new HashSet<TrainingItem>(set.Items);
        var byItem = new Dictionary<TrainingItem, double>(set.Items.Count);
        // Walk each card once; predict at each cross-day review from the state before it.
        for (var c = 0; c < set.Cards.Count; c++)
        {
            var card = set.Cards[c];
            MemoryState? state = null;
            for (var i = 0; i < card.Ratings.Length; i++)
            {
                if (state is { } s && wanted.Contains(new TrainingItem(c, i)))
                {
                    byItem[new TrainingItem(c, i)] = Fsrs6.Retrievability(w, card.DeltaDays[i], s.Stability);
                }
                state = Fsrs6.Next(w, state, card.DeltaDays[i], card.Ratings[i], shortTerm);
            }
        }
        return set.Items.Select(i => byItem[i]).ToArray();
    }

    /// <summary>Recency-weighted log loss and RMSE(bins) of the parameters on the set's cross-day reviews
    /// (the objective fsrs-rs trains on).</summary>
    public static EvaluationResult Evaluate(FsrsParameters parameters, TrainingSet set, bool shortTerm = true)
    {
        var predictions = Predictions(parameters, set, shortTerm);
        var loss = 0.0;
        var bins = new Dictionary<(int, int, int), (double Predicted, double Actual, double Weight)>();
        var n = set.Items.Count;
        if (n == 0)
        {
            return new EvaluationResult(0, 0, 0);
        }
        var weightSum = 0.0;
        for (var idx = 0; idx < n; idx++)
        {
            var item = set.Items[idx];
            var weight = RecencyWeight(idx, n);
            var r = Math.Clamp(predictions[idx], 1e-7, 1 - 1e-7);
            var y = set.Recalled(item) ? 1.0 : 0.0;
            loss -= weight * (y * Math.Log(r) + (1 - y) * Math.Log(1 - r));
            weightSum += weight;
            var key = Bin(set, item);
            var b = bins.GetValueOrDefault(key);
            bins[key] = (b.Predicted + weight * r, b.Actual + weight * y, b.Weight + weight);
        }
        var squared = bins.Values.Sum(b => b.Weight * Math.Pow(b.Predicted / b.Weight - b.Actual / b.Weight, 2));
        return new EvaluationResult(loss / weightSum, Math.Sqrt(squared / weightSum), n);
    }

    /// <summary>Later reviews count more: 0.25 for the first item up to 1 for the last (fsrs-rs).</summary>
    internal static double RecencyWeight(int index, int count) => 0.25 + 0.75 * Math.Pow(index / Math.Max(count - 1.0, 1.0), 3);

    /// <summary>The RMSE bin of an item: its interval, how many cross-day reviews came before, and lapses.</summary>
    private static (int, int, int) Bin(TrainingSet set, TrainingItem item)
    {
        double delta = set.DeltaDays(item);
        var deltaBin = (int)Math.Round(2.48 * Math.Pow(3.62, Math.Floor(Math.Log(delta, 3.62))) * 100, MidpointRounding.AwayFromZero);
        var length = set.LongTermReviewsBefore(item) + 2.0; // the long-term reviews of the item, current included, plus one
        var lengthBin = (int)Math.Round(1.99 * Math.Pow(1.89, Math.Floor(Math.Log(length, 1.89))), MidpointRounding.AwayFromZero);
        var card = set.Cards[item.Card];
        var lapses = 0;
        for (var i = 1; i < item.Index; i++)
        {
            if (card.Ratings[i] == Rating.Again && card.DeltaDays[i] > 0)
            {
                lapses++;
            }
        }
        var lapseBin = lapses == 0 ? 0 : (int)Math.Round(1.65 * Math.Pow(1.73, Math.Floor(Math.Log(lapses, 1.73))), MidpointRounding.AwayFromZero);
        return (deltaBin, lengthBin, lapseBin);
    }
}
