using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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

/// <summary>The pictures banks may name: the bank folder's (<see cref="FolderMedia"/>) and those authors uploaded.</summary>
public sealed class MediaLibrary(AppDbContext db, FolderMedia folder, IOptions<BanksOptions> options, TimeProvider clock)
{
    private static readonly SemaphoreSlim QuotaGate = new(1, 1);

    /// <summary>Whether a bank's "media/…" names a picture that is here (for <see cref="Steppe.Domain.Banks.BankReader"/>).</summary>
    public bool Exists(string src)
    {
        var name = src["media/".Length..];
        return folder.Has(name) || db.Media.AsNoTracking().Any(m => m.Name == name);
    }

    /// <summary>A picture by its name after "media/", with whether it may be cached for good (its name is its hash).</summary>
    public async Task<(string ContentType, byte[] Bytes, bool Immutable)?> FindAsync(string name, CancellationToken ct)
    {
        if (folder.Find(name) is { } file)
        {
            return (file.ContentType, file.Bytes, false);
        }
        var row = await db.Media.AsNoTracking().Where(m => m.Name == name).Select(m => new { m.ContentType, m.Data }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.ContentType, row.Data, true);
    }

    /// <summary>The files of every picture a bank names that is here, by src.</summary>
    public async Task<Dictionary<string, byte[]>> FilesOfAsync(Steppe.Domain.Banks.QuestionBank bank, CancellationToken ct)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var src in bank.Questions.SelectMany(Steppe.Domain.Banks.QuestionImage.AllIn).Select(i => i.Src).Distinct())
        {
            if (await FindAsync(src["media/".Length..], ct) is { } picture)
            {
                files[src] = picture.Bytes;
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
        var name = $"{Convert.ToHexStringLower(SHA256.HashData(image.Bytes))[..32]}.{image.Extension}";
        var stored = new UploadResult.Stored("media/" + name, image.ContentType, image.Width, image.Height, image.Bytes.Length);
        await QuotaGate.WaitAsync(ct);
        try
        {
            if (await db.Media.AnyAsync(m => m.Name == name && m.OwnerId == owner, ct))
            {
                return stored;
            }
            var used = await db.Media.Where(m => m.OwnerId == owner).SumAsync(m => (long)m.Data.Length, ct);
            var most = options.Value.MaxPictureBytesPerAccount;
            if (used + image.Bytes.Length > most)
            {
                return new UploadResult.Refused(StatusCodes.Status403Forbidden, "Picture quota reached",
                    $"An account's pictures may take up to {most / (1024 * 1024)} MB together; this account's take {used / (1024.0 * 1024):0.#} MB and this picture {image.Bytes.Length / (1024.0 * 1024):0.#} MB. Nothing was saved.");
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
}
