using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Steppe.Domain.Banks;
using Steppe.Domain.Generation;
using Steppe.Web.Accounts;
using Steppe.Web.Hosting;

namespace Steppe.Web.Generation;

/// <summary>POST /api/generate: an article in, a bank out, nothing saved. Signed-in users only, a limited number an
/// hour each, the work queued for the generator's own threads (<see cref="GenerationQueue"/>).</summary>
public static class GenerationApi
{
    public const int MaxTextCharacters = 1_000_000;
    public const string RateLimit = "generate";

    public static IServiceCollection AddGeneration(this IServiceCollection services)
    {
        services.AddOptions<GenerationLimits>().BindConfiguration(GenerationLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<GenerationQueue>().AddHostedService(sp => sp.GetRequiredService<GenerationQueue>());
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, PerUserPolicy>(RateLimit));
        return services;
    }

    public static IEndpointRouteBuilder MapGeneration(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/generate", Generate)
            .RequireAuthorization()
            .RequireRateLimiting(RateLimit)
            .WithTags("Generation")
            .WithName("GenerateBank")
            .WithSummary("Generate a question bank from an article (up to 1 MB of English text); nothing is saved. Signed-in users, a limited number an hour.")
            .WithDescription("By default about 4 questions per KB of article (at least 10, at most 80), best first; the generator " +
                "writes fewer when fewer pass its checks. `max` (1 to 1,000) asks for at most that many, `all` for every question " +
                "that passes the checks (not both). The answer is the bank; with `report: true` it is `{ \"bank\": …, \"report\": … }`, " +
                "the report giving the budget used, the questions by form, type and theme, the candidates written, what was " +
                "filtered out and why (reason: count) and warnings.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddEndpointFilter<SameOriginFilter>()
            .WithMetadata(new RequestSizeLimitAttribute(4 * MaxTextCharacters));
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Generate(
        GenerateRequest request, HttpContext http, GenerationQueue queue, IOptions<GenerationLimits> limits, CancellationToken ct)
    {
        if (request.Text is { Length: > MaxTextCharacters })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Article too long",
                detail: $"The article has {request.Text.Length:N0} characters; the generator takes up to {MaxTextCharacters:N0}.");
        }
        var errors = request.Problems();
        if (ArticleLimits.SentenceProblem(request.Text ?? "", limits.Value.MaxSentenceCharacters) is { } tooLong)
        {
            errors["text"] = [tooLong];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var text = request.Text ?? "";
        var options = request.Options();
        var result = await queue.GenerateAsync(text, options, ct);
        if (result is null)
        {
            http.Response.Headers.RetryAfter = "60";
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The generator is busy",
                detail: $"The server generates {limits.Value.Workers} article(s) at a time with up to {limits.Value.QueueLength} waiting, and all places are taken. Try again in a minute.");
        }
        if (result.Bank is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [result.Error!] }, title: "No bank could be generated");
        }
        var body = request.Report == true && result.Report is { } report
            ? GeneratedBankWithReport.ToUtf8(result.Bank, GenerationReportResponse.From(report, result.Bank.Questions.Count, BankGenerator.DefaultBudget(text), options.All))
            : BankWriter.ToUtf8(result.Bank); // the bank alone, as clients written before the report expect
        return TypedResults.File(body, "application/json; charset=utf-8");
    }

    /// <summary><see cref="GenerationLimits.PerUserPerHour"/> per signed-in user (a sliding hour), answered with a
    /// problem that names the limit.</summary>
    private sealed class PerUserPolicy(IOptions<GenerationLimits> limits) : IRateLimiterPolicy<string>
    {
        public RateLimitPartition<string> GetPartition(HttpContext http) =>
            RateLimitPartition.GetSlidingWindowLimiter(http.User.UserIdOrNull() ?? "anonymous", _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = limits.Value.PerUserPerHour, Window = TimeSpan.FromHours(1), SegmentsPerWindow = 12, QueueLimit = 0,
            });

        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, ct) =>
        {
            var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(5);
            var seconds = (int)Math.Ceiling(retry.TotalSeconds);
            context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Generation limit reached",
                detail: $"An account may generate {limits.Value.PerUserPerHour} banks an hour; try again in {seconds} seconds.").ExecuteAsync(context.HttpContext);
        };
    }
}
