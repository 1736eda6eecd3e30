namespace Steppe.Domain.Generation;

/// <summary>What a fact is, which decides the questions and distractors it gets.</summary>
public enum FactKind
{
    Amount,       // 42.8 billion dollars, $ 50 billion
    Percent,      // 45.6%
    Count,        // 51 projects, 14 thousand students, 1200 freight trains
    Multiplier,   // more than 3 times
    Year,         // 2013
    Period,       // 2017-2018
    Ordinal,      // 25th anniversary, third visit
    ListItem,     // one of "nuclear energy, wind energy and photovoltaics"
}

/// <summary>A fact found in a sentence: the verbatim span, the part a cloze blanks, and what it is about.</summary>
public sealed record Fact
{
    public required FactKind Kind { get; init; }
    public required Sentence Sentence { get; init; }

    /// <summary>The whole span in the sentence ("$ 50 billion", "183 billion cubic meters").</summary>
    public required int Start { get; init; }
    public required int Length { get; init; }

    /// <summary>The part a cloze blanks and a learner types ("42.8", "Astana", "25th").</summary>
    public required int AnswerStart { get; init; }
    public required int AnswerLength { get; init; }

    /// <summary>For numbers: the value as written (without the scale word).</summary>
    public decimal? Value { get; init; }

    /// <summary>For numbers: decimals written; a distractor keeps them.</summary>
    public int Decimals { get; init; }

    /// <summary>For numbers: "billion dollars", "%", "freight trains"; for ordinals the noun ("anniversary").</summary>
    public string? Unit { get; init; }

    /// <summary>Words before the number that qualify it ("more than", "over").</summary>
    public string? Qualifier { get; init; }

    /// <summary>The noun the fact is about, when the sentence says ("total investment", "turnover", "gas pipeline").</summary>
    public string? About { get; init; }

    /// <summary>For list items: the other items of the same list.</summary>
    public IReadOnlyList<string>? ListMembers { get; init; }

    /// <summary>For list items: what the list names ("new energy sources").</summary>
    public string? ListOf { get; init; }

    public string Text => Sentence.Text.Substring(Start, Length);
    public string Answer => Sentence.Text.Substring(AnswerStart, AnswerLength);
    public bool IsNumeric => Kind is FactKind.Amount or FactKind.Percent or FactKind.Count or FactKind.Multiplier;

    /// <summary>The sentence with the answer part replaced.</summary>
    public string SentenceWith(string replacement) =>
        string.Concat(Sentence.Text.AsSpan(0, AnswerStart), replacement, Sentence.Text.AsSpan(AnswerStart + AnswerLength));

    /// <summary>The whole span with its answer part replaced ("42.8 billion dollars" → "38.5 billion dollars").</summary>
    public string SpanWith(string answer) =>
        string.Concat(Text.AsSpan(0, AnswerStart - Start), answer, Text.AsSpan(AnswerStart - Start + AnswerLength));
}
