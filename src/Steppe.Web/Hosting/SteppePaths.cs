namespace Steppe.Web.Hosting;

/// <summary>Where the app finds its settings, banks and database: the repository root, found from the
/// working folder or, failing that, from the binaries' folder, so `dotnet run --project src/Steppe.Web`
/// works from anywhere inside the clone.</summary>
public static class SteppePaths
{
    public static string FindContentRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "appsettings.json")) && Directory.Exists(Path.Combine(dir.FullName, "question-bank")))
                {
                    return dir.FullName;
                }
            }
        }
        return Directory.GetCurrentDirectory();
    }

    /// <summary>The static files, copied next to the binaries at build time.</summary>
    public static string WebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>A path from settings, relative to the content root unless it is absolute.</summary>
    public static string Resolve(string contentRoot, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(contentRoot, path));
}
