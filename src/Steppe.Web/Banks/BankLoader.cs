using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steppe.Domain.Banks;
using Steppe.Web.Data;
using Steppe.Web.Hosting;

namespace Steppe.Web.Banks;

/// <summary>What the last start-up load did, for the log and the home page.</summary>
public sealed record BankLoadReport(
    IReadOnlyList<string> Added, IReadOnlyList<string> Updated, IReadOnlyList<string> Unchanged, IReadOnlyList<SkippedBankFile> Skipped)
{
    public static readonly BankLoadReport Empty = new([], [], [], []);
}

public sealed record SkippedBankFile(string File, IReadOnlyList<string> Problems);

/// <summary>Loads every *.json bank of the bank folder into the database. Idempotent: an unchanged file
/// changes nothing, a changed one replaces its bank, and an invalid one is logged and skipped while the
/// others load.</summary>
public sealed class BankLoader(
    IServiceScopeFactory scopes, IOptions<BanksOptions> options, IHostEnvironment env, Media.FolderMedia media, TimeProvider clock, ILogger<BankLoader> logger)
{
    public BankLoadReport LastReport { get; private set; } = BankLoadReport.Empty;

    public string Folder => SteppePaths.Resolve(env.ContentRootPath, options.Value.Directory);

    public async Task<BankLoadReport> LoadAllAsync(CancellationToken ct = default)
    {
        var (added, updated, unchanged, skipped) = (new List<string>(), new List<string>(), new List<string>(), new List<SkippedBankFile>());
        if (!Directory.Exists(Folder))
        {
            logger.LogWarning("Bank folder {Folder} does not exist; no banks loaded", Folder);
            return LastReport = BankLoadReport.Empty;
        }

        await media.LoadAsync(Folder, ct); // before the banks, which may name its pictures
        skipped.AddRange(media.Skipped.Select(s => new SkippedBankFile("media/" + s.File, [s.Problem])));
        var fileOfBank = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            var (bank, bytes, problems) = Read(path);
            if (bank is not null && fileOfBank.TryGetValue(bank.Id, out var other))
            {
                problems = [$"$.id: bank id '{bank.Id}' is already used by {other}"];
                bank = null;
            }
            if (bank is null)
            {
                logger.LogWarning("Skipped bank file {File}: {Problems}", file, string.Join("; ", problems));
                skipped.Add(new SkippedBankFile(file, problems));
                continue;
            }
            fileOfBank[bank.Id] = file;

            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            // An unchanged file is told by its stored hash alone; the questions are loaded only to be replaced.
            var stamp = await db.Banks.AsNoTracking().Where(b => b.Id == bank.Id).Select(b => new { b.FileSha256, b.SourceFile }).SingleOrDefaultAsync(ct);
            if (stamp is { SourceFile: null })
            {
                // A file never takes over a bank that someone made or uploaded in the browser.
                skipped.Add(new SkippedBankFile(file, [$"$.id: bank id '{bank.Id}' is used by a bank added in the browser; give the file another id"]));
                logger.LogWarning("Skipped bank file {File}: its id {Id} is used by a bank added in the browser", file, bank.Id);
                continue;
            }
            if (stamp is not null && stamp.FileSha256 == sha && stamp.SourceFile == file)
            {
                unchanged.Add(bank.Id);
                continue;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var existing = stamp is null ? null : await db.Banks.Include(b => b.Questions).Include(b => b.Contents).SingleAsync(b => b.Id == bank.Id, ct);
            var now = clock.GetUtcNow();
            if (existing is null)
            {
                db.Banks.Add(BankRows.From(bank, sha, file, now));
                await db.SaveChangesAsync(ct);
                added.Add(bank.Id);
            }
            else
            {
                // The file changed: learners' cards move on with it as with a bank replaced in the browser.
                var revision = BankRevision.Between(BankReader.Read(existing.Contents!.Content).Bank!, bank);
                BankRows.Update(existing, bank, sha, file, now);
                await db.SaveChangesAsync(ct);
                await DeckRevisions.ApplyAsync(db, bank.Id, revision, now, ct);
                updated.Add(bank.Id);
            }
            await transaction.CommitAsync(ct);
        }

        logger.LogInformation(
            "Banks from {Folder}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Skipped} skipped",
            Folder, added.Count, updated.Count, unchanged.Count, skipped.Count);
        return LastReport = new BankLoadReport(added, updated, unchanged, skipped);
    }

    private (QuestionBank? Bank, byte[] Bytes, IReadOnlyList<string> Problems) Read(string path)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (BankReader.TextProblem(length, options.Value.MaxFileBytes) is { } tooBig)
            {
                return (null, [], [tooBig.ToString()]);
            }
            var bytes = File.ReadAllBytes(path);
            var result = BankReader.Read(bytes, options.Value.MaxFileBytes, media.Has);
            return (result.Bank, bytes, result.Problems.Select(p => p.ToString()).ToList());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [], [$"$: cannot be read: {e.Message}"]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A reader bug met by one hostile file must not keep the server from starting with the others.
            logger.LogError(e, "Reading bank file {File} failed", path);
            return (null, [], [$"$: cannot be read ({e.GetType().Name}); see the server's log"]);
        }
    }
}
