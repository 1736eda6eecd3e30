namespace Steppe.Tests;

/// <summary>Finds files of the repository from a test's output folder (linked into each test project).</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Steppe.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Steppe.slnx not found above " + AppContext.BaseDirectory);
    }
}
