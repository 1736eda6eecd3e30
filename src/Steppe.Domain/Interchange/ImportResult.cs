using Steppe.Domain.Banks;

namespace Steppe.Domain.Interchange;

/// <summary>What an import found in another tool's file, item by item, before anything is saved: the questions it
/// could convert, each with the line it starts on, and what it could not, with the reason.</summary>
public sealed record ImportResult(IReadOnlyList<ImportedQuestion> Found, IReadOnlyList<NotConverted> NotConverted)
{
    /// <summary>The questions found as a bank (format v1) of the given title, its id made from the title.</summary>
    public QuestionBank ToBank(string title)
    {
        var id = Generation.Reading.ThemeModel.Slug(title);
        return new() { Id = id == "theme" ? "imported" : id, Title = title, Questions = Found.Select(f => f.Question).ToList() };
    }
}

/// <summary>A question made from the item starting on <paramref name="Line"/> (1-based).</summary>
public sealed record ImportedQuestion(int Line, Question Question);

/// <summary>An item starting on <paramref name="Line"/> that was not converted, with its text and why.</summary>
public sealed record NotConverted(int Line, string Text, string Reason);

/// <summary>Question ids for imported items: from a title where the format has one, else q1, q2, … in order,
/// never the same twice.</summary>
internal sealed class ImportIds
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string Next(string? title)
    {
        var stem = string.IsNullOrWhiteSpace(title) ? "" : Generation.Reading.ThemeModel.Slug(title);
        if (stem.Length > 0 && _used.Add(stem))
        {
            return stem;
        }
        for (var n = _used.Count + 1; ; n++)
        {
            var id = stem.Length > 0 ? $"{stem}-{n}" : $"q{n}";
            if (_used.Add(id))
            {
                return id;
            }
        }
    }
}
