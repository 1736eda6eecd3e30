using System.ComponentModel.DataAnnotations;

namespace Steppe.Web.Accounts;

/// <summary>Settings of the "Accounts" section.</summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>PBKDF2 iterations for new password hashes (OWASP's 2023 figure for HMAC-SHA512 is 210,000);
    /// tests lower it to stay fast.</summary>
    [Range(1_000, 10_000_000)]
    public int PasswordIterations { get; set; } = 210_000;

    [Range(8, 128)]
    public int MinimumPasswordLength { get; set; } = 12;

    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    [Range(1, 10_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>New accounts per client address per hour: enough for a class behind one school address, few for
    /// someone probing which addresses have an account or making accounts by the hundred.</summary>
    [Range(1, 100_000)]
    public int SignUpsPerHour { get; set; } = 60;

    /// <summary>Wrong passwords for one e-mail address from one network address before that pair is refused for
    /// 15 minutes (see <see cref="SignInThrottle"/>).</summary>
    [Range(1, 1_000)]
    public int FailuresBeforeLock { get; set; } = 5;

    /// <summary>Wrong passwords for one e-mail address from all networks together in an hour.</summary>
    [Range(1, 100_000)]
    public int FailuresPerAddressPerHour { get; set; } = 100;
}
