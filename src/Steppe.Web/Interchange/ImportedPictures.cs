using Steppe.Domain.Banks;
using Steppe.Domain.Interchange;
using Steppe.Web.Media;

namespace Steppe.Web.Interchange;

/// <summary>The pictures of an imported deck, checked and cleaned as any upload and stored as the importer's, so that
/// the bank the preview shows names them as the format does (<c>media/…</c>). A picture refused by the checks or over
/// the quota is left out of its question, and the preview says why; a card whose front was only that picture is not
/// converted, since its question would ask about nothing.</summary>
internal static class ImportedPictures
{
    public static async Task<ImportResult> StoreAsync(ImportResult result, IReadOnlyDictionary<string, byte[]> files, MediaLibrary media, string owner,
        List<string> warnings, CancellationToken ct)
    {
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        var why = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, bytes) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            switch (await media.UploadAsync(bytes, owner, ct))
            {
                case UploadResult.Stored s:
                    stored[name] = s.Src;
                    break;
                case UploadResult.Refused r:
                    why[name] = r.Detail;
                    warnings.Add($"the picture '{name}' is left out: {r.Detail}");
                    break;
            }
        }
        var named = Apply(result, stored, why);
        var undescribed = named.Found.Count(f => f.Question.Image?.Alt == AnkiNotes.NoAlt);
        if (undescribed > 0)
        {
            warnings.Add($"{undescribed} picture{(undescribed == 1 ? " has" : "s have")} no description in Anki: open the bank in the editor and say what each shows (it is read to students who cannot see it)");
        }
        return named;
    }

    /// <summary>The questions with each picture named as stored (<paramref name="stored"/>: Anki's file name → src), or
    /// left out; a question that asked only about a picture left out goes to the list of what was not converted.</summary>
    public static ImportResult Apply(ImportResult result, IReadOnlyDictionary<string, string> stored, IReadOnlyDictionary<string, string>? why = null)
    {
        var (found, skipped) = (new List<ImportedQuestion>(), result.NotConverted.ToList());
        foreach (var item in result.Found)
        {
            if (item.Question.Image is not { } image)
            {
                found.Add(item);
                continue;
            }
            var file = image.Src[AnkiNotes.PictureScheme.Length..];
            if (stored.TryGetValue(file, out var src))
            {
                found.Add(item with { Question = item.Question with { Image = image with { Src = src } } });
            }
            else if (item.Question.Prompt == AnkiNotes.PicturePrompt)
            {
                skipped.Add(new NotConverted(item.Line, file, $"its front is the picture '{file}', which is not imported: {why?.GetValueOrDefault(file) ?? "not in the package"}"));
            }
            else
            {
                found.Add(item with { Question = item.Question with { Image = null } });
            }
        }
        return new ImportResult(found, skipped.OrderBy(s => s.Line).ToList());
    }
}
