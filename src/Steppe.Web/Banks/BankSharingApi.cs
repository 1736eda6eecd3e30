using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Steppe.Domain.Banks;
using Steppe.Web.Accounts;
using Steppe.Web.Data;
using Steppe.Web.Hosting;

namespace Steppe.Web.Banks;

public sealed record SharingRequest(string? Access);

/// <summary>How a bank is shared; <see cref="Link"/> is its share link's path while it is shared by link.</summary>
public sealed record Sharing(string Access, string? Link);

public sealed record BankVersionSummary(int Number, string Title, int QuestionCount, DateTimeOffset SavedAt, bool Current);

/// <summary>What the author does with a bank besides saving it: share it (privately, by link, with everyone), read
/// its versions; and what a reader does: copy it into a bank of their own.</summary>
public static class BankSharingApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPut("/{id}/sharing", SetSharing)
            .RequireAuthorization()
            .WithName("ShareBank")
            .WithSummary("Who may read the author's bank: \"private\" (the author only), \"link\" (whoever has the link returned; a new link each time, the old one stops working) or \"public\" (everyone, listed).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddEndpointFilter<SameOriginFilter>();
        api.MapGet("/{id}/versions", ListVersions)
            .RequireAuthorization()
            .WithName("ListBankVersions")
            .WithSummary("The saved versions of the author's bank, newest first (the oldest beyond Banks:VersionsKept are pruned).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id}/versions/{number:int}", GetVersion)
            .RequireAuthorization()
            .WithName("GetBankVersion")
            .WithSummary("One saved version of the author's bank, as a bank file.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/copy", CopyBank)
            .RequireAuthorization()
            .WithName("CopyBank")
            .WithSummary("Copy a bank the caller may read (a sample, a public bank, one shared by link with ?key=) into a new private bank of their own, to edit.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddEndpointFilter<SameOriginFilter>();
    }

    internal static async Task<Results<Ok<Sharing>, ProblemHttpResult>> SetSharing(
        string id, SharingRequest request, ClaimsPrincipal user, BankStore store, AppDbContext db, IOutputCacheStore pages, CancellationToken ct)
    {
        if (await store.OwnedAsync(id, user.UserId(), "share", ct) is { } refusal)
        {
            return BanksApi.Refusal(refusal);
        }
        BankVisibility? access = request.Access switch { "private" => BankVisibility.Private, "link" => BankVisibility.Link, "public" => BankVisibility.Public, _ => null };
        if (access is not { } visibility)
        {
            return BanksApi.Refusal(new BankSaveResult.Invalid(new() { ["access"] = ["must be \"private\", \"link\" or \"public\""] }, "Unknown sharing"));
        }
        var key = visibility == BankVisibility.Link ? BankAccess.NewShareKey() : null;
        await db.Banks.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Visibility, visibility).SetProperty(b => b.ShareKey, key), ct);
        await pages.EvictByTagAsync(BanksApi.PagesCache, ct); // a bank made private leaves the anonymous pages at once
        return TypedResults.Ok(new Sharing(BanksApi.Access(null, visibility), LinkOf(id, key)));
    }

    /// <summary>The path of a bank's page with its share key, or null.</summary>
    public static string? LinkOf(string id, string? key) => key is null ? null : $"/banks/{Uri.EscapeDataString(id)}?key={key}";

    internal static async Task<Results<Ok<List<BankVersionSummary>>, ProblemHttpResult>> ListVersions(
        string id, ClaimsPrincipal user, BankStore store, AppDbContext db, CancellationToken ct)
    {
        if (await store.OwnedAsync(id, user.UserId(), "see the versions of", ct) is { } refusal)
        {
            return BanksApi.Refusal(refusal);
        }
        var current = await db.Banks.Where(b => b.Id == id).Select(b => b.Version).SingleAsync(ct);
        var versions = await db.BankVersions.AsNoTracking().Where(v => v.BankId == id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Title, v.QuestionCount, v.SavedAtTicks }).ToListAsync(ct);
        return TypedResults.Ok(versions.Select(v => new BankVersionSummary(v.Number, v.Title, v.QuestionCount,
            new DateTimeOffset(v.SavedAtTicks, TimeSpan.Zero), v.Number == current)).ToList());
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetVersion(
        string id, int number, ClaimsPrincipal user, BankStore store, AppDbContext db, CancellationToken ct)
    {
        if (await store.OwnedAsync(id, user.UserId(), "see the versions of", ct) is { } refusal)
        {
            return BanksApi.Refusal(refusal);
        }
        var compressed = await db.BankVersions.AsNoTracking().Where(v => v.BankId == id && v.Number == number).Select(v => v.Compressed).SingleOrDefaultAsync(ct);
        return compressed is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such version", detail: $"The bank '{id}' has no version {number} (kept: see its versions).")
            : TypedResults.File(BankStore.Decompress(compressed), "application/json; charset=utf-8", $"{id}-v{number}.json");
    }

    internal static async Task<Results<Created<BankSaved>, ProblemHttpResult>> CopyBank(
        string id, string? key, ClaimsPrincipal user, BankStore store, AppDbContext db, Media.MediaLibrary media, IOutputCacheStore pages, CancellationToken ct)
    {
        var me = user.UserId();
        if (await db.Banks.ReadableAsync(id, me, key, ct) is null)
        {
            return BanksApi.NoSuchBank(id);
        }
        var content = await db.BankContents.AsNoTracking().Where(c => c.BankId == id).Select(c => c.Content).SingleAsync(ct);
        var original = BankReader.Read(content).Bank!;
        var copy = original with { Id = CopyId(id), Title = original.Title + " (copy)" };
        var bytes = BankWriter.ToUtf8(copy);
        // The copy's pictures become the copier's first: the copy may name only their own.
        if (await media.AdoptAsync(copy, me, ct) is { } refused)
        {
            return TypedResults.Problem(statusCode: refused.Status, title: refused.Title, detail: refused.Detail);
        }
        var (checkedCopy, invalid) = store.Check(bytes, me); // a sample may be larger than a bank added here may be
        var result = invalid ?? await store.CreateAsync(checkedCopy!, bytes, me, ct, copy: true);
        if (result is not BankSaveResult.Saved saved)
        {
            return BanksApi.Refusal(result);
        }
        await pages.EvictByTagAsync(BanksApi.PagesCache, ct);
        return TypedResults.Created($"/api/banks/{saved.Bank.Id}", BanksApi.Saved(saved) with { RenamedFrom = null });
    }

    private static string CopyId(string id) => BankStore.Stem(id) + "-copy";
}
