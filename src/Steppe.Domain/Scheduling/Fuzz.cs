namespace Steppe.Domain.Scheduling;

/// <summary>Interval fuzz as Anki applies it: a random day within a range that widens with the interval,
/// drawn from a seed of the card id and its review count so a preview, the answer and a replay agree.</summary>
public static class Fuzz
{
    private static readonly (double Start, double End, double Factor)[] Ranges =
    [
        (2.5, 7.0, 0.15),
        (7.0, 20.0, 0.1),
        (20.0, double.PositiveInfinity, 0.05),
    ];

    /// <summary>How far either side of the interval a fuzzed interval may land.</summary>
    public static double Delta(double interval)
    {
        if (interval < 2.5)
        {
            return 0.0;
        }
        var delta = 1.0;
        foreach (var (start, end, factor) in Ranges)
        {
            delta += factor * Math.Max(Math.Min(interval, end) - start, 0.0);
        }
        return delta;
    }

    /// <summary>The lowest and highest interval the fuzz can give, within [minimum, maximum].</summary>
    public static (int Lower, int Upper) Bounds(double interval, int minimum, int maximum)
    {
        minimum = Math.Min(minimum, maximum);
        interval = Math.Clamp(interval, minimum, maximum);
        var delta = Delta(interval);
        var lower = Math.Clamp((int)Math.Round(interval - delta, MidpointRounding.AwayFromZero), minimum, maximum);
        var upper = Math.Clamp((int)Math.Round(interval + delta, MidpointRounding.AwayFromZero), minimum, maximum);
        if (upper == lower && upper > 2 && upper < maximum)
        {
            upper = lower + 1;
        }
        return (lower, upper);
    }

    /// <summary>The fuzzed interval for a factor in [0, 1); without a factor, the interval rounded and clamped.</summary>
    public static int Apply(double interval, int minimum, int maximum, double? factor)
    {
        if (factor is not { } f)
        {
            return Math.Clamp((int)Math.Round(interval, MidpointRounding.AwayFromZero), Math.Min(minimum, maximum), maximum);
        }
        var (lower, upper) = Bounds(interval, minimum, maximum);
        return (int)Math.Floor(lower + f * (1 + upper - lower));
    }

    /// <summary>A factor in [0, 1) fixed by the card and how many times it has been reviewed (SplitMix64).</summary>
    public static double Factor(long cardId, int reviews)
    {
        var z = unchecked((ulong)cardId * 0x9E3779B97F4A7C15UL + (ulong)reviews + 0x632BE59BD9B4E019UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
