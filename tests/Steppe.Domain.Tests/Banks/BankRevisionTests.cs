using Steppe.Domain.Banks;

namespace Steppe.Domain.Tests.Banks;

public class BankRevisionTests
{
    private static readonly Question Capital = new MultipleChoiceQuestion
    {
        Id = "capital", Prompt = "What is the capital of Kazakhstan?", Choices = ["Astana", "Almaty", "Shymkent"], Answer = "Astana",
    };

    public static TheoryData<string, Question, Question, bool> Edits => new()
    {
        { "a typo fixed in the prompt", Capital, (MultipleChoiceQuestion)Capital with { Prompt = "What is the capital city of Kazakhstan?" }, false },
        { "an explanation added", Capital, Capital with { Explanation = "Since 1997." }, false },
        { "a wrong choice replaced", Capital, (MultipleChoiceQuestion)Capital with { Choices = ["Astana", "Almaty", "Aktobe"] }, false },
        { "the right choice changed", Capital, (MultipleChoiceQuestion)Capital with { Answer = "Almaty" }, true },
        { "only spaces around the answer", Cloze("Nazarbayev"), Cloze(" Nazarbayev  "), false },
        { "the answer's spelling corrected", Cloze("Nazarbaev"), Cloze("Nazarbayev"), true },
        { "another spelling accepted", Cloze("Nazarbayev"), (ClozeQuestion)Cloze("Nazarbayev") with { Accept = ["Nazarbaev"] }, false },
        { "true became false", TrueFalse(true), TrueFalse(false), true },
        { "the same number written with more precision", Numeric(42.8m, "%"), Numeric(42.80m, "%"), false },
        { "another number", Numeric(42.8m, "%"), Numeric(48.2m, "%"), true },
        { "another unit", Numeric(183m, "billion dollars"), Numeric(183m, "million dollars"), true },
        { "an ordering's items swapped", Ordering("a", "b", "c"), Ordering("a", "c", "b"), true },
        { "an ordering with an item more", Ordering("a", "b"), Ordering("a", "b", "c"), true },
        { "multiple choice made short answer, same answer", Capital, new ShortAnswerQuestion { Id = "capital", Prompt = Capital.Prompt, Answer = "Astana" }, false },
        { "short answer made true/false", new ShortAnswerQuestion { Id = "q", Prompt = "p", Answer = "Astana" }, TrueFalse(true), true },
    };

    [Theory, MemberData(nameof(Edits))]
    public void An_edit_changes_the_answer_only_when_a_learner_would_now_answer_wrongly(string edit, Question before, Question after, bool changes)
    {
        BankRevision.ChangesAnswer(before, after).Should().Be(changes, edit);
    }

    [Fact]
    public void A_new_version_sorts_the_old_questions_by_what_decks_must_do()
    {
        var before = Bank(Cloze("one", "a"), Cloze("two", "b"), Cloze("three", "c"), Cloze("four", "d"));
        var after = Bank(Cloze("four", "d"), Cloze("one", "a-changed"), Cloze("five", "e"), Cloze("two", "b"));

        var revision = BankRevision.Between(before, after);

        revision.Kept.Should().Equal("four", "two");
        revision.AnswerChanged.Should().Equal("one");
        revision.Removed.Should().Equal("three");
        revision.Added.Should().Equal("five");
    }

    private static QuestionBank Bank(params Question[] questions) => new() { Id = "b", Title = "B", Questions = questions };

    private static Question Cloze(string answer) => Cloze("q", answer);

    private static Question Cloze(string id, string answer) => new ClozeQuestion { Id = id, Prompt = "The president was ____.", Answer = answer };

    private static Question TrueFalse(bool answer) => new TrueFalseQuestion { Id = "q", Prompt = "Astana is the capital.", Answer = answer };

    private static Question Numeric(decimal answer, string unit) => new NumericQuestion { Id = "q", Prompt = "How much?", Answer = answer, Unit = unit };

    private static Question Ordering(params string[] items) => new OrderingQuestion { Id = "q", Prompt = "Order them.", Answer = items };
}
