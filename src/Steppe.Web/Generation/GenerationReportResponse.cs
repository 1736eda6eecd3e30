using System.Text.Encodings.Web;
using System.Text.Json;
using Steppe.Domain.Banks;
using Steppe.Domain.Generation;

namespace Steppe.Web.Generation;

/// <summary>What the generator found, made and left out, as POST /api/generate answers it with <c>report: true</c>:
/// the generator's <see cref="GenerationReport"/> plus what a reader of it needs to say "8 of a budget of 10":
/// the number of questions, the default budget and whether every question was asked for.</summary>
public sealed record GenerationReportResponse(
    int Questions, int Budget, int DefaultBudget, bool All,
    int Paragraphs, int Sentences, IReadOnlyDictionary<string, int> NamesByKind, IReadOnlyList<string> Themes,
    IReadOnlyDictionary<string, int> QuestionsByForm, IReadOnlyDictionary<string, int> QuestionsByType,
    IReadOnlyDictionary<string, int> QuestionsByTheme, int Candidates, IReadOnlyDictionary<string, int> Filtered,
    IReadOnlyList<string> Warnings)
{
    public static GenerationReportResponse From(GenerationReport report, int questions, int defaultBudget, bool all) => new(
        questions, report.Budget, defaultBudget, all, report.Paragraphs, report.Sentences, report.NamesByKind, report.Themes,
        report.QuestionsByForm, report.QuestionsByType, report.QuestionsByTheme, report.Candidates, report.Filtered, report.Warnings);
}

/// <summary>The body of a generated bank with its report: <c>{ "bank": …, "report": … }</c>, the bank exactly as
/// <see cref="BankWriter"/> writes it (the bytes the answer without a report holds), so that what a client saves
/// is what the generator wrote.</summary>
public static class GeneratedBankWithReport
{
    // camelCase fields; dictionary keys (forms, reasons, theme titles) as the generator wrote them.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // served as application/json, never inside HTML
    };

    public static byte[] ToUtf8(QuestionBank bank, GenerationReportResponse report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = Json.Encoder }))
        {
            json.WriteStartObject();
            json.WritePropertyName("bank");
            json.WriteRawValue(BankWriter.ToUtf8(bank).AsSpan().TrimEnd((byte)'\n'));
            json.WritePropertyName("report");
            JsonSerializer.Serialize(json, report, Json);
            json.WriteEndObject();
        }
        return stream.ToArray();
    }
}
