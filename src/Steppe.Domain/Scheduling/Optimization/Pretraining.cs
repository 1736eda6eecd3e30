namespace Steppe.Domain.Scheduling.Optimization;

/// <summary>Initial stabilities w0–w3 fitted before training, from the cards' first cross-day reviews (the
/// method of fsrs-rs parameter_initialization, BSD-3-Clause, written anew here).</summary>
internal static class Pretraining
{
    private const double W1 = 0.41;
    private const double W2 = 0.54;

    /// <summary>Per first rating (1–4): the fitted S0 and how many items support it; null when no card
    /// has exactly one cross-day review.</summary>
    public static (double[] Stabilities, Dictionary<int, int> Counts)? Fit(TrainingSet set, IReadOnlyList<TrainingItem> items, double averageRecall)
    {
        var groups = new Dictionary<int, Dictionary<int, (int Recalled, int Count)>>();
        foreach (var item in items)
        {
            var rating = (int)set.FirstRating(item);
            var byDelta = groups.TryGetValue(rating, out var g) ? g : groups[rating] = [];
            var delta = set.DeltaDays(item);
            var (recalled, count) = byDelta.GetValueOrDefault(delta);
            byDelta[delta] = (recalled + (set.Recalled(item) ? 1 : 0), count + 1);
        }
        if (groups.Count == 0)
        {
            return null;
        }

        var found = new Dictionary<int, double>();
        var counts = new Dictionary<int, int>();
        foreach (var (rating, byDelta) in groups)
        {
            var data = byDelta.OrderBy(kv => kv.Key)
                .Select(kv => (Delta: (double)kv.Key, Recall: ((double)kv.Value.Recalled + averageRecall) / (kv.Value.Count + 1), Count: (double)kv.Value.Count))
                .ToArray();
            found[rating] = Search(data, FsrsParameters.Default[rating - 1]);
            counts[rating] = byDelta.Values.Sum(v => v.Count);
        }
        return (SmoothAndFill(found, counts), counts);
    }

    /// <summary>Ternary search for the S0 minimising count-weighted cross-entropy plus |S0 − default| / 16,
    /// with the default decay.</summary>
    private static double Search((double Delta, double Recall, double Count)[] data, double defaultS0)
    {
        var (low, high) = (ParameterBounds.StabilityMin, ParameterBounds.InitialStabilityMax);
        var best = defaultS0;
        for (var iteration = 0; high - low > double.Epsilon && iteration < 1000; iteration++)
        {
            var mid1 = low + (high - low) / 3.0;
            var mid2 = high - (high - low) / 3.0;
            if (Loss(data, mid1, defaultS0) < Loss(data, mid2, defaultS0))
            {
                high = mid2;
            }
            else
            {
                low = mid1;
            }
            best = (high + low) / 2.0;
        }
        return best;
    }

    internal static double Loss((double Delta, double Recall, double Count)[] data, double s0, double defaultS0)
    {
        ReadOnlySpan<double> w = [.. FsrsParameters.Default.W];
        var loss = 0.0;
        foreach (var (delta, recall, count) in data)
        {
            var r = Fsrs6.Retrievability(w, delta, s0);
            loss -= (recall * Math.Log(r) + (1 - recall) * Math.Log(1 - r)) * count;
        }
        return loss + Math.Abs(s0 - defaultS0) / 16.0;
    }

