using System.Collections.Frozen;

namespace Steppe.Web.Media;

/// <summary>The pictures of the bank folder's <c>media/</c>, checked and cleaned like an upload and kept in memory,
/// read once at start before the banks that name them. A file that fails the checks is left out and listed.</summary>
public sealed class FolderMedia(ILogger<FolderMedia> logger)
{
    private FrozenDictionary<string, CleanImage> _files = FrozenDictionary<string, CleanImage>.Empty;

    public IReadOnlyList<(string File, string Problem)> Skipped { get; private set; } = [];

    public bool Has(string name) => _files.ContainsKey(name);

    public CleanImage? Find(string name) => _files.GetValueOrDefault(name);

    public async Task LoadAsync(string bankFolder, CancellationToken ct = default)
    {
        var folder = Path.Combine(bankFolder, "media");
        var (files, skipped) = (new Dictionary<string, CleanImage>(StringComparer.Ordinal), new List<(string, string)>());
        if (Directory.Exists(folder))
        {
            foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                if (!Steppe.Domain.Banks.BankRules.MediaSrc().IsMatch("media/" + name))
                {
                    skipped.Add((name, "not a picture's file name: letters, digits, '.', '-' or '_', ending in .png, .jpg, .jpeg, .webp or .gif"));
                    continue;
                }
                if (new FileInfo(path).Length > ImageCleaner.MaxBytes)
                {
                    skipped.Add((name, $"larger than {ImageCleaner.MaxBytes / (1024 * 1024)} MB"));
                    continue;
                }
                byte[] bytes;
                try
                {
                    bytes = await File.ReadAllBytesAsync(path, ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    skipped.Add((name, $"cannot be read: {e.Message}"));
                    continue;
                }
                var (image, refusal) = await ImageCleaner.CleanAsync(bytes, ct);
                if (image is null)
                {
                    skipped.Add((name, refusal!));
                    continue;
                }
                files[name] = image;
            }
        }
        foreach (var (file, problem) in skipped)
        {
            logger.LogWarning("Skipped picture media/{File}: {Problem}", file, problem);
        }
        (_files, Skipped) = (files.ToFrozenDictionary(StringComparer.Ordinal), skipped);
    }
}
