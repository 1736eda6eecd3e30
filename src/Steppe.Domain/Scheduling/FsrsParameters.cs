using System.Collections.Immutable;
using System.Globalization;

namespace Steppe.Domain.Scheduling;

/// <summary>The model version a parameter vector belongs to; FSRS-7 (34–35 values) can be added later.</summary>
public enum FsrsVersion
{
    Fsrs6 = 6,
}

/// <summary>A versioned FSRS parameter vector (w0…w20 for FSRS-6), always within the model's bounds.</summary>
public sealed record FsrsParameters
{
    public const int Fsrs6Count = 21;

    /// <summary>FSRS-6 defaults: medians of per-user optimized parameters over ~10,000 Anki collections
    /// (identical in fsrs-rs, py-fsrs and ts-fsrs).</summary>
    public static readonly FsrsParameters Default = new(FsrsVersion.Fsrs6,
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]);

    public FsrsVersion Version { get; }
    public ImmutableArray<double> W { get; }

    private FsrsParameters(FsrsVersion version, ImmutableArray<double> w) => (Version, W) = (version, w);

    public double this[int index] => W[index];

    /// <summary>FSRS-6 parameters from 21 finite numbers, clipped to the bounds of fsrs-rs.</summary>
    /// <exception cref="ArgumentException">not 21 values, or a value that is not a finite number.</exception>
    public static FsrsParameters Fsrs6(IReadOnlyList<double> w, int relearningSteps = 1)
    {
        if (w.Count != Fsrs6Count)
        {
            throw new ArgumentException($"FSRS-6 takes {Fsrs6Count} parameters, not {w.Count}", nameof(w));
        }
        for (var i = 0; i < w.Count; i++)
        {
            if (!double.IsFinite(w[i]))
            {
                throw new ArgumentException($"parameter w{i} is not a finite number", nameof(w));
            }
        }
        var clipped = w.ToArray();
        ParameterBounds.Clip(clipped, relearningSteps);
        return new FsrsParameters(FsrsVersion.Fsrs6, [.. clipped]);
    }

    /// <summary>Parses "w0,w1,…,w20" (invariant culture).</summary>
    public static FsrsParameters Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new ArgumentException($"parameter w{i} '{parts[i]}' is not a number", nameof(text));
            }
        }
        return Fsrs6(values);
    }

    public override string ToString() => string.Join(",", W.Select(x => x.ToString("R", CultureInfo.InvariantCulture)));

    public bool Equals(FsrsParameters? other) => other is not null && Version == other.Version && W.SequenceEqual(other.W);

    public override int GetHashCode() => HashCode.Combine(Version, W.Length > 0 ? W[0] : 0);
}

/// <summary>The FSRS-6 parameter bounds, applied after every optimizer step and to any vector we accept.</summary>
public static class ParameterBounds
{
    public const double StabilityMin = 0.001;
    public const double StabilityMax = 36500.0;
    public const double InitialStabilityMax = 100.0;
    public const double DifficultyMin = 1.0;
    public const double DifficultyMax = 10.0;

    private static readonly (double Min, double Max)[] Bounds =
    [
        (StabilityMin, InitialStabilityMax), (StabilityMin, InitialStabilityMax), (StabilityMin, InitialStabilityMax), (StabilityMin, InitialStabilityMax),
        (DifficultyMin, DifficultyMax), (0.001, 4.0), (0.001, 4.0), (0.001, 0.75), (0.0, 4.5), (0.0, 0.8), (0.001, 3.5),
        (0.001, 5.0), (0.001, 0.25), (0.001, 0.9), (0.0, 4.0), (0.0, 1.0), (1.0, 6.0),
        (0.0, 2.0), (0.0, 2.0), (0.01, 0.8), (0.1, 0.8),
    ];

    public static double Min(int i) => Bounds[i].Min;

    /// <summary>Clips in place. With more than one relearning step, w17 and w18 get a lower ceiling so that
    /// a lapse followed by same-day Goods cannot end above the stability before the lapse.</summary>
    public static void Clip(Span<double> w, int relearningSteps)
    {
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = Math.Clamp(w[i], Bounds[i].Min, Bounds[i].Max);
        }
        var ceiling = W17W18Ceiling(w, relearningSteps);
        w[17] = Math.Min(w[17], ceiling);
        w[18] = Math.Min(w[18], ceiling);
    }

    public static double W17W18Ceiling(ReadOnlySpan<double> w, int relearningSteps)
    {
        if (relearningSteps <= 1)
        {
            return 2.0;
        }
        var value = -(Math.Log(w[11]) + Math.Log(Math.Pow(2.0, w[13]) - 1.0) + 0.3 * w[14]) / relearningSteps;
        return Math.Min(2.0, Math.Sqrt(Math.Max(0.01, value)));
    }
}
