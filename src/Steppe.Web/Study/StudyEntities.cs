using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steppe.Domain.Scheduling;
using Steppe.Web.Accounts;

namespace Steppe.Web.Study;

/// <summary>A learner's scheduling settings (one row per user; defaults until changed).</summary>
public sealed class StudySettingsEntity
{
    public required string UserId { get; set; }
    public double DesiredRetention { get; set; } = 0.9;
    public int NewCardsPerDay { get; set; } = 20;
    public int MaxReviewsPerDay { get; set; } = 200;
    public string LearningSteps { get; set; } = "1m 10m";
    public string RelearningSteps { get; set; } = "10m";
    public string TimeZone { get; set; } = "UTC";
    public int DayStartHour { get; set; } = 4;

    /// <summary>The learner's own FSRS parameters ("w0,…,w20"), or null for the defaults.</summary>
    public string? Parameters { get; set; }
    public int ParametersVersion { get; set; } = (int)FsrsVersion.Fsrs6;
}

/// <summary>A bank a user studies.</summary>
public sealed class DeckEntity
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string BankId { get; set; }
    public required string Title { get; set; }
    public long CreatedAtTicks { get; set; }
}

/// <summary>One question in one user's deck, with its schedule. The schedule is a cache of the card's
/// review log (<see cref="ReviewEntity"/>): replaying the log gives the same values.</summary>
public sealed class CardEntity
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public long DeckId { get; set; }
    public required string BankId { get; set; }
    public required string QuestionId { get; set; }
    public CardState State { get; set; }
    public int Step { get; set; }
    public double? Stability { get; set; }
    public double? Difficulty { get; set; }
    public long DueTicks { get; set; }
    public long? LastReviewTicks { get; set; }
    public int ScheduledDays { get; set; }
    public int Reviews { get; set; }
    public int Lapses { get; set; }
    public bool Suspended { get; set; }
    public long? BuriedUntilTicks { get; set; }
    public bool Leech { get; set; }

    /// <summary>The card's question left its bank (or the bank was deleted): the card is suspended with its history
    /// kept, and comes back if a later version of the bank brings the question back.</summary>
    public bool QuestionRemoved { get; set; }

    /// <summary>When a new version of the bank changed this card's answer and put the card back to relearning;
    /// cleared by the next answer. The study page says so.</summary>
    public long? AnswerChangedAtTicks { get; set; }

    /// <summary>Counts changes; a rating must name the version it was shown, or it is refused (409).</summary>
    public int Version { get; set; }
    public long AddedAtTicks { get; set; }
}

/// <summary>One answer, as given. Append-only: an undo is a new row in <see cref="ReviewUndoEntity"/>.</summary>
public sealed class ReviewEntity
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public long CardId { get; set; }

    /// <summary>Made by the browser for each answer, so a retried submission is stored once.</summary>
    public Guid ClientId { get; set; }
    public Rating Rating { get; set; }
    public long ReviewedAtTicks { get; set; }
    public int? DurationMs { get; set; }
    public CardState StateBefore { get; set; }
}

/// <summary>Marks a review as undone (Ctrl+Z); replays skip it.</summary>
public sealed class ReviewUndoEntity
{
    public long Id { get; set; }
    public long ReviewId { get; set; }
    public long UndoneAtTicks { get; set; }
}

internal sealed class StudyConfiguration :
    IEntityTypeConfiguration<StudySettingsEntity>, IEntityTypeConfiguration<DeckEntity>, IEntityTypeConfiguration<CardEntity>,
    IEntityTypeConfiguration<ReviewEntity>, IEntityTypeConfiguration<ReviewUndoEntity>
{
    public void Configure(EntityTypeBuilder<StudySettingsEntity> b)
    {
        b.ToTable("StudySettings");
        b.HasKey(x => x.UserId);
        b.HasOne<AppUser>().WithOne().HasForeignKey<StudySettingsEntity>(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DeckEntity> b)
    {
        b.ToTable("Decks");
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.BankId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<CardEntity> b)
    {
        b.ToTable("Cards");
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<DeckEntity>().WithMany().HasForeignKey(x => x.DeckId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.DeckId, x.QuestionId }).IsUnique();
        // The hot query: a user's next due card.
        // Covers the study queue's counts and picks (a user's cards of a state, due before a time, neither
        // suspended nor buried) from the index alone: see the README's performance section.
        b.HasIndex(x => new { x.UserId, x.State, x.DueTicks, x.Suspended, x.BuriedUntilTicks });
    }

    public void Configure(EntityTypeBuilder<ReviewEntity> b)
    {
        b.ToTable("Reviews");
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CardEntity>().WithMany().HasForeignKey(x => x.CardId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.ClientId }).IsUnique();
        b.HasIndex(x => new { x.CardId, x.ReviewedAtTicks });
        b.HasIndex(x => new { x.UserId, x.ReviewedAtTicks });
    }

    public void Configure(EntityTypeBuilder<ReviewUndoEntity> b)
    {
        b.ToTable("ReviewUndos");
        b.HasOne<ReviewEntity>().WithOne().HasForeignKey<ReviewUndoEntity>(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
