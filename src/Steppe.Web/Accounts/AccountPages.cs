using Microsoft.AspNetCore.Http.HttpResults;

namespace Steppe.Web.Accounts;

public static class AccountPages
{
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", () => new RazorComponentResult<AccountPage>(new { Mode = "signin" })).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/signup", () => new RazorComponentResult<AccountPage>(new { Mode = "signup" })).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/account", () => new RazorComponentResult<AccountPage>(new { Mode = "account" })).RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
