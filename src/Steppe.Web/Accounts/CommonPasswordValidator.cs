using Microsoft.AspNetCore.Identity;

namespace Steppe.Web.Accounts;

/// <summary>Refuses passwords from a list of the most common ones and ones made of the user's own e-mail
/// (ASVS 5: length over composition rules, and no known or guessable passwords).</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(() =>
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Steppe.Web.Accounts.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim());
            }
        }
        return set;
    });

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var squeezed = new string(password.Where(char.IsLetterOrDigit).ToArray());
        if (Common.Value.Contains(password) || Common.Value.Contains(squeezed) || Repeats(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "This password is too common; choose a less guessable one (a few random words work well)." }));
        }
        var local = user.Email?.Split('@')[0];
        if (local is { Length: >= 4 } && password.Contains(local, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordContainsEmail", Description = "The password must not contain your e-mail address." }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>"aaaaaaaaaaaa" or "abcabcabcabc": one short pattern repeated.</summary>
    private static bool Repeats(string password)
    {
        for (var n = 1; n <= 4; n++)
        {
            if (password.Length >= n * 3 && Enumerable.Range(0, password.Length).All(i => password[i] == password[i % n]))
            {
                return true;
            }
        }
        return false;
    }
}
