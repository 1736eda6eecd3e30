using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Steppe.Web.Accounts;

namespace Steppe.Web.Hosting;

/// <summary>A named limit of requests a minute per signed-in user (per network address for anyone else); a
/// refusal is the app's 429 problem with Retry-After (see AccountsApi).</summary>
public static class PerUserRate
{
    public static RateLimiterOptions AddPerUserPerMinute(this RateLimiterOptions options, string name, int perMinute) =>
        options.AddPolicy(name, http => RateLimitPartition.GetFixedWindowLimiter(
            http.User.UserIdOrNull() ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
}
