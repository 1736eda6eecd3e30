namespace Steppe.Domain.Scheduling;

/// <summary>A card's scheduling state. It is a cache of the card's review log: <see cref="Replay"/> derives
/// it from the log alone.</summary>
public sealed record CardSchedule
{
    public CardState State { get; init; } = CardState.New;

    /// <summary>Index of the current learning or relearning step.</summary>
    public int Step { get; init; }

    /// <summary>Null until the first review.</summary>
    public MemoryState? Memory { get; init; }

    public DateTimeOffset Due { get; init; }
    public DateTimeOffset? LastReview { get; init; }

    /// <summary>Whole days to the due date when the card is on day intervals; 0 in (re)learning steps.</summary>
    public int ScheduledDays { get; init; }

    public int Reviews { get; init; }
    public int Lapses { get; init; }

    public static CardSchedule New(DateTimeOffset due) => new() { Due = due };
}

/// <summary>The card after one answer, with the whole days that had passed since the review before.</summary>
public sealed record ReviewOutcome(Rating Rating, CardSchedule Card, int ElapsedDays)
{
    /// <summary>The time until the card is due again, for button labels ("Good · 3d").</summary>
    public TimeSpan Interval(DateTimeOffset now) => Card.Due - now;
}

/// <summary>All four outcomes of one review, computed at once: the buttons show them, the answer picks one.</summary>
public sealed record NextStates(ReviewOutcome Again, ReviewOutcome Hard, ReviewOutcome Good, ReviewOutcome Easy)
{
    public ReviewOutcome this[Rating rating] => rating switch
    {
        Rating.Again => Again,
        Rating.Hard => Hard,
        Rating.Good => Good,
        Rating.Easy => Easy,
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "a rating is 1 (Again) to 4 (Easy)"),
    };
}
