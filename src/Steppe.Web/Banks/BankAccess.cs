using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Steppe.Web.Data;

namespace Steppe.Web.Banks;

/// <summary>Who may read a bank's questions and answers: everyone for the bank folder's samples and for public
/// banks, the owner always, and whoever holds the share link of a bank shared by link. Everyone else is told
/// there is no such bank (404), as for an id that does not exist. The one place this is decided.</summary>
public static class BankAccess
{
    /// <summary>The banks listed for a user (null: an anonymous visitor): samples, public banks and their own.
    /// Banks shared by link are read with their link, never listed.</summary>
    public static IQueryable<BankEntity> ListedFor(this IQueryable<BankEntity> banks, string? userId) =>
        banks.Where(b => b.SourceFile != null || b.Visibility == BankVisibility.Public || (userId != null && b.OwnerId == userId));

    /// <summary>What the access rule needs of a bank's row.</summary>
    public sealed record Row(string Id, string? OwnerId, string? SourceFile, BankVisibility Visibility, string? ShareKey)
    {
        public bool IsSample => SourceFile is not null;
    }

    /// <summary>What the access rule needs of the bank <paramref name="id"/>, or null when there is none.</summary>
    public static Task<Row?> RowAsync(this IQueryable<BankEntity> banks, string? id, CancellationToken ct) =>
        banks.AsNoTracking().Where(b => b.Id == id).Select(b => new Row(b.Id, b.OwnerId, b.SourceFile, b.Visibility, b.ShareKey)).SingleOrDefaultAsync(ct);

    /// <summary>The bank <paramref name="id"/> when <paramref name="userId"/> (with the share <paramref name="key"/>, if
    /// any) may read it; null when there is none or they may not, which callers answer alike, with a 404.</summary>
    public static async Task<Row?> ReadableAsync(this IQueryable<BankEntity> banks, string? id, string? userId, string? key, CancellationToken ct) =>
        await banks.RowAsync(id, ct) is { } row && CanRead(row, userId, key) ? row : null;

    public static bool CanRead(Row bank, string? userId, string? key) =>
        bank.IsSample || bank.Visibility == BankVisibility.Public || IsOwner(bank, userId)
        || (bank.Visibility == BankVisibility.Link && bank.ShareKey is { } secret && key is not null && SameKey(secret, key));

    public static bool IsOwner(Row bank, string? userId) => userId is not null && bank.OwnerId == userId && !bank.IsSample;

    /// <summary>A new share key: 128 random bits, URL-safe.</summary>
    public static string NewShareKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool SameKey(string secret, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(given));
}
