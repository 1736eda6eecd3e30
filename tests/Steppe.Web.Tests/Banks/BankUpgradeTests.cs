using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Steppe.Web.Data;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Banks;

/// <summary>A database made before the SecurityAndQuotas migration keeps its banks, their content now in a table of its own.</summary>
public sealed class BankUpgradeTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Banks_stored_before_the_upgrade_are_served_unchanged_their_content_in_its_own_table()
    {
        var content = "{\"format\":1,\"id\":\"old\",\"title\":\"Old\",\"questions\":[]}"u8.ToArray();
        await using (var app = new SteppeFactory(_folder))
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.EnsureDeletedAsync();
            await db.GetService<IMigrator>().MigrateAsync("20261127033547_LiveResults");
            await using var connection = new SqliteConnection(db.Database.GetConnectionString());
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO Banks (Id, Title, Language, QuestionCount, Themes, Content, FileSha256, UpdatedAt) VALUES ('old', 'Old', 'en', 0, '[]', $c, 'x', 0)";
            insert.Parameters.AddWithValue("$c", content);
            await insert.ExecuteNonQueryAsync();

            await db.Database.MigrateAsync();
            await using var last = connection.CreateCommand();
            last.CommandText = "SELECT count(*) FROM pragma_table_info('Banks') WHERE name = 'Content'";
            (await last.ExecuteScalarAsync()).Should().Be(0L, "a list of titles never walks a bank's blob");
        }

        await using var upgraded = new SteppeFactory(_folder);
        (await upgraded.CreateClient().GetByteArrayAsync("/api/banks/old")).Should().Equal(content);
    }
}
