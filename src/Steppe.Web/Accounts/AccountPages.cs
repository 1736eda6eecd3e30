using Microsoft.AspNetCore.Http.HttpResults;
using Steppe.Web.Hosting;

namespace Steppe.Web.Accounts;

public static class AccountPages
{
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", (HttpRequest request) => new RazorComponentResult<AccountPage>(new { Mode = "signin", ReturnUrl = ReturnUrl(request) }))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/signup", (HttpRequest request) => new RazorComponentResult<AccountPage>(new { Mode = "signup", ReturnUrl = ReturnUrl(request) }))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/account", () => new RazorComponentResult<AccountPage>(new { Mode = "account" })).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    /// <summary>Where to go after signing in: the ReturnUrl the sign-in redirect added, when it is a path of this
    /// site; else the home page. The page's script goes there and nowhere else.</summary>
    private static string ReturnUrl(HttpRequest request) =>
        LocalUrl.OrHome(request.Query.TryGetValue("ReturnUrl", out var url) || request.Query.TryGetValue("returnUrl", out url) ? url.ToString() : null);
}
