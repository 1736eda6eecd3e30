using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Steppe.Web.Data;

/// <summary>The database (password hashes, everyone's reviews) and the keys that sign cookies are for the
/// service's own user alone: folders 700, files 600, whatever the umask. On Windows the folder's inherited
/// access rules apply instead.</summary>
public static class PrivateFiles
{
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder as 700, or narrows an existing one to 700 unless it is a shared folder with
    /// the sticky bit (such as /tmp), which is not Steppe's to change.</summary>
    public static void OwnerOnlyFolderAt(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, OwnerOnlyFolder);
            return;
        }
        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.StickyBit) && (mode & ~OwnerOnlyFolder) != 0)
        {
            File.SetUnixFileMode(path, mode & OwnerOnlyFolder);
        }
    }

    /// <summary>Creates an empty file as 600 (SQLite takes an empty file as a new database, and makes its -wal
    /// and -shm files with the database's mode), or narrows an existing one to 600.</summary>
    public static void OwnerOnlyFileAt(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile });
            return;
        }
        if ((File.GetUnixFileMode(path) & ~OwnerOnlyFile) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnlyFile);
        }
    }

    /// <summary>The database file, its WAL files and its folder made private, before SQLite first opens it.</summary>
    public static void Database(string databaseFile)
    {
        OwnerOnlyFolderAt(Path.GetDirectoryName(databaseFile)!);
        OwnerOnlyFileAt(databaseFile);
        foreach (var companion in new[] { "-wal", "-shm", "-journal" }.Select(s => databaseFile + s).Where(File.Exists))
        {
            OwnerOnlyFileAt(companion);
        }
    }
}

/// <summary>The sign-in cookie keys in a private folder (700), each key file 600.</summary>
public sealed class PrivateXmlRepository(DirectoryInfo folder, ILoggerFactory logs) : IXmlRepository
{
    private readonly FileSystemXmlRepository _inner = Create(folder, logs);

    private static FileSystemXmlRepository Create(DirectoryInfo folder, ILoggerFactory logs)
    {
        PrivateFiles.OwnerOnlyFolderAt(folder.FullName);
        foreach (var file in folder.EnumerateFiles("*.xml"))
        {
            PrivateFiles.OwnerOnlyFileAt(file.FullName);
        }
        return new FileSystemXmlRepository(folder, logs);
    }

    public IReadOnlyCollection<XElement> GetAllElements() => _inner.GetAllElements();

    public void StoreElement(XElement element, string friendlyName)
    {
        _inner.StoreElement(element, friendlyName);
        foreach (var file in folder.EnumerateFiles("*.xml"))
        {
            PrivateFiles.OwnerOnlyFileAt(file.FullName);
        }
    }
}
