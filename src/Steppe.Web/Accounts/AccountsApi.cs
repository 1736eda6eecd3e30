using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Steppe.Web.Data;
using Steppe.Web.Hosting;

namespace Steppe.Web.Accounts;

public sealed record SignUpRequest(string? Email, string? Password);
public sealed record SignInRequest(string? Email, string? Password);
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
public sealed record DeleteAccountRequest(string? Password);
public sealed record AccountResponse(string Email, DateTimeOffset CreatedAt);

/// <summary>Accounts with ASP.NET Core Identity: sign up, sign in and out, change password, delete the
/// account. Cookie sign-in for pages and API alike; the API answers 401, never a redirect.</summary>
public static class AccountsApi
{
    public const string SignInRateLimit = "sign-in";
    public const string SignUpRateLimit = "sign-up";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        // The keys that protect sign-in cookies live in "keys" beside the database, so that a restart (an update,
        // a crash) does not sign everyone out. Resolved when first needed, after every configuration source.
        services.AddDataProtection().SetApplicationName("Steppe");
        services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, IHostEnvironment, ILoggerFactory>((keys, configuration, environment, logs) =>
        {
            if (DatabaseSetup.DataDirectory(configuration, environment.ContentRootPath) is { } data)
            {
                keys.XmlRepository = new PrivateXmlRepository(new DirectoryInfo(Path.Combine(data, "keys")), logs);
            }
        });
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "steppe";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(30);
            cookie.LoginPath = "/signin";
            cookie.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
        });
        services.AddSingleton<SessionStore>().AddSingleton<SignInThrottle>().AddSingleton<PasswordTiming>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<SessionStore>((cookie, store) => cookie.SessionStore = store);
        services.AddAuthorization();
        services.AddIdentityCore<AppUser>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountsOptions>>((identity, accounts) =>
        {
            // ASVS 5: a long password, no composition rules.
            identity.Password.RequiredLength = accounts.Value.MinimumPasswordLength;
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Password.RequiredUniqueChars = 1;
            identity.User.RequireUniqueEmail = true;
            // No lockout of the account itself, which anyone could aim at a teacher: SignInThrottle locks an
            // address per network instead.
            identity.Lockout.AllowedForNewUsers = false;
        });
        services.AddOptions<PasswordHasherOptions>().Configure<IOptions<AccountsOptions>>((hasher, accounts) =>
        {
            hasher.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3; // PBKDF2 with HMAC-SHA512
            hasher.IterationCount = accounts.Value.PasswordIterations;
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(SignInRateLimit, http =>
            {
                var permits = http.RequestServices.GetRequiredService<IOptions<AccountsOptions>>().Value.SignInAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            limiter.AddPolicy(SignUpRateLimit, http =>
            {
                var accounts = http.RequestServices.GetRequiredService<IOptions<AccountsOptions>>().Value;
                return RateLimitPartition.GetSlidingWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = accounts.SignUpsPerHour, Window = TimeSpan.FromHours(1), SegmentsPerWindow = 12, QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (context, ct) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts",
                    detail: $"Wait {(int)Math.Ceiling(retry.TotalSeconds)} seconds before trying again.").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    private static Task Refuse(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/account").WithTags("Accounts").AddEndpointFilter<SameOriginFilter>();
        api.MapPost("/signup", Credentials.SignUp).AllowAnonymous().RequireRateLimiting(SignUpRateLimit).WithSummary("Create an account and sign in.");
        api.MapPost("/signin", Credentials.SignIn).AllowAnonymous().RequireRateLimiting(SignInRateLimit).WithSummary("Sign in with e-mail and password.");
        api.MapPost("/signout", SignOut).RequireAuthorization().WithSummary("Sign out.");
        api.MapGet("/", Me).RequireAuthorization().WithSummary("The signed-in account.");
        api.MapPost("/password", ChangePassword).RequireAuthorization().WithSummary("Change the password.");
        api.MapDelete("/", Delete).RequireAuthorization().WithSummary("Delete the account and all its data.");
        return app;
    }

    internal static async Task<NoContent> SignOut(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<AccountResponse>, UnauthorizedHttpResult>> Me(ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        var user = await users.GetUserAsync(principal);
        return user is null ? TypedResults.Unauthorized() : TypedResults.Ok(new AccountResponse(user.Email!, user.CreatedAt));
    }

    internal static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> ChangePassword(
        ChangePasswordRequest request, ClaimsPrincipal principal, UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword ?? "", request.NewPassword ?? "");
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(Errors(result));
        }
        // Every other browser signed in as this user, an attacker's copy of a cookie included, is signed out.
        await SessionStore.EndOthersAsync(db, user.Id, principal.FindFirstValue(SessionStore.SessionClaim), ct);
        await signIn.RefreshSignInAsync(user);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> Delete(
        [Microsoft.AspNetCore.Mvc.FromBody] DeleteAccountRequest request, ClaimsPrincipal principal, UserManager<AppUser> users, SignInManager<AppUser> signIn)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }
        if (!await users.CheckPasswordAsync(user, request.Password ?? ""))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["Enter your password to delete the account."] });
        }
        // The user's own data goes with the account (cascading foreign keys).
        await users.DeleteAsync(user);
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    /// <summary>Identity's errors as validation problems keyed by the field they concern.</summary>
    internal static Dictionary<string, string[]> Errors(IdentityResult result) =>
        result.Errors.GroupBy(e => e.Code switch
        {
            var c when c.StartsWith("Password", StringComparison.Ordinal) || c == "CommonPassword" => "password",
            "DuplicateUserName" or "DuplicateEmail" or "InvalidEmail" or "InvalidUserName" => "email",
            _ => "account",
        }).ToDictionary(g => g.Key, g => g.Select(e => e.Code is "DuplicateUserName" or "DuplicateEmail"
            ? "An account with this e-mail address already exists; sign in instead."
            : e.Description).Distinct().ToArray());
}
