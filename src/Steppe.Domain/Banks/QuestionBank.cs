namespace Steppe.Domain.Banks;

/// <summary>A question bank in format version 1 or 1.1 (see docs/question-bank-format.md).</summary>
/// <remarks>Optional fields stay <c>null</c> when the file leaves them out, so that reading and writing
/// a bank gives back the same file.</remarks>
public sealed record QuestionBank
{
    /// <summary>The first format; a bank without pictures may keep saying it.</summary>
    public const decimal Format1 = 1m;

    /// <summary>Format 1 with pictures on prompts and choices; every file of format 1 is valid as 1.1.</summary>
    public const decimal Format11 = 1.1m;

    public string? Schema { get; init; }

    /// <summary>1 or 1.1, as written ("1.1" keeps its digits through a round trip).</summary>
    public decimal Format { get; init; } = Format1;
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Language { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public BankSource? Source { get; init; }
    public IReadOnlyList<Theme>? Themes { get; init; }
    public required IReadOnlyList<Question> Questions { get; init; }

    /// <summary>The language to use when the file names none.</summary>
    public string EffectiveLanguage => Language ?? "en";

    public bool Equals(QuestionBank? other) =>
        other is not null
        && Schema == other.Schema && Format == other.Format && Id == other.Id && Title == other.Title
        && Language == other.Language && Description == other.Description
        && Seq.Equal(Tags, other.Tags) && Equals(Source, other.Source)
        && Seq.Equal(Themes, other.Themes) && Seq.Equal(Questions, other.Questions);

    public override int GetHashCode() => HashCode.Combine(Id, Title, Questions.Count);
}

public sealed record BankSource(string? Title = null, string? File = null, string? Sha256 = null, string? Url = null);

public sealed record Theme(string Id, string Title, IReadOnlyList<string>? Keywords = null)
{
    public bool Equals(Theme? other) =>
        other is not null && Id == other.Id && Title == other.Title && Seq.Equal(Keywords, other.Keywords);

    public override int GetHashCode() => HashCode.Combine(Id, Title);
}

/// <summary>Where in the article a question comes from: paragraph (non-empty lines, 1-based) and verbatim text.</summary>
public sealed record QuestionSource(string Text, int? Paragraph = null);

/// <summary>Value equality for the optional lists of the model (records compare lists by reference).</summary>
internal static class Seq
{
    public static bool Equal<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);
}
