using Microsoft.EntityFrameworkCore;

namespace Steppe.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<BankEntity> Banks => Set<BankEntity>();
    public DbSet<QuestionEntity> Questions => Set<QuestionEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}
