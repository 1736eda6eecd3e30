using Steppe.Domain.Banks;
using Steppe.Domain.Interchange;
using Steppe.Web.Media;

namespace Steppe.Web.Interchange;

/// <summary>The pictures of an imported deck, checked and cleaned as any upload and stored as the importer's, so that
/// the bank the preview shows names them as the format does (<c>media/…</c>). A picture refused by the checks, or
/// over the quota, is left out of its question, and the preview says why.</summary>
internal static class ImportedPictures
{
    public static async Task<ImportResult> StoreAsync(ImportResult result, IReadOnlyDictionary<string, byte[]> files, MediaLibrary media, string owner,
        List<string> warnings, CancellationToken ct)
    {
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, bytes) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            switch (await media.UploadAsync(bytes, owner, ct))
            {
                case UploadResult.Stored s:
                    stored[name] = s.Src;
                    break;
                case UploadResult.Refused r:
                    warnings.Add($"the picture '{name}' is left out: {r.Detail}");
                    break;
            }
        }
        var found = result.Found.Select(f => f with { Question = f.Question with { Image = Stored(f.Question.Image) } }).ToList();
        var undescribed = found.Count(f => f.Question.Image?.Alt == AnkiNotes.NoAlt);
        if (undescribed > 0)
        {
            warnings.Add($"{undescribed} picture{(undescribed == 1 ? " has" : "s have")} no description in Anki: open the bank in the editor and say what each shows (it is read to students who cannot see it)");
        }
        return result with { Found = found };

        QuestionImage? Stored(QuestionImage? image) =>
            image is not null && stored.TryGetValue(image.Src[AnkiNotes.PictureScheme.Length..], out var src) ? image with { Src = src } : null;
    }
}
