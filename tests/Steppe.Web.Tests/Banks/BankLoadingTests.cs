using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Steppe.Web.Banks;
using Steppe.Web.Data;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Banks;

/// <summary>Start-up loading of the bank folder, across restarts of the app on the same database.</summary>
public sealed class BankLoadingTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Starts the app on the folder (loading the banks), runs <paramref name="check"/>, stops it.</summary>
    private async Task<T> WithApp<T>(Func<IServiceProvider, SteppeFactory, Task<T>> check)
    {
        await using var app = new SteppeFactory(_folder);
        _ = app.Server; // starts the host, which migrates and loads
        await using var scope = app.Services.CreateAsyncScope();
        return await check(scope.ServiceProvider, app);
    }

    private Task<(int Banks, int Questions, BankLoadReport Report)> Counts() => WithApp(async (sp, _) =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        return (await db.Banks.CountAsync(), await db.Questions.CountAsync(), sp.GetRequiredService<BankLoader>().LastReport);
    });

    [Fact]
    public async Task A_restart_duplicates_nothing()
    {
        _folder.CopyRepoBank("sino-kazakh-relations-starter.json");
        _folder.WriteBank("small.json", BankJson.Minimal("small", "Small", "a", "b"));

        var first = await Counts();
        var second = await Counts();

        first.Report.Added.Should().BeEquivalentTo("sino-kazakh-relations-starter", "small");
        second.Report.Added.Should().BeEmpty();
        second.Report.Unchanged.Should().BeEquivalentTo("sino-kazakh-relations-starter", "small");
        (second.Banks, second.Questions).Should().Be((first.Banks, first.Questions));
        first.Banks.Should().Be(2);
    }

    [Fact]
    public async Task A_changed_file_updates_its_bank_adding_and_removing_questions()
    {
        _folder.WriteBank("small.json", BankJson.Minimal("small", "Small", "a", "b", "c"));
        await Counts();

        _folder.WriteBank("small.json", BankJson.Minimal("small", "Smaller now", "c", "a", "d"));
        var (rows, report) = await WithApp(async (sp, _) =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var rows = await db.Questions.Where(q => q.BankId == "small").OrderBy(q => q.Position).Select(q => q.Id).ToListAsync();
            var bank = await db.Banks.SingleAsync(b => b.Id == "small");
            return ((Ids: rows, bank.Title, bank.QuestionCount), sp.GetRequiredService<BankLoader>().LastReport);
        });

        report.Updated.Should().Equal("small");
        rows.Ids.Should().Equal("c", "a", "d");
        (rows.Title, rows.QuestionCount).Should().Be(("Smaller now", 3));
    }

    [Fact]
    public async Task An_invalid_file_is_logged_with_its_problems_and_skipped_while_the_others_load()
    {
        _folder.WriteBank("a-good.json", BankJson.Minimal("good", "Good", "a"));
        _folder.WriteBank("b-bad.json", """{ "format": 1, "id": "bad", "title": "Bad", "questions": [{ "id": "q", "type": "cloze", "prompt": "No blank", "answer": "x" }] }""");
        _folder.WriteBank("c-empty.json", "");
        File.WriteAllBytes(Path.Combine(_folder.Banks, "d-utf16.json"), System.Text.Encoding.Unicode.GetBytes("{}"));
        _folder.WriteBank("e-good.json", BankJson.Minimal("also-good", "Also good", "a"));

        var (ids, logs) = await WithApp(async (sp, app) =>
            (await sp.GetRequiredService<AppDbContext>().Banks.Select(b => b.Id).ToListAsync(), app.Logs.GetSnapshot()));

        ids.Should().BeEquivalentTo("good", "also-good");
        var warnings = logs.Where(l => l.Level == LogLevel.Warning && l.Category == typeof(BankLoader).FullName).Select(l => l.Message).ToList();
        warnings.Should().HaveCount(3);
        warnings.Should().ContainMatch("Skipped bank file b-bad.json: $.questions[0].prompt: must hold exactly one blank*(line 1, column 99)");
        warnings.Should().ContainMatch("Skipped bank file c-empty.json: $: the file is empty*");
        warnings.Should().ContainMatch("Skipped bank file d-utf16.json: $: the file is UTF-16 encoded*");
    }

    [Fact]
    public async Task A_second_file_with_the_same_bank_id_is_skipped()
    {
        _folder.WriteBank("a.json", BankJson.Minimal("same", "First", "a"));
        _folder.WriteBank("b.json", BankJson.Minimal("same", "Second", "a"));

        var (_, _, report) = await Counts();

        report.Added.Should().Equal("same");
        report.Skipped.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            File = "b.json",
            Problems = new[] { "$.id: bank id 'same' is already used by a.json" },
        });
    }

    [Fact]
    public async Task The_database_is_migrated_in_wal_mode_with_foreign_keys_on_and_every_commit_synced()
    {
        _folder.WriteBank("small.json", BankJson.Minimal("small", "Small", "a"));

        var (journal, foreignKeys, synchronous, migrations) = await WithApp(async (sp, _) =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await db.Database.OpenConnectionAsync();
            var journal = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
            var fk = await db.Database.SqlQueryRaw<long>("PRAGMA foreign_keys").ToListAsync();
            var synchronous = await db.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync();
            return (journal.Single(), fk.Single(), synchronous.Single(), (await db.Database.GetAppliedMigrationsAsync()).ToList());
        });

        journal.Should().Be("wal");
        foreignKeys.Should().Be(1);
        synchronous.Should().Be(2, "FULL: an acknowledged review survives a power cut (docs/decisions/0003-sqlite-durability.md)");
        migrations.Should().NotBeEmpty().And.BeEquivalentTo(
            typeof(AppDbContext).Assembly.GetTypes()
                .Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)))
                .Select(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false)
                    .Cast<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>().Single().Id));
    }
}
