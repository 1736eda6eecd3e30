using Microsoft.AspNetCore.Http.HttpResults;

namespace Steppe.Web.Study;

public static class StudyPages
{
    public static IEndpointRouteBuilder MapStudyPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/study", () => new RazorComponentResult<StudyPage>()).RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
