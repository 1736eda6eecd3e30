using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Steppe.Domain.Banks;
using Steppe.Domain.Interchange;
using Steppe.Web.Accounts;
using Steppe.Web.Banks;
using Steppe.Web.Data;
using Steppe.Web.Hosting;

namespace Steppe.Web.Interchange;

/// <summary>An import looked at before anything is saved: the bank it would make, and item by item what was found
/// and what could not be converted, with why; what was lost on the way in <see cref="Warnings"/>.
/// <see cref="Unit"/> says what the numbers count: "line" (text formats), "note" (Anki packages) or "row" (spreadsheets).</summary>
public sealed record ImportPreview(JsonElement Bank, IReadOnlyList<FoundItem> Found, IReadOnlyList<NotConverted> NotConverted, string Unit, IReadOnlyList<string> Warnings);

public sealed record FoundItem(int Line, string Id, string Type, string Prompt, string Answer);

/// <summary>Banks from and to other tools: Moodle's GIFT, Quizlet's and Anki's term lists (import and export), and
/// CSV (export). An import is only previewed here; the bank it makes is saved, or opened in the editor, through the
/// bank API like any other.</summary>
public static class InterchangeApi
{
    /// <summary>Imports read whole files: 20 a minute per account. Exports build a file: 60 a minute per visitor.</summary>
    public const string ImportRate = "imports", ExportRate = "exports";

    public static IServiceCollection AddInterchange(this IServiceCollection services) =>
        services.AddRateLimiter(limiter => limiter.AddPerUserPerMinute(ImportRate, 20).AddPerUserPerMinute(ExportRate, 60));

