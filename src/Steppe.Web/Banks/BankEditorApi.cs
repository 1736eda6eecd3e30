using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Steppe.Domain.Banks;
using Steppe.Web.Accounts;
using Steppe.Web.Data;
using Steppe.Web.Hosting;

namespace Steppe.Web.Banks;

/// <summary>A problem of a bank being edited, at its JSON path and its place in the text as sent.</summary>
public sealed record EditorProblem(string Path, string Message, int Line, int Column);

/// <summary>What the bank editor (<c>/banks/new</c>, <c>/banks/{id}/edit</c>) needs besides saving: the format's JSON
/// Schema for completion, and the validator run on the text as it is typed, without saving anything.</summary>
public static class BankEditorApi
{
    /// <summary>The editor checks as the author types (a check at most every 0.6 s): 240 a minute per account.</summary>
    public const string CheckRate = "editor-check";

    public static IServiceCollection AddBankEditor(this IServiceCollection services) =>
        services.AddRateLimiter(limiter => limiter.AddPerUserPerMinute(CheckRate, 240));

    public static void Map(IEndpointRouteBuilder app)
    {
        // Not under /api/banks, where "schema" or "check" could be a bank's id.
        var api = app.MapGroup("/api/editor").WithTags("Banks");
        api.MapGet("/schema", Schema)
            .AllowAnonymous()
            .WithName("BankSchema")
            .WithSummary("The JSON Schema of the question-bank format.")
            .Produces(StatusCodes.Status200OK, contentType: "application/schema+json");
        api.MapPost("/check", Check)
            .RequireAuthorization()
            .WithName("CheckBank")
            .WithSummary("Validate a bank file without saving it: every problem with its JSON path, line and column in the text sent (an empty list when it is valid). The same checks as saving, the limits for banks added here included.")
            .Accepts<object>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AddEndpointFilter<SameOriginFilter>()
            .RequireRateLimiting(CheckRate)
            .WithMetadata(new RequestSizeLimitAttribute(BanksApi.MaxImportBytes + 1));

        app.MapGet("/banks/new", EditorPage.Render).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/banks/{id}/edit", EditorPage.Render).RequireAuthorization().ExcludeFromDescription();
    }

    private static readonly Lazy<byte[]> SchemaBytes = new(() =>
    {
        using var stream = typeof(BankEditorApi).Assembly.GetManifestResourceStream("question-bank.schema.json")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    internal static FileContentHttpResult Schema(HttpResponse response)
    {
        response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.File(SchemaBytes.Value, "application/schema+json");
    }

    internal static async Task<Results<Ok<List<EditorProblem>>, ProblemHttpResult>> Check(HttpRequest request, System.Security.Claims.ClaimsPrincipal user, BankStore store, CancellationToken ct)
    {
        var (bytes, tooLarge) = await BanksApi.ReadBodyAsync(request, ct);
        if (bytes is null)
        {
            return tooLarge!;
        }
        var (problems, _) = store.Problems(bytes, user.UserId());
        return TypedResults.Ok(problems.Select(p => new EditorProblem(p.Path, p.Message, p.Line, p.Column)).ToList());
    }
}
