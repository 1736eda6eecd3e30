using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steppe.Domain.Banks;
using Steppe.Web.Data;

namespace Steppe.Web.Banks;

/// <summary>What saving a bank came to: one of these, told to the client in one place (<see cref="BanksApi"/>).</summary>
public abstract record BankSaveResult
{
    private BankSaveResult() { }

    /// <summary>Saved; <paramref name="Revision"/> is what the new version did to the old one's questions (null for a new bank).</summary>
    public sealed record Saved(BankEntity Bank, BankRevision? Revision, string? RenamedFrom) : BankSaveResult;

    /// <summary>The file is not a valid bank, or breaks a rule for banks added here; every problem at its place.</summary>
    public sealed record Invalid(Dictionary<string, string[]> Problems, string Title) : BankSaveResult;

    /// <summary>No bank of that id that this user may read.</summary>
    public sealed record NotFound(string Id) : BankSaveResult;

    /// <summary>Refused for a reason a person can act on (read-only, quota, an id in use).</summary>
    public sealed record Refused(int Status, string Title, string Detail) : BankSaveResult;
}

/// <summary>Saves, replaces and deletes the banks made or uploaded in the browser: a bank is checked by the same
/// validator as a file, counted against its author's quota, and saved whole with its version, or not at all. One
/// save at a time checks the quota, so that uploads sent at once cannot pass it together; a replacement also
/// passes the study write gate, because it changes learners' cards.</summary>
public sealed class BankStore(AppDbContext db, IOptions<BanksOptions> options, WriteGate writes, Media.MediaLibrary media, TimeProvider clock)
{
    private static readonly SemaphoreSlim SaveGate = new(1, 1);

    /// <summary>Ids whose page address is taken by another page (<c>/banks/new</c>, <c>/banks/import</c>).</summary>
    private static readonly HashSet<string> Reserved = new(["new", "import"], StringComparer.Ordinal);

