using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Steppe.Web.Data;

namespace Steppe.Web.Banks;

public sealed record BankSummary(string Id, string Title, string Language, string? Description, int QuestionCount, IReadOnlyList<ThemeSummary> Themes);

public sealed record ThemeSummary(string Id, string Title, IReadOnlyList<string> Keywords, int QuestionCount);

public static class BanksApi
{
    public static IServiceCollection AddBanks(this IServiceCollection services)
    {
        services.AddOptions<BanksOptions>().BindConfiguration(BanksOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BankLoader>();
        return services;
    }

    public static IEndpointRouteBuilder MapBanks(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/banks").WithTags("Banks");
        api.MapGet("/", ListBanks)
            .WithName("ListBanks")
            .WithSummary("Every loaded bank: id, title, question count and themes.");
        api.MapGet("/{id}", GetBank)
            .WithName("GetBank")
            .WithSummary("One bank in the question-bank v1 format (question-bank/schema/question-bank.schema.json).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/", HomePage.Render).ExcludeFromDescription();
        return app;
    }

    internal static async Task<Ok<List<BankSummary>>> ListBanks(AppDbContext db, CancellationToken ct)
    {
        var banks = await db.Banks.AsNoTracking().OrderBy(b => b.Title).ThenBy(b => b.Id)
            .Select(b => new { b.Id, b.Title, b.Language, b.Description, b.QuestionCount, b.Themes })
            .ToListAsync(ct);
        return TypedResults.Ok(banks.Select(b => new BankSummary(b.Id, b.Title, b.Language, b.Description, b.QuestionCount,
            b.Themes.Select(t => new ThemeSummary(t.Id, t.Title, t.Keywords, t.QuestionCount)).ToList())).ToList());
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetBank(string id, AppDbContext db, CancellationToken ct)
    {
        var content = await db.Banks.AsNoTracking().Where(b => b.Id == id).Select(b => b.Content).SingleOrDefaultAsync(ct);
        return content is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such bank", detail: $"There is no bank with id '{id}'.")
            : TypedResults.File(content, "application/json; charset=utf-8");
    }
}
