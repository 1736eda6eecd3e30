using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steppe.Domain.Banks;
using Steppe.Web.Banks;
using Steppe.Web.Data;

namespace Steppe.Web.Media;

/// <summary>What an upload came to.</summary>
public abstract record UploadResult
{
    private UploadResult() { }

    /// <summary>Stored (or already there): the bank names it <see cref="Src"/>.</summary>
    public sealed record Stored(string Src, string ContentType, int Width, int Height, int Bytes) : UploadResult;

    public sealed record Refused(int Status, string Title, string Detail) : UploadResult;
}

/// <summary>The pictures banks may name: the bank folder's (<see cref="FolderMedia"/>), and each author's uploads. A
/// bank saved by an author may name the folder's pictures and the author's own (a copy takes the original's pictures
/// along, <see cref="AdoptAsync"/>), so that no account's pictures hang on another's. Anyone may fetch a picture by
/// its name, a hash of its content: who knows the name has seen the question.</summary>
public sealed partial class MediaLibrary(AppDbContext db, FolderMedia folder, IOptions<BanksOptions> options, TimeProvider clock)
{
    private static readonly SemaphoreSlim QuotaGate = new(1, 1);

    /// <summary>A picture no bank or kept version of its owner names is removed when room is needed, once it is this old
    /// (an upload waits for its bank to be saved; an import's preview may not be).</summary>
    public static readonly TimeSpan UnusedKept = TimeSpan.FromDays(1);

    /// <summary>Whether <paramref name="owner"/>'s bank may name the file ("map.png", as after "media/"), for
    /// <see cref="BankReader"/>: the folder's, or one of the owner's uploads (read once, on the first picture).</summary>
    public Func<string, bool> ExistsFor(string owner)
    {
        HashSet<string>? mine = null;
        return name => folder.Has(name)
            || (mine ??= db.Media.AsNoTracking().Where(m => m.OwnerId == owner).Select(m => m.Name).ToHashSet(StringComparer.Ordinal)).Contains(name);
    }

    /// <summary>A picture by its file name, with its content's hash (<see cref="CleanImage.Tag"/>) and whether it may be
    /// cached for good (an upload's name is that hash).</summary>
    public async Task<(string ContentType, byte[] Bytes, string Tag, bool Immutable)?> FindAsync(string name, CancellationToken ct)
    {
        if (folder.Find(name) is { } file)
        {
            return (file.ContentType, file.Bytes, file.Tag, false);
        }
        var row = await db.Media.AsNoTracking().Where(m => m.Name == name).Select(m => new { m.ContentType, m.Data }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.ContentType, row.Data, Path.GetFileNameWithoutExtension(name), true);
    }

