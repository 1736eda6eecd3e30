using Steppe.Domain.Banks;
using Steppe.Domain.Interchange;

namespace Steppe.Domain.Tests.Interchange;

public class AnkiNotesTests
{
    private static readonly AnkiNoteType Basic = new(1, "Basic", false, ["Front", "Back"], [new("Card 1", "{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}")]);

    private static readonly AnkiNoteType Reversed = new(2, "Basic (and reversed card)", false, ["Front", "Back"],
        [new("Card 1", "{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"), new("Card 2", "{{Back}}", "{{FrontSide}}<hr id=answer>{{Front}}")]);

    private static readonly AnkiNoteType TypeIn = new(3, "Basic (type in the answer)", false, ["Front", "Back"],
        [new("Card 1", "{{Front}}\n\n{{type:Back}}", "{{Front}}<hr id=answer>{{type:Back}}")]);

    private static readonly AnkiNoteType Cloze = new(4, "Cloze", true, ["Text", "Back Extra"], [new("Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>{{Back Extra}}")]);

    private static readonly AnkiNoteType Optional = new(5, "Basic (optional reversed card)", false, ["Front", "Back", "Add Reverse"],
        [new("Card 1", "{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"), new("Card 2", "{{#Add Reverse}}{{Back}}{{/Add Reverse}}", "{{FrontSide}}<hr id=answer>{{Front}}")]);

    private static ImportResult Read(AnkiNote note, params int[] ords) =>
        AnkiNotes.ToQuestions([Basic, Reversed, TypeIn, Cloze, Optional], [note], ords.Select((o, i) => new AnkiCard(100 + i, note.Id, o)).ToList());

    public static TheoryData<string, AnkiNote, int[], (string Id, QuestionType Type, string Prompt, string Answer)[]> Notes => new()
    {
        { "Basic", new AnkiNote(11, 1, ["Capital of Kazakhstan?", "Astana"]), [0], [("n11-1", QuestionType.ShortAnswer, "Capital of Kazakhstan?", "Astana")] },
        { "Basic and reversed: a question each way", new AnkiNote(12, 2, ["Astana", "capital of Kazakhstan"]), [0, 1],
            [("n12-1", QuestionType.ShortAnswer, "Astana", "capital of Kazakhstan"), ("n12-2", QuestionType.ShortAnswer, "capital of Kazakhstan", "Astana")] },
        { "type in the answer", new AnkiNote(13, 3, ["Capital?", "Astana"]), [0], [("n13-1", QuestionType.ShortAnswer, "Capital?", "Astana")] },
        { "optional reversed, with its card 2", new AnkiNote(14, 5, ["Astana", "capital", "y"]), [0, 1],
            [("n14-1", QuestionType.ShortAnswer, "Astana", "capital"), ("n14-2", QuestionType.ShortAnswer, "capital", "Astana")] },
        { "cloze: a blank a card, the other deletions shown, hints dropped", new AnkiNote(15, 4, ["{{c1::Astana::city}} is the capital of {{c2::Kazakhstan}}.", ""]), [0, 1],
            [("n15-1", QuestionType.Cloze, "____ is the capital of Kazakhstan.", "Astana"), ("n15-2", QuestionType.Cloze, "Astana is the capital of ____.", "Kazakhstan")] },
    };

    [Theory, MemberData(nameof(Notes))]
    public void Each_card_becomes_the_question_anki_would_show(string kind, AnkiNote note, int[] ords, (string Id, QuestionType Type, string Prompt, string Answer)[] expected)
    {
        var result = Read(note, ords);

        result.NotConverted.Should().BeEmpty(kind);
        result.Found.Select(f => (f.Question.Id, f.Question.Type, f.Question.Prompt, f.Question.AnswerText)).Should().Equal(expected, kind);
    }

    [Fact]
    public void A_cloze_keeps_its_back_extra_as_the_explanation()
    {
        var result = Read(new AnkiNote(16, 4, ["The {{c1::Ishim}} flows through Astana.", "Also called Esil."]), 0);

        result.Found.Single().Question.Explanation.Should().Be("Also called Esil.");
    }

    [Theory]
    [InlineData(4L, new[] { "{{c1::Astana}} and {{c1::Almaty}}", "" }, "card 1 (Cloze): c1 blanks 2 places at once")]
    [InlineData(1L, new[] { "", "Astana" }, "card 1 (Basic): its front is empty")]
    [InlineData(1L, new[] { "Capital?", "" }, "card 1 (Basic): its back adds no text to the front")]
    [InlineData(99L, new[] { "x", "y" }, "its note type is missing from the file")]
    public void A_card_that_cannot_be_a_question_is_reported_by_note_with_why(long type, string[] fields, string reason)
    {
        var result = Read(new AnkiNote(17, type, fields), 0);

        result.Found.Should().BeEmpty();
        result.NotConverted.Single().Line.Should().Be(1);
        result.NotConverted.Single().Reason.Should().StartWith(reason);
    }

    [Fact]
    public void Template_references_name_the_fields_shown()
    {
        AnkiNotes.FieldsOf("{{#Add Reverse}}{{Back}}{{/Add Reverse}} {{type:Front}} {{cloze:Text}} {{FrontSide}}")
            .Should().Equal("Back", "Front", "Text", "FrontSide");
    }
}
