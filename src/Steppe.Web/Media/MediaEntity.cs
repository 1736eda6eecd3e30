using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steppe.Web.Media;

/// <summary>A picture uploaded by an author, cleaned (<see cref="ImageCleaner"/>). Its <see cref="Name"/> is made
/// from its content's hash, so the same picture has the same address and a cached copy never goes stale. Kept per
/// author (for their quota, and for what their banks may name). <see cref="OwnerId"/> is not a foreign key: an account
/// deleted leaves its banks to their learners (their owner set to none), and the pictures those banks show stay too.</summary>
public sealed class MediaEntity
{
    /// <summary>"&lt;32 hex digits of SHA-256&gt;.&lt;png|jpg|webp|gif&gt;", as banks name it after "media/".</summary>
    public required string Name { get; set; }
    public required string OwnerId { get; set; }
    public required string ContentType { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public required byte[] Data { get; set; }
    public long UploadedAtTicks { get; set; }
}

internal sealed class MediaEntityConfiguration : IEntityTypeConfiguration<MediaEntity>
{
    public void Configure(EntityTypeBuilder<MediaEntity> b)
    {
        b.ToTable("Media");
        b.HasKey(x => new { x.Name, x.OwnerId });
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.ContentType).HasMaxLength(20);
        b.Property(x => x.OwnerId).HasMaxLength(450);
        b.HasIndex(x => x.OwnerId);
    }
}