    /// <summary>The files of every picture a bank names that is here, by src.</summary>
    public async Task<Dictionary<string, byte[]>> FilesOfAsync(QuestionBank bank, CancellationToken ct)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var image in bank.Questions.SelectMany(QuestionImage.AllIn).DistinctBy(i => i.Src))
        {
            if (await FindAsync(image.FileName, ct) is { } picture)
            {
                files[image.Src] = picture.Bytes;
            }
        }
        return files;
    }

    public async Task<UploadResult> UploadAsync(byte[] bytes, string owner, CancellationToken ct)
    {
        var (image, refusal) = await ImageCleaner.CleanAsync(bytes, ct);
        if (image is null)
        {
            return new UploadResult.Refused(StatusCodes.Status400BadRequest, "Not a picture Steppe can show", refusal! + " Nothing was saved.");
        }
        var name = $"{image.Tag}.{image.Extension}";
        var stored = new UploadResult.Stored(QuestionImage.Folder + name, image.ContentType, image.Width, image.Height, image.Bytes.Length);
        await QuotaGate.WaitAsync(ct);
        try
        {
            if (await db.Media.AnyAsync(m => m.Name == name && m.OwnerId == owner, ct))
            {
                return stored;
            }
            if (await QuotaProblemAsync(owner, image.Bytes.Length, "this picture", ct) is { } quota)
            {
                return quota;
            }
            db.Media.Add(new MediaEntity
            {
                Name = name, OwnerId = owner, ContentType = image.ContentType, Width = image.Width, Height = image.Height,
                Data = image.Bytes, UploadedAtTicks = clock.GetUtcNow().UtcTicks,
            });
            await db.SaveChangesAsync(ct);
            return stored;
        }
        finally
        {
            QuotaGate.Release();
        }
    }

    /// <summary>Makes the uploaded pictures a bank names <paramref name="owner"/>'s too (for a copy), counted in their
    /// quota, so that the copy keeps its pictures when the original author deletes their account. Null when done.</summary>
    public async Task<UploadResult.Refused?> AdoptAsync(QuestionBank bank, string owner, CancellationToken ct)
    {
        var names = bank.Questions.SelectMany(QuestionImage.AllIn).Select(i => i.FileName).Where(n => !folder.Has(n)).Distinct().ToList();
        if (names.Count == 0)
        {
            return null;
        }
        await QuotaGate.WaitAsync(ct);
        try
        {
            var mine = await db.Media.Where(m => m.OwnerId == owner && names.Contains(m.Name)).Select(m => m.Name).ToListAsync(ct);
            var wanted = names.Except(mine).ToList();
            var rows = (await db.Media.AsNoTracking().Where(m => wanted.Contains(m.Name)).ToListAsync(ct)).DistinctBy(m => m.Name).ToList();
            if (rows.Count == 0)
            {
                return null;
            }
            if (await QuotaProblemAsync(owner, rows.Sum(r => (long)r.Data.Length), "the copy's pictures", ct) is { } quota)
            {
                return quota;
            }
            var now = clock.GetUtcNow().UtcTicks;
            db.Media.AddRange(rows.Select(r => new MediaEntity
            {
                Name = r.Name, OwnerId = owner, ContentType = r.ContentType, Width = r.Width, Height = r.Height, Data = r.Data, UploadedAtTicks = now,
            }));
            await db.SaveChangesAsync(ct);
            return null;
        }
        finally
        {
            QuotaGate.Release();
        }
    }

    /// <summary>Null when <paramref name="adding"/> bytes fit the owner's picture quota, after removing, if need be, the
    /// owner's pictures that no bank of theirs names any more (<see cref="UnusedKept"/>). Call under the quota gate.</summary>
    private async Task<UploadResult.Refused?> QuotaProblemAsync(string owner, long adding, string what, CancellationToken ct)
    {
        var most = options.Value.MaxPictureBytesPerAccount;
        var used = await UsedAsync();
        if (used + adding > most && await PruneUnusedAsync(owner, ct) > 0)
        {
            used = await UsedAsync();
        }
        return used + adding <= most ? null : new UploadResult.Refused(StatusCodes.Status403Forbidden, "Picture quota reached",
            $"An account's pictures may take up to {most / (1024 * 1024)} MB together; this account's take {used / (1024.0 * 1024):0.#} MB and {what} {adding / (1024.0 * 1024):0.#} MB. Remove pictures from banks, or delete banks, to make room (pictures no bank names are removed after a day). Nothing was saved.");

        Task<long> UsedAsync() => db.Media.Where(m => m.OwnerId == owner).SumAsync(m => (long)m.Data.Length, ct);
    }

    /// <summary>Removes the owner's pictures older than <see cref="UnusedKept"/> that none of their banks, nor the
    /// versions kept of them, names. Returns how many.</summary>
    private async Task<int> PruneUnusedAsync(string owner, CancellationToken ct)
    {
        var before = clock.GetUtcNow().Subtract(UnusedKept).UtcTicks;
        var old = await db.Media.Where(m => m.OwnerId == owner && m.UploadedAtTicks < before).Select(m => m.Name).ToListAsync(ct);
        if (old.Count == 0)
        {
            return 0;
        }
        var named = new HashSet<string>(StringComparer.Ordinal);
        var banks = db.Banks.Where(b => b.OwnerId == owner && b.SourceFile == null);
        await foreach (var content in db.BankContents.AsNoTracking().Where(c => banks.Any(b => b.Id == c.BankId)).Select(c => c.Content).AsAsyncEnumerable().WithCancellation(ct))
        {
            Named(content);
        }
        await foreach (var compressed in db.BankVersions.AsNoTracking().Where(v => banks.Any(b => b.Id == v.BankId)).Select(v => v.Compressed).AsAsyncEnumerable().WithCancellation(ct))
        {
            Named(BankStore.Decompress(compressed));
        }
        var unused = old.Where(n => !named.Contains(n)).ToList();
        return unused.Count == 0 ? 0 : await db.Media.Where(m => m.OwnerId == owner && unused.Contains(m.Name)).ExecuteDeleteAsync(ct);

        // A stored bank is canonical JSON; a picture's src is a string of its own: no need to read the whole bank.
        void Named(byte[] bank)
        {
            foreach (System.Text.RegularExpressions.Match m in NamedPicture().Matches(System.Text.Encoding.UTF8.GetString(bank)))
            {
                named.Add(m.Groups[1].Value);
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"media/([A-Za-z0-9][A-Za-z0-9._-]*)\"")]
    private static partial System.Text.RegularExpressions.Regex NamedPicture();
}
