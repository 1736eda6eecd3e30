using Microsoft.AspNetCore.Http.HttpResults;

namespace Steppe.Web.Live;

public static class LivePages
{
    public static IEndpointRouteBuilder MapLivePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/live/host", () => new RazorComponentResult<HostPage>()).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/play", () => new RazorComponentResult<PlayPage>()).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
