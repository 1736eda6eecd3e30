using Steppe.Domain.Banks;
using Steppe.Domain.Generation.Entities;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>How a question asks: the generator keeps a mix, and at most a third sentence completion.</summary>
internal enum Form
{
    Who,
    Which,
    Year,
    HowMany,
    Definition,
    NotInList,
    First,
    TrueFalse,
    Cloze,
    Theme,
}

/// <summary>A question before selection: the sentence (and the sentence a pronoun's name came from) it rests on,
/// how it asks, what it asks for (one question per fact), and how good it looks.</summary>
internal sealed record Draft(Question Question, SentenceReading Sentence, Form Form, string AnswerKey, double Quality)
{
    /// <summary>The sentence before, when the question names what a pronoun of <see cref="Sentence"/> stands for.</summary>
    public SentenceReading? Antecedent { get; init; }

    public Entity? AnswerEntity { get; init; }

    /// <summary>Other sentences the question also rests on (a chronology, a theme's statements).</summary>
    public IReadOnlyList<SentenceReading> Also { get; init; } = [];

    public bool IsCompletion => Form == Form.Cloze;

    /// <summary>The source, verbatim from its paragraph: the sentence, with the one before it when a pronoun was named from it.</summary>
    public string SourceText(Article article)
    {
        if (Antecedent is { } a && a.Paragraph == Sentence.Paragraph && a.Index < Sentence.Index)
        {
            var paragraph = article.Paragraphs[Sentence.Paragraph - 1];
            return paragraph[a.Sentence.Start..(Sentence.Sentence.Start + Sentence.Text.Length)];
        }
        return Sentence.Text;
    }
}
