using Microsoft.AspNetCore.Http.HttpResults;

namespace Steppe.Web.Study;

public static class StatisticsPages
{
    public static IEndpointRouteBuilder MapStatisticsPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/statistics", () => new RazorComponentResult<StatisticsPage>()).RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
