using Microsoft.AspNetCore.Identity;

namespace Steppe.Web.Accounts;

/// <summary>A learner or teacher with an account. The e-mail address is the user name.</summary>
public sealed class AppUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }
}
