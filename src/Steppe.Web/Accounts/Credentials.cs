using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Steppe.Web.Accounts;

/// <summary>Sign-in and sign-up, answered so that they tell as little as possible about which addresses have an
/// account: an unknown address and a wrong password get the same answer after the same work (one password hash),
/// and the lock after repeated wrong passwords is per address and network (<see cref="SignInThrottle"/>), reached
/// the same way for an address without an account.</summary>
public static class Credentials
{
    internal static async Task<Results<Ok<AccountResponse>, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInRequest request, HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInThrottle throttle, PasswordTiming timing)
    {
        var email = request.Email?.Trim() ?? "";
        var password = request.Password ?? "";
        var network = Network(http);
        if (throttle.IsLocked(email, network))
        {
            timing.Waste(password);
            return Locked();
        }
        var user = await users.FindByEmailAsync(email);
        if (user is null || !(await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false)).Succeeded)
        {
            if (user is null)
            {
                timing.Waste(password); // the hash an existing account would have cost
            }
            throttle.Failed(email, network);
            return throttle.IsLocked(email, network) ? Locked() : WrongCredentials();
        }
        throttle.Succeeded(email, network);
        await signIn.SignInAsync(user, isPersistent: true);
        return TypedResults.Ok(new AccountResponse(user.Email!, user.CreatedAt));
    }

    internal static async Task<Results<Ok<AccountResponse>, ValidationProblem, ProblemHttpResult>> SignUp(
        SignUpRequest request, HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInThrottle throttle, PasswordTiming timing, TimeProvider clock)
    {
        var email = request.Email?.Trim() ?? "";
        var password = request.Password ?? "";
        if (email.Length == 0 || !new EmailAddressAttribute().IsValid(email))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["Enter an e-mail address such as name@example.org."] });
        }
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            // Signing up again with the account's own password signs in, as a forgetful owner expects. Any other
            // password is a guess at it and counts as one.
            var network = Network(http);
            if (throttle.IsLocked(email, network))
            {
                timing.Waste(password);
                return Locked();
            }
            if ((await signIn.CheckPasswordSignInAsync(existing, password, lockoutOnFailure: false)).Succeeded)
            {
                await signIn.SignInAsync(existing, isPersistent: true);
                return TypedResults.Ok(new AccountResponse(existing.Email!, existing.CreatedAt));
            }
            throttle.Failed(email, network);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["email"] = ["This address cannot start a new account with this password. If the address is yours, sign in instead."],
            });
        }
        var user = new AppUser { UserName = email, Email = email, CreatedAt = clock.GetUtcNow() };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(AccountsApi.Errors(result));
        }
        await signIn.SignInAsync(user, isPersistent: true);
        return TypedResults.Ok(new AccountResponse(email, user.CreatedAt));
    }

    private static string Network(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>One answer for an unknown address and a wrong password, so the form does not reveal who has an account.</summary>
    private static ProblemHttpResult WrongCredentials() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
        title: "Wrong e-mail or password", detail: "Check the e-mail address and the password and try again.");

    private static ProblemHttpResult Locked() => TypedResults.Problem(statusCode: StatusCodes.Status423Locked, title: "Too many wrong passwords",
        detail: $"Too many wrong passwords for this address from your network: wait {SignInThrottle.LockTime.TotalMinutes:0} minutes, or sign in from another network.");
}

/// <summary>Checks a password against a hash made at start with the same settings as real ones, so that an
/// attempt on an address without an account costs what one on a real account costs.</summary>
public sealed class PasswordTiming(Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> options)
{
    private static readonly AppUser Nobody = new() { UserName = "nobody" };
    private readonly PasswordHasher<AppUser> _hasher = new(options);
    private string? _hash;

    public void Waste(string password)
    {
        _hash ??= _hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        _ = _hasher.VerifyHashedPassword(Nobody, _hash, password);
    }
}
