using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Steppe.Web.Accounts;

/// <summary>A learner or teacher with an account. The e-mail address is the user name.</summary>
public sealed class AppUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }
}

public static class SignedInUser
{
    /// <summary>The account id of a signed-in user (endpoints that require authorization only).</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>The account id, or null for an anonymous caller.</summary>
    public static string? UserIdOrNull(this ClaimsPrincipal? user) =>
        user?.FindFirstValue(ClaimTypes.NameIdentifier);
}
