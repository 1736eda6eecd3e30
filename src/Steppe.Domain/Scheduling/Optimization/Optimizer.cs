namespace Steppe.Domain.Scheduling.Optimization;

/// <summary>Training settings (fsrs-rs defaults).</summary>
public sealed record OptimizerOptions
{
    public int Epochs { get; init; } = 5;
    public int BatchSize { get; init; } = 512;
    public double LearningRate { get; init; } = 4e-2;

    /// <summary>Items with more reviews than this (current included) are left out of training.</summary>
    public int MaxSequenceLength { get; init; } = 256;

    /// <summary>Strength of the pull toward the pre-trained parameters.</summary>
    public double Gamma { get; init; } = 1.0;

    public int RelearningSteps { get; init; } = 1;

    /// <summary>Seed of the batch order; the same log and seed give the same parameters.</summary>
    public ulong Seed { get; init; } = 2023;
}

/// <summary>What the optimizer did: the parameters and how it got them.</summary>
public sealed record OptimizationResult(FsrsParameters Parameters, OptimizationOutcome Outcome, int Items, int TrainingItems);

public enum OptimizationOutcome
{
    /// <summary>Fewer than 8 usable cross-day reviews: the defaults are kept.</summary>
    TooFewReviews,

    /// <summary>Fewer than 64 items, or only first cross-day reviews: only w0–w3 were fitted.</summary>
    InitialStabilitiesOnly,

    Trained,
}

/// <summary>Fits the 21 FSRS-6 parameters to one learner's review log the way fsrs-rs does: outlier filter,
/// pre-training of the initial stabilities, then mini-batch Adam on the recency-weighted log loss of the
/// cross-day reviews with an L2 pull toward the pre-trained parameters, clipping after every step and
/// keeping the epoch with the lowest loss.</summary>
public static class Optimizer
{
    private static readonly double[] ParameterStdDev =
        [6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25, 1.03, 0.31, 0.32, 0.14, 0.27];

    /// <param name="progress">Called after each mini-batch with (steps done, steps in all).</param>
    public static OptimizationResult Fit(TrainingSet set, OptimizerOptions? options = null, Action<int, int>? progress = null)
    {
        options ??= new OptimizerOptions();
        var (initialization, training) = OutlierFilter.Apply(set);
        if (training.Count < 8)
        {
            return new OptimizationResult(FsrsParameters.Default, OptimizationOutcome.TooFewReviews, set.Items.Count, training.Count);
        }
        var averageRecall = training.Count(set.Recalled) / (double)training.Count;
        if (Pretraining.Fit(set, initialization, averageRecall) is not var (initialStability, ratingCounts))
        {
            return new OptimizationResult(FsrsParameters.Default, OptimizationOutcome.TooFewReviews, set.Items.Count, training.Count);
        }
        double[] init = [.. initialStability, .. FsrsParameters.Default.W.Skip(4)];
        if (training.Count == initialization.Count || training.Count < 64)
        {
            return new OptimizationResult(FsrsParameters.Fsrs6(init, options.RelearningSteps), OptimizationOutcome.InitialStabilitiesOnly, set.Items.Count, training.Count);
        }

        var w = Train(set, training, init, options, progress);
        var fitted = Enumerable.Range(1, 4).ToDictionary(r => r, r => w[r - 1]);
        var smoothed = Pretraining.SmoothAndFill(fitted, ratingCounts);
        smoothed.CopyTo(w, 0);
        return new OptimizationResult(FsrsParameters.Fsrs6(w, options.RelearningSteps), OptimizationOutcome.Trained, set.Items.Count, training.Count);
    }

    private static double[] Train(TrainingSet set, List<TrainingItem> training, double[] init, OptimizerOptions options, Action<int, int>? progress)
    {
        // Recency weights by time order, then items sorted by length so a batch holds similar histories.
        var n = training.Count;
        var denominator = Math.Max(n - 1.0, 1.0);
        var weighted = training.Select((item, idx) => (Item: item, Weight: 0.25 + 0.75 * Math.Pow(idx / denominator, 3)))
            .Where(x => x.Item.Index + 1 <= options.MaxSequenceLength)
            .OrderBy(x => x.Item.Index) // stable: keeps time order within a length
            .ToArray();
        var total = weighted.Length;
        var batches = (total + options.BatchSize - 1) / options.BatchSize;
        var steps = (total / options.BatchSize + 1) * options.Epochs;
        var order = Enumerable.Range(0, batches).ToArray();
        var random = new SplitMix(options.Seed);

        var w = init.ToArray();
        var adam = new Adam(w.Length);
        var best = (Loss: double.PositiveInfinity, W: w.ToArray());
        var step = 0;
        var gradient = new double[w.Length];
        var unused = new double[w.Length];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var b in order)
            {
                var start = b * options.BatchSize;
                var end = Math.Min(start + options.BatchSize, total);
                Array.Clear(gradient);
                foreach (var (item, weight) in weighted.AsSpan(start, end - start))
                {
                    Gradients.Accumulate(w, set.Cards[item.Card], item.Index, weight, gradient);
                }
                var scale = options.Gamma * (end - start) / total;
                for (var k = 0; k < w.Length; k++)
                {
                    gradient[k] += 2 * (w[k] - init[k]) / (ParameterStdDev[k] * ParameterStdDev[k]) * scale;
                }
                var lr = options.LearningRate * (1 + Math.Cos(Math.PI * step / steps)) / 2;
                adam.Step(w, gradient, lr);
                ParameterBounds.Clip(w, options.RelearningSteps);
                step++;
                progress?.Invoke(step, batches * options.Epochs);
            }

            var loss = 0.0;
            for (var start = 0; start < total; start += options.BatchSize)
            {
                var end = Math.Min(start + options.BatchSize, total);
                foreach (var (item, weight) in weighted.AsSpan(start, end - start))
                {
                    loss += Gradients.Accumulate(w, set.Cards[item.Card], item.Index, weight, unused);
                }
                loss += Penalty(w, init, options.Gamma * (end - start) / total);
            }
            loss /= total;
            if (loss < best.Loss)
            {
                best = (loss, w.ToArray());
            }
        }
        return best.W;
    }

    private static double Penalty(double[] w, double[] init, double scale)
    {
        var sum = 0.0;
        for (var k = 0; k < w.Length; k++)
        {
            var delta = w[k] - init[k];
            sum += delta * delta / (ParameterStdDev[k] * ParameterStdDev[k]);
        }
        return sum * scale;
    }

    /// <summary>Adam with β1 0.9, β2 0.999, ε 1e-8 and bias correction.</summary>
    private sealed class Adam(int size)
    {
        private readonly double[] _m = new double[size];
        private readonly double[] _v = new double[size];
        private int _t;

        public void Step(double[] w, double[] gradient, double lr)
        {
            _t++;
            var c1 = 1 - Math.Pow(0.9, _t);
            var c2 = 1 - Math.Pow(0.999, _t);
            for (var k = 0; k < w.Length; k++)
            {
                _m[k] = 0.9 * _m[k] + 0.1 * gradient[k];
                _v[k] = 0.999 * _v[k] + 0.001 * gradient[k] * gradient[k];
                w[k] -= lr * (_m[k] / c1) / (Math.Sqrt(_v[k] / c2) + 1e-8);
            }
        }
    }

    /// <summary>A small seeded generator for the batch order (no global randomness in the core).</summary>
    private sealed class SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public void Shuffle(int[] items)
        {
            for (var i = items.Length - 1; i > 0; i--)
            {
                var j = (int)(Next() % (ulong)(i + 1));
                (items[i], items[j]) = (items[j], items[i]);
            }
        }

        private ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
