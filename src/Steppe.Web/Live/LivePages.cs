using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using QRCoder;
using Steppe.Web.Accounts;
using Steppe.Web.Data;

namespace Steppe.Web.Live;

public static class LivePages
{
    public static IEndpointRouteBuilder MapLivePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/live/host", (HttpRequest request, JoinAddress join) =>
        {
            var (address, warning) = join.For(request);
            return new RazorComponentResult<HostPage>(new { JoinBase = address, JoinWarning = warning });
        }).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/play", (ClaimsPrincipal user) => new RazorComponentResult<PlayPage>(new { SignedIn = user.Identity?.IsAuthenticated == true }))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/live/{pin}/qr.svg", JoinCode).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/live/games", async (ClaimsPrincipal user, AppDbContext db, GameRegistry registry, CancellationToken ct) =>
            new RazorComponentResult<ResultsPage>(new { Games = (await LiveResultsApi.List(user, db, registry, ct)).Value! }))
            .RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/live/games/{id:long}", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, GameRegistry registry, CancellationToken ct) =>
            await LiveResultsApi.LoadAsync(id, user.UserId(), db, registry, ct) is { } game
                ? new RazorComponentResult<ResultsPage>(new { Game = game })
                : TypedResults.NotFound())
            .RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    /// <summary>A QR code of the game's join address (/play with the PIN filled in, at the address phones can open), for the projector.</summary>
    internal static IResult JoinCode(string pin, HttpRequest request, GameRegistry games, JoinAddress join)
    {
        if (games.Find(pin) is null)
        {
            return TypedResults.NotFound();
        }
        var url = $"{join.For(request).Address}/play?pin={Uri.EscapeDataString(pin)}";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(8);
        return TypedResults.Text(svg, "image/svg+xml");
    }
}
