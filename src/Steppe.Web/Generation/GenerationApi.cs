using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
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

public sealed record GenerateRequest(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("id")] string? Id);

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
        var errors = new Dictionary<string, string[]>();
        if (request.Id is { } id && !BankRules.Slug().IsMatch(id))
        {
            errors["id"] = [$"'{id}' is not a slug: lower-case letters and digits joined by single hyphens"];
        }
        if (ArticleLimits.SentenceProblem(request.Text ?? "", limits.Value.MaxSentenceCharacters) is { } tooLong)
        {
            errors["text"] = [tooLong];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var result = await queue.GenerateAsync(request.Text ?? "", new GenerationOptions
        {
            Title = string.IsNullOrWhiteSpace(request.Title) ? null : request.Title.Trim(),
            Id = request.Id,
        }, ct);
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
        return TypedResults.File(BankWriter.ToUtf8(result.Bank), "application/json; charset=utf-8");
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
