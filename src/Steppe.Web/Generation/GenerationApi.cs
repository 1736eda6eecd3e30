using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Steppe.Domain.Banks;
using Steppe.Domain.Generation;
using Steppe.Web.Hosting;

namespace Steppe.Web.Generation;

public sealed record GenerateRequest(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("id")] string? Id);

public static class GenerationApi
{
    public const int MaxTextCharacters = 1_000_000;

    public static IEndpointRouteBuilder MapGeneration(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/generate", Generate)
            .AllowAnonymous()
            .WithTags("Generation")
            .WithName("GenerateBank")
            .WithSummary("Generate a question bank from an article (up to 1 MB of English text); nothing is saved.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AddEndpointFilter<SameOriginFilter>()
            .WithMetadata(new RequestSizeLimitAttribute(4 * MaxTextCharacters));
        return app;
    }

    internal static Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult> Generate(GenerateRequest request)
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
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var result = BankGenerator.Generate(request.Text ?? "", new GenerationOptions
        {
            Title = string.IsNullOrWhiteSpace(request.Title) ? null : request.Title.Trim(),
            Id = request.Id,
        });
        if (result.Bank is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [result.Error!] }, title: "No bank could be generated");
        }
        return TypedResults.File(BankWriter.ToUtf8(result.Bank), "application/json; charset=utf-8");
    }
}
