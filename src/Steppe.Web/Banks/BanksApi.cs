using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steppe.Web.Accounts;
using Steppe.Domain.Banks;
using Steppe.Web.Data;
using Steppe.Web.Hosting;

namespace Steppe.Web.Banks;

/// <summary>A bank as lists show it. <see cref="Access"/> is "sample" (the server's question-bank folder), "private",
/// "link" (shared by link) or "public"; <see cref="Mine"/> whether the caller is its author.</summary>
public sealed record BankSummary(string Id, string Title, string Language, string? Description, int QuestionCount, IReadOnlyList<ThemeSummary> Themes,
    string Access, bool Mine, int Version);

public sealed record ThemeSummary(string Id, string Title, IReadOnlyList<string> Keywords, int QuestionCount);

/// <summary>A bank saved: under which id (<paramref name="RenamedFrom"/> when the id asked for was taken), and for a
/// new version what it did to the questions of the one before, by question.</summary>
public sealed record BankSaved(BankSummary Bank, string? RenamedFrom, BankChanges? Changes);

public sealed record BankChanges(int Kept, int AnswerChanged, int Removed, int Added);

public static class BanksApi
{
    public static IServiceCollection AddBanks(this IServiceCollection services)
    {
        services.AddOptions<BanksOptions>().BindConfiguration(BanksOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BankLoader>();
        services.AddScoped<BankStore>();
        services.AddBankEditor();
        // Anonymous visitors of the home page and the bank pages get a copy at most 10 s old (a signed-in user's
        // page is never cached): a crowd, or a script, reading them costs the database nothing more.
        services.AddOutputCache(cache =>
        {
            cache.SizeLimit = 16 * 1024 * 1024;
            cache.AddPolicy(PagesCache, policy => policy.Expire(TimeSpan.FromSeconds(10)).SetVaryByQuery("page", "key").Tag(PagesCache));
        });
        return services;
    }

    public const string PagesCache = "bank-pages";

    public static IEndpointRouteBuilder MapBanks(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/banks").WithTags("Banks");
        api.MapGet("/", ListBanks)
            .AllowAnonymous()
            .WithName("ListBanks")
            .WithSummary("The banks listed for the caller: the samples of the server's question-bank folder, public banks, and the caller's own.");
        api.MapGet("/{id}", GetBank)
            .AllowAnonymous()
            .WithName("GetBank")
            .WithSummary("One bank in the question-bank v1 format (question-bank/schema/question-bank.schema.json), for whoever may read it: a sample, a public bank, the author's own, or a bank shared by link with its ?key=. Anyone else gets 404.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/", ImportBank)
            .RequireAuthorization()
            .WithName("ImportBank")
            .WithSummary("Add a bank, private to its author: the request body is a bank file (format v1, up to 5 MB). It is refused whole, with every problem listed, or saved whole; it counts against the account's quota. An id taken by a bank the author cannot see is replaced by the next free one (\"renamedFrom\").")
            .Accepts<object>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AddEndpointFilter<SameOriginFilter>()
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes + 1));
        api.MapPut("/{id}", ReplaceBank)
            .RequireAuthorization()
            .WithName("ReplaceBank")
            .WithSummary("Replace the author's bank with a new version (same id); ?version=N (the version edited) refuses with 409 when it was saved since. Cards keep their progress where a question's id stays; a changed answer sends its cards back to relearning; a removed question's cards are suspended.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .Accepts<object>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AddEndpointFilter<SameOriginFilter>()
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes + 1));
        api.MapDelete("/{id}", DeleteBank)
            .RequireAuthorization()
            .WithName("DeleteBank")
            .WithSummary("Delete the author's bank and its versions. Learners' cards of it are suspended with their history kept.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddEndpointFilter<SameOriginFilter>();
        BankSharingApi.Map(api);
        BankEditorApi.Map(app);

        app.MapGet("/", HomePage.Render).AllowAnonymous().CacheOutput(PagesCache).ExcludeFromDescription();
        app.MapGet("/banks/{id}", BankPages.Render).AllowAnonymous().CacheOutput(PagesCache).ExcludeFromDescription();
        return app;
    }

    public const long MaxImportBytes = 5 * 1024 * 1024;

    internal static async Task<Results<Created<BankSaved>, ProblemHttpResult>> ImportBank(
        HttpRequest request, ClaimsPrincipal user, BankStore store, IOutputCacheStore pages, CancellationToken ct)
    {
        var (bytes, tooLarge) = await ReadBodyAsync(request, ct);
        if (bytes is null)
        {
            return tooLarge!;
        }
        var (bank, invalid) = store.Check(bytes, user.UserId());
        var result = invalid ?? await store.CreateAsync(bank!, bytes, user.UserId(), ct);
        if (result is BankSaveResult.Saved saved)
        {
            await pages.EvictByTagAsync(PagesCache, ct);
            return TypedResults.Created($"/api/banks/{saved.Bank.Id}", Saved(saved));
        }
        return Refusal(result);
    }

    internal static async Task<Results<Ok<BankSaved>, ProblemHttpResult>> ReplaceBank(
        string id, int? version, HttpRequest request, ClaimsPrincipal user, BankStore store, IOutputCacheStore pages, CancellationToken ct)
    {
        // Who may replace it is told before the file is read: a stranger learns nothing from the file's problems.
        if (await store.OwnedAsync(id, user.UserId(), "change", ct) is { } refusal)
        {
            return Refusal(refusal);
        }
        var (bytes, tooLarge) = await ReadBodyAsync(request, ct);
        if (bytes is null)
        {
            return tooLarge!;
        }
        var (bank, invalid) = store.Check(bytes, user.UserId());
        var result = invalid ?? await store.ReplaceAsync(id, bank!, bytes, user.UserId(), ct, version);
        if (result is BankSaveResult.Saved saved)
        {
            await pages.EvictByTagAsync(PagesCache, ct);
            return TypedResults.Ok(Saved(saved));
        }
        return Refusal(result);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteBank(
        string id, ClaimsPrincipal user, BankStore store, IOutputCacheStore pages, CancellationToken ct)
    {
        if (await store.DeleteAsync(id, user.UserId(), ct) is { } refusal)
        {
            return Refusal(refusal);
        }
        await pages.EvictByTagAsync(PagesCache, ct);
        return TypedResults.NoContent();
    }

    /// <summary>A request's body up to <see cref="MaxImportBytes"/>, or a 413.</summary>
    internal static async Task<(byte[]? Bytes, ProblemHttpResult? TooLarge)> ReadBodyAsync(HttpRequest request, CancellationToken ct, long limit = MaxImportBytes, string what = "A bank")
    {
        if (request.ContentLength > limit)
        {
            return (null, TooLarge());
        }
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge()); // a chunked body has no length to check first; the server stops reading at the limit
        }
        return buffer.Length > limit ? (null, TooLarge()) : (buffer.ToArray(), null);

        ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "File too large", detail: $"{what} may be up to {limit / (1024 * 1024)} MB.");
    }

    /// <summary>Every refusal of <see cref="BankStore"/> as the client sees it: problem details, with the problems
    /// at their places for an invalid bank.</summary>
    internal static ProblemHttpResult Refusal(BankSaveResult result) => result switch
    {
        BankSaveResult.Invalid invalid => TypedResults.Problem(new HttpValidationProblemDetails(invalid.Problems)
        {
            Status = StatusCodes.Status400BadRequest, Title = invalid.Title,
            Detail = $"{invalid.Problems.Sum(p => p.Value.Length)} problem(s); nothing was saved.",
        }),
        BankSaveResult.NotFound missing => NoSuchBank(missing.Id),
        BankSaveResult.Refused refused => TypedResults.Problem(statusCode: refused.Status, title: refused.Title, detail: refused.Detail),
        _ => throw new InvalidOperationException($"{result} is not a refusal"),
    };

    internal static ProblemHttpResult NoSuchBank(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such bank", detail: $"There is no bank with id '{id}'.");

    internal static BankSaved Saved(BankSaveResult.Saved saved)
    {
        var b = saved.Bank;
        var changes = saved.Revision is { } r ? new BankChanges(r.Kept.Count, r.AnswerChanged.Count, r.Removed.Count, r.Added.Count) : null;
        return new BankSaved(Summary(b.Id, b.Title, b.Language, b.Description, b.QuestionCount, b.Themes, Access(b.SourceFile, b.Visibility), true, b.Version),
            saved.RenamedFrom, changes);
    }

    internal static async Task<Ok<List<BankSummary>>> ListBanks(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var me = user.UserIdOrNull();
        return TypedResults.Ok(await Summaries(db.Banks.AsNoTracking().ListedFor(me).OrderBy(b => b.Title).ThenBy(b => b.Id), me, ct));
    }

    /// <summary>The summaries of the banks of a query, read from their summary columns, never their content.</summary>
    internal static async Task<List<BankSummary>> Summaries(IQueryable<BankEntity> banks, string? me, CancellationToken ct)
    {
        var rows = await banks.AsNoTracking().Select(b => new { b.Id, b.Title, b.Language, b.Description, b.QuestionCount, b.Themes, b.SourceFile, b.Visibility, b.OwnerId, b.Version }).ToListAsync(ct);
        return rows.Select(b => Summary(b.Id, b.Title, b.Language, b.Description, b.QuestionCount, b.Themes,
            Access(b.SourceFile, b.Visibility), me is not null && b.OwnerId == me && b.SourceFile is null, b.Version)).ToList();
    }

    internal static string Access(string? sourceFile, BankVisibility visibility) =>
        sourceFile is not null ? "sample" : visibility switch { BankVisibility.Public => "public", BankVisibility.Link => "link", _ => "private" };

    private static BankSummary Summary(string id, string title, string language, string? description, int questions, IEnumerable<ThemeEntity> themes,
        string access, bool mine, int version) =>
        new(id, title, language, description, questions, themes.Select(t => new ThemeSummary(t.Id, t.Title, t.Keywords, t.QuestionCount)).ToList(), access, mine, version);

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetBank(string id, string? key, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        if (await db.Banks.ReadableAsync(id, user.UserIdOrNull(), key, ct) is null)
        {
            return NoSuchBank(id);
        }
        var content = await db.BankContents.AsNoTracking().Where(c => c.BankId == id).Select(c => c.Content).SingleAsync(ct);
        return TypedResults.File(content, "application/json; charset=utf-8");
    }
}