    /// <summary>Reads a bank file sent by a user: the validator's problems, or the bank within this server's limits.</summary>
    /// <param name="author">Whose bank it is: it may name their pictures and the bank folder's.</param>
    public (QuestionBank? Bank, BankSaveResult.Invalid? Problems) Check(byte[] bytes, string author)
    {
        var (problems, bank) = Problems(bytes, author);
        if (problems.Count == 0)
        {
            return (bank, null);
        }
        var errors = problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => $"{p.Message} (line {p.Line}, column {p.Column})").ToArray());
        return (null, new BankSaveResult.Invalid(errors, bank is null ? "The bank has problems" : "The bank is too large"));
    }

    /// <summary>Every problem of a bank file sent by a user, at its place: the validator's, then this server's
    /// limits for banks added here; and the bank, when it could be read.</summary>
    public (IReadOnlyList<BankProblem> Problems, QuestionBank? Bank) Problems(byte[] bytes, string author)
    {
        var result = BankReader.Read(bytes, BanksApi.MaxImportBytes, media.ExistsFor(author));
        if (result.Bank is not { } bank)
        {
            return (result.Problems, null);
        }
        var most = options.Value.MaxQuestionsPerBank;
        return bank.Questions.Count > most
            ? ([new BankProblem("$.questions", $"has {bank.Questions.Count:N0} questions; a bank may hold up to {most:N0}: split it into several banks", 1, 1)], bank)
            : ([], bank);
    }

    /// <summary>A new bank of <paramref name="owner"/>, private. An id already taken by a bank the owner cannot
    /// see is not theirs to know about: the bank is saved under the next free id ("id-2", …) instead; so is a
    /// <paramref name="copy"/> whose id the owner already has.</summary>
    public async Task<BankSaveResult> CreateAsync(QuestionBank bank, byte[] bytes, string owner, CancellationToken ct, bool copy = false)
    {
        await SaveGate.WaitAsync(ct);
        try
        {
            var taken = await db.Banks.RowAsync(bank.Id, ct);
            if (taken is not null && BankAccess.IsOwner(taken, owner) && !copy)
            {
                return new BankSaveResult.Refused(StatusCodes.Status409Conflict, "You have a bank of this id",
                    $"You already have a bank with id '{bank.Id}': replace it from its page (or PUT /api/banks/{bank.Id}), or give this one another id.");
            }
            // A deleted bank's id stays taken while learners' decks still name it: a new bank under it would be
            // read by their old cards.
            var renamedFrom = taken is null && !Reserved.Contains(bank.Id) && !await db.Decks.AnyAsync(d => d.BankId == bank.Id, ct) ? null : bank.Id;
            if (renamedFrom is not null)
            {
                bank = bank with { Id = await FreeIdAsync(bank.Id, ct) };
            }
            if (await QuotaProblemAsync(owner, except: null, BankWriter.ToUtf8(bank).Length, ct) is { } quota)
            {
                return quota;
            }
            var entity = BankRows.From(bank, Sha256(bytes), file: null, clock.GetUtcNow());
            entity.OwnerId = owner;
            entity.Version = 1;
            db.Banks.Add(entity);
            AddVersion(entity);
            await db.SaveChangesAsync(ct);
            return new BankSaveResult.Saved(entity, null, renamedFrom);
        }
        finally
        {
            SaveGate.Release();
        }
    }

    /// <summary>Replaces the owner's bank <paramref name="id"/> with a new version, and moves every learner's cards
    /// of it on (<see cref="DeckRevisions"/>), in one transaction.</summary>
    /// <param name="expected">The version the author edited, when the client says it: a bank saved since (from another
    /// tab) is not overwritten but refused with 409, so that neither save is lost.</param>
    public async Task<BankSaveResult> ReplaceAsync(string id, QuestionBank bank, byte[] bytes, string owner, CancellationToken ct, int? expected = null)
    {
        if (await OwnedAsync(id, owner, "change", ct) is { } refusal)
        {
            return refusal;
        }
        if (bank.Id != id)
        {
            return new BankSaveResult.Invalid(new() { ["$.id"] = [$"is '{bank.Id}', but this is the bank '{id}': a bank keeps its id (change it back, or add the file as a new bank)"] }, "The bank has problems");
        }
        await SaveGate.WaitAsync(ct);
        try
        {
            var content = BankWriter.ToUtf8(bank);
            if (await QuotaProblemAsync(owner, except: id, content.Length, ct) is { } quota)
            {
                return quota;
            }
            using var turn = await writes.EnterAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var entity = await db.Banks.Include(b => b.Questions).Include(b => b.Contents).SingleOrDefaultAsync(b => b.Id == id, ct);
            if (entity is null)
            {
                return new BankSaveResult.NotFound(id); // deleted since it was checked
            }
            if (expected is { } edited && edited != entity.Version)
            {
                return new BankSaveResult.Refused(StatusCodes.Status409Conflict, "Saved elsewhere since",
                    $"'{id}' was saved as version {entity.Version} after you opened version {edited} (in another tab or by another device): nothing was saved. Keep your text, open the bank again in a new tab, and bring your changes over.");
            }
            var before = BankReader.Read(entity.Contents!.Content).Bank!;
            var revision = BankRevision.Between(before, bank);
            var now = clock.GetUtcNow();
            BankRows.Update(entity, bank, Sha256(bytes), file: null, now);
            entity.Version++;
            AddVersion(entity);
            await db.SaveChangesAsync(ct);
            await DeckRevisions.ApplyAsync(db, id, revision, now, ct);
            await PruneVersionsAsync(id, entity.Version, ct);
            await transaction.CommitAsync(ct);
            return new BankSaveResult.Saved(entity, revision, null);
        }
        finally
        {
            SaveGate.Release();
        }
    }

    /// <summary>Deletes the owner's bank with its versions. Learners' cards of it stay, suspended, with their history.</summary>
    public async Task<BankSaveResult?> DeleteAsync(string id, string owner, CancellationToken ct)
    {
        if (await OwnedAsync(id, owner, "delete", ct) is { } refusal)
        {
            return refusal;
        }
        await SaveGate.WaitAsync(ct);
        try
        {
            using var turn = await writes.EnterAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await DeckRevisions.BankDeletedAsync(db, id, ct);
            await db.Banks.Where(b => b.Id == id).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            return null;
        }
        finally
        {
            SaveGate.Release();
        }
    }

    /// <summary>Null when <paramref name="owner"/> owns the bank; else why not: 404 for a bank they cannot read,
    /// 403 for a sample or someone else's public bank.</summary>
    public async Task<BankSaveResult?> OwnedAsync(string id, string owner, string verb, CancellationToken ct)
    {
        var row = await db.Banks.ReadableAsync(id, owner, key: null, ct);
        if (row is null)
        {
            return new BankSaveResult.NotFound(id);
        }
        if (row.IsSample)
        {
            return new BankSaveResult.Refused(StatusCodes.Status403Forbidden, "A sample bank is read-only",
                $"'{id}' comes from the server's question-bank folder, which the browser cannot {verb}: make a copy to edit.");
        }
        return BankAccess.IsOwner(row, owner) ? null
            : new BankSaveResult.Refused(StatusCodes.Status403Forbidden, "Not your bank", $"Only the author of '{id}' can {verb} it: make a copy to edit.");
    }

    /// <summary>An id cut to leave room for a suffix ("-2", "-copy") within the format's 100 characters.</summary>
    public static string Stem(string id) => id.Length > 90 ? id[..90].TrimEnd('-') : id;

    private async Task<string> FreeIdAsync(string id, CancellationToken ct)
    {
        var stem = Stem(id);
        var used = (await db.Banks.AsNoTracking().Where(b => b.Id.StartsWith(stem)).Select(b => b.Id)
            .Concat(db.Decks.AsNoTracking().Where(d => d.BankId.StartsWith(stem)).Select(d => d.BankId)).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(2, used.Count + 1).Select(n => $"{stem}-{n}").First(candidate => !used.Contains(candidate) && !Reserved.Contains(candidate));
    }

    private async Task<BankSaveResult.Refused?> QuotaProblemAsync(string owner, string? except, long bytes, CancellationToken ct)
    {
        var quota = options.Value;
        var mine = await db.Banks.Where(b => b.OwnerId == owner && b.SourceFile == null && b.Id != except).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Bytes = g.Sum(b => (long)b.Contents!.Content.Length) }).SingleOrDefaultAsync(ct);
        // Saved versions count too, compressed: a free account cannot fill the disk with versions.
        var versions = await db.BankVersions.Where(v => db.Banks.Any(b => b.Id == v.BankId && b.OwnerId == owner && b.SourceFile == null))
            .SumAsync(v => (long)v.Compressed.Length, ct);
        var (count, stored) = (mine?.Count ?? 0, (mine?.Bytes ?? 0) + versions);
        if (except is null && count >= quota.MaxBanksPerAccount)
        {
            return QuotaReached($"An account may add up to {quota.MaxBanksPerAccount:N0} banks, and this one has {count:N0}.");
        }
        return stored + bytes > quota.MaxBytesPerAccount
            ? QuotaReached($"An account's banks may take up to {Megabytes(quota.MaxBytesPerAccount)} together; this account's {(except is null ? "" : "other banks ")}take {Megabytes(stored)} and this bank {Megabytes(bytes)}.")
            : null;

        static BankSaveResult.Refused QuotaReached(string detail) =>
            new(StatusCodes.Status403Forbidden, "Bank quota reached", detail + " Nothing was saved.");

        static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";
    }

    private void AddVersion(BankEntity bank)
    {
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            brotli.Write(bank.Contents!.Content);
        }
        db.BankVersions.Add(new BankVersionEntity
        {
            BankId = bank.Id, Number = bank.Version, Title = bank.Title, QuestionCount = bank.QuestionCount,
            SavedAtTicks = bank.UpdatedAt.UtcTicks, Compressed = compressed.ToArray(),
        });
    }

    private Task<int> PruneVersionsAsync(string id, int current, CancellationToken ct)
    {
        var oldestKept = current - options.Value.VersionsKept + 1;
        return db.BankVersions.Where(v => v.BankId == id && v.Number < oldestKept).ExecuteDeleteAsync(ct);
    }

    /// <summary>A stored version's bank file.</summary>
    public static byte[] Decompress(byte[] compressed)
    {
        using var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        brotli.CopyTo(output);
        return output.ToArray();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
