namespace Steppe.Domain.Scheduling;

/// <summary>How one learner's cards are scheduled.</summary>
public sealed record SchedulerOptions
{
    public const double MinRetention = 0.70;
    public const double MaxRetention = 0.99;

    public FsrsParameters Parameters { get; init; } = FsrsParameters.Default;

    /// <summary>The recall probability at which a card comes due; 0.70–0.99.</summary>
    public double DesiredRetention { get; init; } = 0.9;

    /// <summary>Steps of a new card before it graduates to day intervals (Anki's default 1m 10m).</summary>
    public IReadOnlyList<TimeSpan> LearningSteps { get; init; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)];

    /// <summary>Steps after a lapse (Anki's default 10m).</summary>
    public IReadOnlyList<TimeSpan> RelearningSteps { get; init; } = [TimeSpan.FromMinutes(10)];

    public int MaximumIntervalDays { get; init; } = 36500;

    /// <summary>Spread intervals a little, as Anki does, so cards learnt together do not stay together.</summary>
    public bool EnableFuzz { get; init; } = true;

    /// <summary>Use the same-day (short-term) stability formula of FSRS-6.</summary>
    public bool EnableShortTerm { get; init; } = true;

    /// <summary>Days are counted in this time zone…</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>…and a new day starts at this hour (Anki's default is 4 am).</summary>
    public int DayStartHour { get; init; } = 4;

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (DesiredRetention is < MinRetention or > MaxRetention || double.IsNaN(DesiredRetention))
        {
            problems.Add($"desired retention must be between {MinRetention} and {MaxRetention}, not {DesiredRetention}");
        }
        if (MaximumIntervalDays is < 1 or > 36500)
        {
            problems.Add($"maximum interval must be 1 to 36500 days, not {MaximumIntervalDays}");
        }
        if (DayStartHour is < 0 or > 23)
        {
            problems.Add($"day start hour must be 0 to 23, not {DayStartHour}");
        }
        foreach (var (name, steps) in new[] { ("learning", LearningSteps), ("relearning", RelearningSteps) })
        {
            if (steps.Any(s => s < TimeSpan.FromMinutes(1) || s.Ticks % TimeSpan.TicksPerMinute != 0))
            {
                problems.Add($"{name} steps must be whole minutes of at least 1m");
            }
        }
        return problems;
    }

    /// <summary>The whole days between two instants, counted on the learner's calendar.</summary>
    public int ElapsedDays(DateTimeOffset from, DateTimeOffset to) => DayNumber(to) - DayNumber(from);

    /// <summary>The learner's day that holds <paramref name="now"/>, as instants: from the day-start hour on its local
    /// date to the day-start hour of the next (the same days as <see cref="DayNumber"/>). A day-start hour that the
    /// clocks skip (spring forward) starts the day when the clocks jump past it; one they repeat (fall back) starts it
    /// the first time. So a day can last 23, 23.5, 24.5 or 25 hours, and never fails.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) DayBounds(DateTimeOffset now)
    {
        var date = DateTime.UnixEpoch.Date.AddDays(DayNumber(now));
        return (Instant(date.AddHours(DayStartHour)), Instant(date.AddDays(1).AddHours(DayStartHour)));
    }

    /// <summary>The instant a local wall-clock time names: the jump past it when it is skipped, its first
    /// occurrence when it is repeated.</summary>
    private DateTimeOffset Instant(DateTime wall)
    {
        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (TimeZone.IsInvalidTime(wall))
        {
            offset = TimeZone.GetUtcOffset(wall.AddHours(-3)); // the offset before the gap: wall minus it is the jump
        }
        else if (TimeZone.IsAmbiguousTime(wall))
        {
            offset = TimeZone.GetAmbiguousTimeOffsets(wall).Max(); // the larger offset is the earlier instant
        }
        else
        {
            offset = TimeZone.GetUtcOffset(wall);
        }
        return new DateTimeOffset(wall - offset, TimeSpan.Zero);
    }

    /// <summary>The learner's day number of an instant: its local date, shifted back by the day-start hour.</summary>
    public int DayNumber(DateTimeOffset instant)
    {
        var wall = TimeZone == TimeZoneInfo.Utc ? instant.UtcDateTime : TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;
        var local = wall.AddHours(-DayStartHour);
        return local.Date.Subtract(DateTime.UnixEpoch.Date).Days;
    }
}
