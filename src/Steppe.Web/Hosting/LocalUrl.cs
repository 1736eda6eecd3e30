namespace Steppe.Web.Hosting;

/// <summary>Where a page may send the browser after signing in: a path of this site only, with the rules of
/// ASP.NET Core's <c>Url.IsLocalUrl</c>. "//evil.example" and "/\evil.example" name another host to a browser,
/// and a browser drops tabs and line breaks from an address, so "/\t/evil.example" is "//evil.example".</summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.AsSpan(1).ContainsAnyInRange('\u0000', '\u001f') && !url.AsSpan(1).ContainsAnyInRange('\u007f', '\u009f');

    /// <summary>The URL when it is local, else the home page.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
