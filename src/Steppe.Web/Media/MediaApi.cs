using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Steppe.Web.Accounts;
using Steppe.Web.Banks;
using Steppe.Web.Hosting;

namespace Steppe.Web.Media;

/// <summary>Uploading a picture for a question, and serving pictures to study pages, projectors and phones.</summary>
public static class MediaApi
{
    private const string UploadRate = "media-upload";

    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddSingleton<FolderMedia>();
        services.AddScoped<MediaLibrary>();
        return services.AddRateLimiter(limiter => limiter.AddPerUserPerMinute(UploadRate, 60));
    }

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/media", Upload)
            .RequireAuthorization()
            .WithTags("Banks")
            .WithName("UploadPicture")
            .WithSummary("Upload a picture for a question (the body: PNG, JPEG, WebP or GIF, up to 5 MB and 4096×4096 pixels, judged by content). It is stored without its metadata (EXIF, GPS, XMP, comments), JPEG turned upright first; the answer's src is what a bank writes in image.src or choiceImages. Counts against the account's picture quota.")
            // No Accepts(): a declared type would turn a wrong one into a bare 415; the content is judged instead, with a reason.
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AddEndpointFilter<SameOriginFilter>()
            .RequireRateLimiting(UploadRate)
            .WithMetadata(new RequestSizeLimitAttribute(ImageCleaner.MaxBytes + 1));
        app.MapGet("/media/{name}", Serve)
            .AllowAnonymous()
            .WithTags("Banks")
            .WithName("GetPicture")
            .WithSummary("A picture named by a bank (media/…). Uploaded pictures are named by their content's hash and cached for a year; the bank folder's for an hour.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Created<UploadResult.Stored>, ProblemHttpResult>> Upload(
        HttpRequest request, ClaimsPrincipal user, MediaLibrary media, CancellationToken ct)
    {
        var (bytes, tooLarge) = await BanksApi.ReadBodyAsync(request, ct, ImageCleaner.MaxBytes, "A picture");
        if (bytes is null)
        {
            return tooLarge!;
        }
        return await media.UploadAsync(bytes, user.UserId(), ct) switch
        {
            UploadResult.Stored stored => TypedResults.Created("/" + stored.Src, stored),
            UploadResult.Refused refused => TypedResults.Problem(statusCode: refused.Status, title: refused.Title, detail: refused.Detail),
            _ => throw new InvalidOperationException(),
        };
    }

    internal static async Task<IResult> Serve(string name, HttpContext http, MediaLibrary media, CancellationToken ct)
    {
        if (!Steppe.Domain.Banks.BankRules.MediaSrc().IsMatch("media/" + name) || await media.FindAsync(name, ct) is not { } picture)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such picture",
                detail: $"There is no picture 'media/{name}' here.");
        }
        var headers = http.Response.Headers;
        headers.CacheControl = picture.Immutable ? "public, max-age=31536000, immutable" : "public, max-age=3600";
        // A picture is never a document: nothing in it runs, even opened on its own.
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.Bytes(picture.Bytes, picture.ContentType, entityTag: new EntityTagHeaderValue($"\"{picture.Tag}\""));
    }
}
