using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Steppe.Web.Accounts;

namespace Steppe.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<BankEntity> Banks => Set<BankEntity>();
    public DbSet<BankContentEntity> BankContents => Set<BankContentEntity>();
    public DbSet<BankVersionEntity> BankVersions => Set<BankVersionEntity>();
    public DbSet<QuestionEntity> Questions => Set<QuestionEntity>();
    public DbSet<Study.StudySettingsEntity> StudySettings => Set<Study.StudySettingsEntity>();
    public DbSet<Study.DeckEntity> Decks => Set<Study.DeckEntity>();
    public DbSet<Study.CardEntity> Cards => Set<Study.CardEntity>();
    public DbSet<Study.ReviewEntity> Reviews => Set<Study.ReviewEntity>();
    public DbSet<Study.ReviewUndoEntity> ReviewUndos => Set<Study.ReviewUndoEntity>();
    public DbSet<Live.LiveGameEntity> LiveGames => Set<Live.LiveGameEntity>();
    public DbSet<Live.LiveQuestionEntity> LiveQuestions => Set<Live.LiveQuestionEntity>();
    public DbSet<Live.LivePlayerEntity> LivePlayers => Set<Live.LivePlayerEntity>();
    public DbSet<Live.LiveAnswerEntity> LiveAnswers => Set<Live.LiveAnswerEntity>();
    public DbSet<SessionEntity> Sessions => Set<SessionEntity>();
    public DbSet<Media.MediaEntity> Media => Set<Media.MediaEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks.
        modelBuilder.Entity<AppUser>().Property(u => u.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
    }
}
