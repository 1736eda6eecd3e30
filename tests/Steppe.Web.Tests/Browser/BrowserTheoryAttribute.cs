namespace Steppe.Web.Tests.Browser;

/// <summary>A browser test. It needs Debian's Chromium at <see cref="Chromium"/>: `.ci/run` installs it, so in
/// CI (CI=true) a missing browser fails the test; on a developer's machine without it the test is skipped,
/// saying why, so that `dotnet test` still runs everywhere the .NET SDK does.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserTheoryAttribute()
    {
        if (!File.Exists(Chromium) && Environment.GetEnvironmentVariable("CI") is not ("true" or "1"))
        {
            Skip = $"Browser tests need Chromium at {Chromium} (Debian: apt-get install -y chromium).";
        }
    }
}

/// <summary>A browser test without data rows; see <see cref="BrowserTheoryAttribute"/>.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserTheoryAttribute.Chromium) && Environment.GetEnvironmentVariable("CI") is not ("true" or "1"))
        {
            Skip = $"Browser tests need Chromium at {BrowserTheoryAttribute.Chromium} (Debian: apt-get install -y chromium).";
        }
    }
}
