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

public sealed record BankSummary(string Id, string Title, string Language, string? Description, int QuestionCount, IReadOnlyList<ThemeSummary> Themes);

public sealed record ThemeSummary(string Id, string Title, IReadOnlyList<string> Keywords, int QuestionCount);

public static class BanksApi
{
    public static IServiceCollection AddBanks(this IServiceCollection services)
    {
        services.AddOptions<BanksOptions>().BindConfiguration(BanksOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BankLoader>();
        // Anonymous visitors of the home page and the bank pages get a copy at most 10 s old (a signed-in user's
        // page is never cached): a crowd, or a script, reading them costs the database nothing more.
        services.AddOutputCache(cache =>
        {
            cache.SizeLimit = 16 * 1024 * 1024;
            cache.AddPolicy(PagesCache, policy => policy.Expire(TimeSpan.FromSeconds(10)).SetVaryByQuery("page").Tag(PagesCache));
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
            .WithSummary("Every loaded bank: id, title, question count and themes.");
        api.MapGet("/{id}", GetBank)
            .AllowAnonymous()
            .WithName("GetBank")
            .WithSummary("One bank in the question-bank v1 format (question-bank/schema/question-bank.schema.json).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/", ImportBank)
            .RequireAuthorization()
            .WithName("ImportBank")
            .WithSummary("Add a bank: the request body is a bank file (format v1, up to 5 MB). It is refused whole, with every problem listed, or saved whole; it counts against the account's quota.")
            .Accepts<object>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AddEndpointFilter<SameOriginFilter>()
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes + 1));

        app.MapGet("/", HomePage.Render).AllowAnonymous().CacheOutput(PagesCache).ExcludeFromDescription();
        app.MapGet("/banks/{id}", BankPages.Render).AllowAnonymous().CacheOutput(PagesCache).ExcludeFromDescription();
        return app;
    }

    public const long MaxImportBytes = 5 * 1024 * 1024;

    /// <summary>One import at a time checks the quota and saves, so that uploads sent at once cannot pass it together.</summary>
    private static readonly SemaphoreSlim ImportGate = new(1, 1);

    internal static async Task<Results<Created<BankSummary>, ValidationProblem, ProblemHttpResult>> ImportBank(
        HttpRequest request, ClaimsPrincipal user, AppDbContext db, IOptions<BanksOptions> options, IOutputCacheStore pages, TimeProvider clock, CancellationToken ct)
    {
        if (request.ContentLength > MaxImportBytes)
        {
            return TooLarge();
        }
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(); // a chunked body has no length to check first; the server stops reading at the limit
        }
        if (buffer.Length > MaxImportBytes)
        {
            return TooLarge();
        }
        var bytes = buffer.ToArray();
        var result = BankReader.Read(bytes, MaxImportBytes);
        if (result.Bank is not { } bank)
        {
            var errors = result.Problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => $"{p.Message} (line {p.Line}, column {p.Column})").ToArray());
            return TypedResults.ValidationProblem(errors, title: "The bank has problems", detail: $"{result.Problems.Count} problem(s); nothing was saved.");
        }
        var quota = options.Value;
        if (bank.Questions.Count > quota.MaxQuestionsPerBank)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["$.questions"] = [$"has {bank.Questions.Count:N0} questions; a bank may hold up to {quota.MaxQuestionsPerBank:N0}: split it into several banks"],
            }, title: "The bank is too large", detail: "Nothing was saved.");
        }
        var entity = BankRows.From(bank, Convert.ToHexStringLower(SHA256.HashData(bytes)), file: null, clock.GetUtcNow());
        var owner = entity.OwnerId = user.UserId();
        await ImportGate.WaitAsync(ct);
        try
        {
            if (await db.Banks.AnyAsync(b => b.Id == bank.Id, ct))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Bank id in use",
                    detail: $"A bank with id '{bank.Id}' already exists; give this one another id.");
            }
            var mine = await db.Banks.Where(b => b.OwnerId == owner).GroupBy(_ => 1)
                .Select(g => new { Count = g.Count(), Bytes = g.Sum(b => (long)b.Contents!.Content.Length) }).SingleOrDefaultAsync(ct);
            if ((mine?.Count ?? 0) >= quota.MaxBanksPerAccount)
            {
                return QuotaReached($"An account may add up to {quota.MaxBanksPerAccount:N0} banks, and this one has {mine!.Count:N0}.");
            }
            if ((mine?.Bytes ?? 0) + entity.Contents!.Content.Length > quota.MaxBytesPerAccount)
            {
                return QuotaReached($"An account's banks may take up to {Megabytes(quota.MaxBytesPerAccount)} together; this account's take {Megabytes(mine?.Bytes ?? 0)} and this bank {Megabytes(entity.Contents!.Content.Length)}.");
            }
            db.Banks.Add(entity);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            ImportGate.Release();
        }
        await pages.EvictByTagAsync(PagesCache, ct); // the new bank is listed at once
        return TypedResults.Created($"/api/banks/{bank.Id}",
            Summary(entity.Id, entity.Title, entity.Language, entity.Description, entity.QuestionCount, entity.Themes));

        static ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Bank too large", detail: $"A bank may be up to {MaxImportBytes / (1024 * 1024)} MB.");

        static ProblemHttpResult QuotaReached(string detail) =>
            TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Bank quota reached", detail: detail + " Nothing was saved.");

        static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";
    }

    internal static async Task<Ok<List<BankSummary>>> ListBanks(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await Summaries(db.Banks.AsNoTracking().OrderBy(b => b.Title).ThenBy(b => b.Id), ct));

    /// <summary>The summaries of the banks of a query, read from their summary columns, never their content.</summary>
    internal static async Task<List<BankSummary>> Summaries(IQueryable<BankEntity> banks, CancellationToken ct)
    {
        var rows = await banks.Select(b => new { b.Id, b.Title, b.Language, b.Description, b.QuestionCount, b.Themes }).ToListAsync(ct);
        return rows.Select(b => Summary(b.Id, b.Title, b.Language, b.Description, b.QuestionCount, b.Themes)).ToList();
    }

    private static BankSummary Summary(string id, string title, string language, string? description, int questions, IEnumerable<ThemeEntity> themes) =>
        new(id, title, language, description, questions, themes.Select(t => new ThemeSummary(t.Id, t.Title, t.Keywords, t.QuestionCount)).ToList());

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetBank(string id, AppDbContext db, CancellationToken ct)
    {
        var content = await db.BankContents.AsNoTracking().Where(c => c.BankId == id).Select(c => c.Content).SingleOrDefaultAsync(ct);
        return content is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such bank", detail: $"There is no bank with id '{id}'.")
            : TypedResults.File(content, "application/json; charset=utf-8");
    }
}