    public static IEndpointRouteBuilder MapInterchange(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/import/preview", Preview)
            .RequireAuthorization()
            .WithTags("Banks")
            .WithName("PreviewImport")
            .WithSummary("Read another tool's file (the body) into a bank without saving the bank (an Anki deck's pictures are stored as the caller's, so that the bank can name them; unused, they are removed after a day when room is needed): format=anki (an .apkg or .colpkg, up to 25 MB), kahoot (Kahoot's quiz spreadsheet, .xlsx, up to 5 MB), gift (Moodle, UTF-8 text) or text (Quizlet/Anki: between=tab|comma|semicolon|any string, cards=line|semicolon|any string, ask=definition to ask with the definition); title names the bank. Answers the bank, what was found with its line or note, what could not be converted and why, and what was left out.")
            .Accepts<string>("text/plain", "application/octet-stream")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AddEndpointFilter<SameOriginFilter>()
            .RequireRateLimiting(ImportRate)
            .WithMetadata(new RequestSizeLimitAttribute(MostPackageBytes + 1));
        app.MapGet("/api/banks/{id}/export/{format}", Export)
            .RequireRateLimiting(ExportRate)
            .AllowAnonymous()
            .WithTags("Banks")
            .WithName("ExportBank")
            .WithSummary("A bank the caller may read (?key= for one shared by link) as apkg (an Anki package), xlsx (Kahoot's quiz spreadsheet: its multiple-choice and true/false questions), gift (Moodle), text (tab-separated, for Quizlet and Anki), csv, or json.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        AnkiHistoryApi.Map(app);
        app.MapGet("/banks/import", ImportPage.Render).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    /// <summary>The largest Anki package read (text formats: <see cref="BanksApi.MaxImportBytes"/>).</summary>
    public const long MostPackageBytes = 25L * 1024 * 1024;

    internal static async Task<Results<Ok<ImportPreview>, ProblemHttpResult>> Preview(
        HttpRequest request, string? format, string? title, string? between, string? cards, string? ask, ClaimsPrincipal user, Media.MediaLibrary media, CancellationToken ct)
    {
        var (bytes, tooLarge) = format == "anki"
            ? await BanksApi.ReadBodyAsync(request, ct, MostPackageBytes, "An Anki package")
            : await BanksApi.ReadBodyAsync(request, ct, BanksApi.MaxImportBytes, "A file to import");
        if (bytes is null)
        {
            return tooLarge!;
        }
        if (format is "anki" or "kahoot")
        {
            try
            {
                if (format == "kahoot")
                {
                    return TypedResults.Ok(PreviewOf(KahootSheet.Read(bytes), title, "row", []));
                }
                using var package = new MemoryStream(bytes, writable: false);
                var (anki, warnings, pictures) = AnkiPackage.ReadWithPictures(package);
                var notes = warnings.ToList();
                anki = await ImportedPictures.StoreAsync(anki, pictures, media, user.UserId(), notes, ct);
                return TypedResults.Ok(PreviewOf(anki, title, "note", notes));
            }
            catch (ImportFileException e)
            {
                return Invalid("body", $"The file {e.Message}.");
            }
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Invalid("body", "is not UTF-8 text: save the file as UTF-8 (an Anki .apkg is read as an Anki package)");
        }
        ImportResult result;
        switch (format)
        {
            case "gift":
                result = Gift.Read(text);
                break;
            case "text":
                result = TermList.Read(text, Separator(between, "\t"), Separator(cards, "\n"), ask == "definition");
                break;
            case "csv":
                try
                {
                    result = CsvRows.Read(CsvFiles.Read(text));
                }
                catch (ImportFileException e)
                {
                    return Invalid("body", $"The file {e.Message}.");
                }
                break;
            default:
                return Invalid("format", "must be \"anki\", \"kahoot\", \"gift\", \"text\" or \"csv\"");
        }
        return TypedResults.Ok(PreviewOf(result, title, "line", []));

        static ImportPreview PreviewOf(ImportResult result, string? title, string unit, IReadOnlyList<string> warnings)
        {
            var bank = result.ToBank(string.IsNullOrWhiteSpace(title) ? "Imported questions" : title.Trim());
            using var json = JsonDocument.Parse(BankWriter.ToUtf8(bank));
            var found = result.Found.Select(f => new FoundItem(f.Line, f.Question.Id, f.Question.Type.Name(), f.Question.Prompt, f.Question.AnswerText)).ToList();
            return new ImportPreview(json.RootElement.Clone(), found, result.NotConverted, unit, warnings);
        }

        static string Separator(string? asked, string fallback) => asked switch
        {
            null or "" => fallback, "tab" => "\t", "comma" => ",", "semicolon" => ";", "line" => "\n", var other => other,
        };

        static ProblemHttpResult Invalid(string field, string message) => BanksApi.Refusal(
            new BankSaveResult.Invalid(new() { [field] = [message] }, "The file cannot be imported"));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(
        string id, string format, string? key, ClaimsPrincipal user, AppDbContext db, Media.MediaLibrary media, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Banks.ReadableAsync(id, user.UserIdOrNull(), key, ct) is null)
        {
            return BanksApi.NoSuchBank(id);
        }
        var content = await db.BankContents.AsNoTracking().Where(c => c.BankId == id).Select(c => c.Content).SingleAsync(ct);
        var bank = BankReader.Read(content).Bank!;
        return format switch
        {
            "json" => TypedResults.File(content, "application/json; charset=utf-8", $"{id}.json"),
            "gift" => TypedResults.File(Encoding.UTF8.GetBytes(Gift.Write(bank)), "text/plain; charset=utf-8", $"{id}.gift.txt"),
            "text" => TypedResults.File(Encoding.UTF8.GetBytes(TermList.Write(bank)), "text/tab-separated-values; charset=utf-8", $"{id}.txt"),
            "csv" => TypedResults.File(CsvFiles.Write(bank), "text/csv; charset=utf-8", $"{id}.csv"),
            "apkg" => TypedResults.File(AnkiExport.Write(bank, clock.GetUtcNow(), await media.FilesOfAsync(bank, ct)), "application/octet-stream", $"{id}.apkg"),
            "xlsx" => TypedResults.File(KahootSheet.Write(bank).Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{id}-kahoot.xlsx"),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such format",
                detail: $"'{format}' is not one of apkg, xlsx, gift, text, csv, json."),
        };
    }
}
