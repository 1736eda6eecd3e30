using System.Text.Json.Serialization;
using Steppe.Domain.Banks;
using Steppe.Domain.Generation;

namespace Steppe.Web.Generation;

/// <summary>The body of POST /api/generate. <c>max</c> and <c>all</c> choose how many questions (by default the
/// generator's budget of about four a kilobyte, 10 to 80); <c>report</c> asks for what the generator found and left
/// out next to the bank.</summary>
public sealed record GenerateRequest(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("max")] int? Max = null,
    [property: JsonPropertyName("all")] bool? All = null,
    [property: JsonPropertyName("report")] bool? Report = null)
{
    /// <summary>The most questions one request may ask for with <c>max</c>; <c>all</c> has no bound but the checks.</summary>
    public const int MaxQuestions = 1_000;

    /// <summary>What is wrong with the request's fields, by field, before any generating (the text's own checks
    /// come after, from the article limits and the generator).</summary>
    public Dictionary<string, string[]> Problems()
    {
        var errors = new Dictionary<string, string[]>();
        if (Id is { } id && !BankRules.Slug().IsMatch(id))
        {
            errors["id"] = [$"'{id}' is not a slug: lower-case letters and digits joined by single hyphens"];
        }
        if (Max is not null && All == true)
        {
            // The CLI's wording: both fields are named, since either may be the one to drop.
            const string both = "max and all cannot be used together: all keeps every question that passes the checks, max at most that many";
            errors["max"] = [both];
            errors["all"] = [both];
        }
        else if (Max is < 1 or > MaxQuestions)
        {
            errors["max"] = [$"must be from 1 to {MaxQuestions:N0}, not {Max}"];
        }
        return errors;
    }

    public GenerationOptions Options() => new()
    {
        Title = string.IsNullOrWhiteSpace(Title) ? null : Title.Trim(),
        Id = Id,
        MaxQuestions = Max,
        All = All == true,
    };
}
