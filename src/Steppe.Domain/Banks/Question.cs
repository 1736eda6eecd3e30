namespace Steppe.Domain.Banks;

/// <summary>The six question types of format v1, as written in the <c>type</c> field.</summary>
public enum QuestionType
{
    MultipleChoice,
    TrueFalse,
    Cloze,
    ShortAnswer,
    Numeric,
    Ordering,
}

public static class QuestionTypes
{
    public static readonly IReadOnlyList<(QuestionType Type, string Name)> All =
    [
        (QuestionType.MultipleChoice, "multiple-choice"),
        (QuestionType.TrueFalse, "true-false"),
        (QuestionType.Cloze, "cloze"),
        (QuestionType.ShortAnswer, "short-answer"),
        (QuestionType.Numeric, "numeric"),
        (QuestionType.Ordering, "ordering"),
    ];

    public static string Name(this QuestionType type) => All.First(t => t.Type == type).Name;

    public static bool TryParse(string name, out QuestionType type)
    {
        foreach (var (t, n) in All)
        {
            if (n == name)
            {
                type = t;
                return true;
            }
        }
        type = default;
        return false;
    }
}

/// <summary>What every question has, whatever its type.</summary>
public abstract record Question
{
    public required string Id { get; init; }
    public required string Prompt { get; init; }
    public string? Explanation { get; init; }
    public QuestionSource? Source { get; init; }
    public IReadOnlyList<string>? Themes { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public decimal? Difficulty { get; init; }
    public int? TimeLimitSeconds { get; init; }
    public int? Points { get; init; }

    /// <summary>A picture shown with the prompt (format 1.1).</summary>
    public QuestionImage? Image { get; init; }

    public abstract QuestionType Type { get; }

    /// <summary>The answer as a person reads it ("42.8 billion dollars", "True", "a → b → c").</summary>
    public abstract string AnswerText { get; }

    public virtual bool Equals(Question? other) =>
        other is not null && other.GetType() == GetType()
        && Id == other.Id && Prompt == other.Prompt && Explanation == other.Explanation
        && Equals(Source, other.Source) && Seq.Equal(Themes, other.Themes) && Seq.Equal(Tags, other.Tags)
        && Difficulty == other.Difficulty && TimeLimitSeconds == other.TimeLimitSeconds && Points == other.Points
        && Equals(Image, other.Image);

    public override int GetHashCode() => HashCode.Combine(Id, Prompt, Type);
}

public sealed record MultipleChoiceQuestion : Question
{
    public required IReadOnlyList<string> Choices { get; init; }
    public required string Answer { get; init; }

    /// <summary>A picture for each choice, in the order of <see cref="Choices"/>, null where a choice has none (format 1.1).</summary>
    public IReadOnlyList<QuestionImage?>? ChoiceImages { get; init; }

    public override QuestionType Type => QuestionType.MultipleChoice;
    public override string AnswerText => Answer;

    public bool Equals(MultipleChoiceQuestion? other) =>
        base.Equals(other) && Answer == other.Answer && Choices.SequenceEqual(other.Choices) && Seq.Equal(ChoiceImages, other.ChoiceImages);

    public override int GetHashCode() => base.GetHashCode();
}

public sealed record TrueFalseQuestion : Question
{
    public required bool Answer { get; init; }

    /// <summary>The true statement, for a false one.</summary>
    public string? Correction { get; init; }

    public override QuestionType Type => QuestionType.TrueFalse;
    public override string AnswerText => Answer ? "True" : "False";

    public bool Equals(TrueFalseQuestion? other) =>
        base.Equals(other) && Answer == other.Answer && Correction == other.Correction;

    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>A prompt with one blank, written <see cref="Blank"/>.</summary>
public sealed record ClozeQuestion : Question
{
    public const string Blank = "____";

    public required string Answer { get; init; }
    public IReadOnlyList<string>? Accept { get; init; }
    public override QuestionType Type => QuestionType.Cloze;
    public override string AnswerText => Answer;

    /// <summary>The prompt with its blank filled by the answer.</summary>
    public string Filled => Prompt.Replace(Blank, Answer, StringComparison.Ordinal);

    public bool Equals(ClozeQuestion? other) =>
        base.Equals(other) && Answer == other.Answer && Seq.Equal(Accept, other.Accept);

    public override int GetHashCode() => base.GetHashCode();
}

public sealed record ShortAnswerQuestion : Question
{
    public required string Answer { get; init; }
    public IReadOnlyList<string>? Accept { get; init; }
    public override QuestionType Type => QuestionType.ShortAnswer;
    public override string AnswerText => Answer;

    public bool Equals(ShortAnswerQuestion? other) =>
        base.Equals(other) && Answer == other.Answer && Seq.Equal(Accept, other.Accept);

    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>A number answer; <see cref="decimal"/> keeps the written precision ("42.80") through a round trip.</summary>
public sealed record NumericQuestion : Question
{
    public required decimal Answer { get; init; }
    public string? Unit { get; init; }

    /// <summary>Absolute tolerance; <c>null</c> means 0.</summary>
    public decimal? Tolerance { get; init; }

    public override QuestionType Type => QuestionType.Numeric;

    public override string AnswerText
    {
        get
        {
            var number = Answer.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // "45.6%" but "183 billion cubic meters"
            return Unit is null ? number : Unit.StartsWith('%') ? number + Unit : $"{number} {Unit}";
        }
    }

    public bool Equals(NumericQuestion? other) =>
        base.Equals(other) && Answer == other.Answer && Unit == other.Unit && Tolerance == other.Tolerance;

    public override int GetHashCode() => base.GetHashCode();
}

public sealed record OrderingQuestion : Question
{
    /// <summary>The items in their correct order.</summary>
    public required IReadOnlyList<string> Answer { get; init; }

    public override QuestionType Type => QuestionType.Ordering;
    public override string AnswerText => string.Join(" → ", Answer);

    public bool Equals(OrderingQuestion? other) => base.Equals(other) && Answer.SequenceEqual(other.Answer);

    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>A picture in a question: <paramref name="Src"/> names a file of the bank's media ("media/map.png"),
/// <paramref name="Alt"/> says what it shows to a reader who cannot see it.</summary>
public sealed record QuestionImage(string Src, string Alt)
{
    public const string Folder = "media/";

    /// <summary>The picture's file name in the bank's media ("map.png" for "media/map.png").</summary>
    public string FileName => Src.StartsWith(Folder, StringComparison.Ordinal) ? Src[Folder.Length..] : Src;

    /// <summary>Whether a question or its choices carry any picture (a bank that does is format 1.1).</summary>
    public static bool AnyIn(Question question) =>
        question.Image is not null || question is MultipleChoiceQuestion { ChoiceImages: { } images } && images.Any(i => i is not null);

    /// <summary>Every picture a question names, prompt first.</summary>
    public static IEnumerable<QuestionImage> AllIn(Question question)
    {
        if (question.Image is { } image)
        {
            yield return image;
        }
        if (question is MultipleChoiceQuestion { ChoiceImages: { } images })
        {
            foreach (var i in images.OfType<QuestionImage>())
            {
                yield return i;
            }
        }
    }
}
