using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steppe.Web.Data;

/// <summary>A loaded bank. <see cref="Contents"/> holds the bank in canonical v1 JSON, the truth that the API
/// serves; the other columns are what listings need without parsing it.</summary>
public sealed class BankEntity
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public required string Language { get; set; }
    public string? Description { get; set; }
    public int QuestionCount { get; set; }
    public List<ThemeEntity> Themes { get; set; } = [];

    /// <summary>The bank as canonical format-v1 JSON, in a table of its own (see <see cref="BankContentEntity"/>).</summary>
    public BankContentEntity? Contents { get; set; }

    /// <summary>SHA-256 of the file as read, to tell a changed file from an unchanged one.</summary>
    public required string FileSha256 { get; set; }

    /// <summary>The file the bank came from, relative to the bank folder; null for banks added otherwise.</summary>
    public string? SourceFile { get; set; }

    /// <summary>The account that added the bank through the API, whose quota it counts against; null for banks
    /// loaded from the bank folder (or whose account was deleted: the bank stays for those who study it).</summary>
    public string? OwnerId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Who may read the bank's answers besides its owner (see <see cref="Banks.BankAccess"/>). Banks of the
    /// bank folder are the operator's samples, readable by everyone whatever this says.</summary>
    public BankVisibility Visibility { get; set; }

    /// <summary>The secret of the bank's share link while it is shared by link; a new one each time it is shared.</summary>
    public string? ShareKey { get; set; }

    /// <summary>The number of the current version: 1 when first saved, one more at each replacement.</summary>
    public int Version { get; set; }

    public List<QuestionEntity> Questions { get; set; } = [];
}

/// <summary>Who may read a bank (its questions and answers) besides its owner.</summary>
public enum BankVisibility
{
    /// <summary>Nobody else: the default for a bank made or uploaded in the browser.</summary>
    Private = 0,

    /// <summary>Whoever has its share link.</summary>
    Link = 1,

    /// <summary>Everyone, listed on the home page.</summary>
    Public = 2,
}

/// <summary>One saved version of a bank made or uploaded in the browser (the current one included), Brotli-compressed
/// canonical JSON; the oldest are pruned beyond <see cref="Banks.BanksOptions.VersionsKept"/>.</summary>
public sealed class BankVersionEntity
{
    public required string BankId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public int QuestionCount { get; set; }
    public long SavedAtTicks { get; set; }
    public required byte[] Compressed { get; set; }
}

internal sealed class BankVersionEntityConfiguration : IEntityTypeConfiguration<BankVersionEntity>
{
    public void Configure(EntityTypeBuilder<BankVersionEntity> b)
    {
        b.ToTable("BankVersions");
        b.HasKey(x => new { x.BankId, x.Number });
        b.Property(x => x.BankId).HasMaxLength(100);
        b.HasOne<BankEntity>().WithMany().HasForeignKey(x => x.BankId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A bank's content: the bank as canonical format-v1 JSON (UTF-8). Not a column of the bank's row, because
/// SQLite reads a row's columns in order and a column stored after a large blob costs a walk through the blob's
/// overflow pages: a list of titles would read every bank.</summary>
public sealed class BankContentEntity
{
    public required string BankId { get; set; }
    public required byte[] Content { get; set; }
}

internal sealed class BankContentEntityConfiguration : IEntityTypeConfiguration<BankContentEntity>
{
    public void Configure(EntityTypeBuilder<BankContentEntity> b)
    {
        b.ToTable("BankContents");
        b.HasKey(x => x.BankId);
        b.Property(x => x.BankId).HasMaxLength(100);
    }
}

/// <summary>A theme of a bank with the number of its questions, kept as JSON inside the bank row.</summary>
public sealed class ThemeEntity
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public List<string> Keywords { get; set; } = [];
    public int QuestionCount { get; set; }
}

internal sealed class BankEntityConfiguration : IEntityTypeConfiguration<BankEntity>
{
    public void Configure(EntityTypeBuilder<BankEntity> b)
    {
        b.ToTable("Banks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(100);
        b.OwnsMany(x => x.Themes, t => t.ToJson());
        b.HasOne(x => x.Contents).WithOne().HasForeignKey<BankContentEntity>(c => c.BankId).OnDelete(DeleteBehavior.Cascade);
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks.
        b.Property(x => x.UpdatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        b.HasMany(x => x.Questions).WithOne().HasForeignKey(q => q.BankId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.OwnerId);
        b.HasIndex(x => x.Visibility);
        b.Property(x => x.ShareKey).HasMaxLength(64);
    }
}