    /// <summary>Makes S0 non-decreasing in the rating (the rating with more data wins a conflict) and fills
    /// ratings without data from the others; clamps to [0.001, 100].</summary>
    public static double[] SmoothAndFill(Dictionary<int, double> found, IReadOnlyDictionary<int, int> counts)
    {
        var s = found.Where(kv => counts.ContainsKey(kv.Key)).ToDictionary();
        foreach (var (small, big) in new[] { (1, 2), (2, 3), (3, 4), (1, 3), (2, 4), (1, 4) })
        {
            if (s.TryGetValue(small, out var sv) && s.TryGetValue(big, out var bv) && sv > bv)
            {
                if (counts[small] > counts[big])
                {
                    s[big] = sv;
                }
                else
                {
                    s[small] = bv;
                }
            }
        }

        double?[] r = [null, Get(1), Get(2), Get(3), Get(4)];
        double? Get(int k) => s.TryGetValue(k, out var v) ? v : null;
        double[] result;
        switch (s.Count)
        {
            case 1:
                var (rating, value) = s.First();
                var factor = value / FsrsParameters.Default[rating - 1];
                result = Enumerable.Range(0, 4).Select(i => FsrsParameters.Default[i] * factor).Order().ToArray();
                break;
            case 2:
                FillTwo(r);
                result = r.Skip(1).Select(x => x!.Value).ToArray();
                break;
            case 3:
                FillThree(r);
                result = r.Skip(1).Select(x => x!.Value).ToArray();
                break;
            default:
                result = r.Skip(1).Select(x => x!.Value).ToArray();
                break;
        }
        return result.Select(v => Math.Clamp(v, ParameterBounds.StabilityMin, ParameterBounds.InitialStabilityMax)).ToArray();
    }

    // Geometric interpolation between known initial stabilities, with the exponents fsrs-rs fitted.
    private static void FillTwo(double?[] r)
    {
        switch (r)
        {
            case [_, null, null, { } r3, { } r4]:
                r[2] = Math.Pow(r3, 1 / (1 - W2)) * Math.Pow(r4, 1 - 1 / (1 - W2));
                r[1] = Math.Pow(r[2]!.Value, 1 / W1) * Math.Pow(r3, 1 - 1 / W1);
                break;
            case [_, null, { } r2, null, { } r4]:
                r[3] = Math.Pow(r2, 1 - W2) * Math.Pow(r4, W2);
                r[1] = Math.Pow(r2, 1 / W1) * Math.Pow(r[3]!.Value, 1 - 1 / W1);
                break;
            case [_, null, { } r2, { } r3, null]:
                r[4] = Math.Pow(r2, 1 - 1 / W2) * Math.Pow(r3, 1 / W2);
                r[1] = Math.Pow(r2, 1 / W1) * Math.Pow(r3, 1 - 1 / W1);
                break;
            case [_, { } r1, null, null, { } r4]:
                var k = W1 / (W1 + W2 - W1 * W2);
                var j = W2 / (W1 + W2 - W1 * W2);
                r[2] = Math.Pow(r1, k) * Math.Pow(r4, 1 - k);
                r[3] = Math.Pow(r1, 1 - j) * Math.Pow(r4, j);
                break;
            case [_, { } r1, null, { } r3, null]:
                r[2] = Math.Pow(r1, W1) * Math.Pow(r3, 1 - W1);
                r[4] = Math.Pow(r[2]!.Value, 1 - 1 / W2) * Math.Pow(r3, 1 / W2);
                break;
            case [_, { } r1, { } r2, null, null]:
                r[3] = Math.Pow(r1, 1 - 1 / (1 - W1)) * Math.Pow(r2, 1 / (1 - W1));
                r[4] = Math.Pow(r2, 1 - 1 / W2) * Math.Pow(r[3]!.Value, 1 / W2);
                break;
        }
    }

    private static void FillThree(double?[] r)
    {
        switch (r)
        {
            case [_, null, { } r2, { } r3, _]:
                r[1] = Math.Pow(r2, 1 / W1) * Math.Pow(r3, 1 - 1 / W1);
                break;
            case [_, { } r1, null, { } r3, _]:
                r[2] = Math.Pow(r1, W1) * Math.Pow(r3, 1 - W1);
                break;
            case [_, _, { } r2, null, { } r4]:
                r[3] = Math.Pow(r2, 1 - W2) * Math.Pow(r4, W2);
                break;
            case [_, _, { } r2, { } r3, null]:
                r[4] = Math.Pow(r2, 1 - 1 / W2) * Math.Pow(r3, 1 / W2);
                break;
        }
    }
}
