using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steppe.Web.Data;

/// <summary>One question of a bank, in bank order, with its canonical JSON, so that decks and live games
/// can refer to a single question by (bank id, question id).</summary>
public sealed class QuestionEntity
{
    public required string BankId { get; set; }
    public required string Id { get; set; }
    public int Position { get; set; }
    public required string Type { get; set; }
    public required string Prompt { get; set; }
    public List<string> Themes { get; set; } = [];

    /// <summary>The question as canonical format-v1 JSON.</summary>
    public required string Content { get; set; }
}

internal sealed class QuestionEntityConfiguration : IEntityTypeConfiguration<QuestionEntity>
{
    public void Configure(EntityTypeBuilder<QuestionEntity> b)
    {
        b.ToTable("Questions");
        b.HasKey(x => new { x.BankId, x.Id });
        b.Property(x => x.Id).HasMaxLength(100);
        b.Property(x => x.Type).HasMaxLength(20);
        // Not unique: reordering a bank swaps positions within one save.
        b.HasIndex(x => new { x.BankId, x.Position });
    }
}
