using Steppe.Domain.Banks;
using Steppe.Domain.Interchange;

namespace Steppe.Domain.Tests.Interchange;

public class KahootTests
{
    [Fact]
    public void Each_row_becomes_a_multiple_choice_or_true_false_or_says_why_not()
    {
        var result = Kahoot.Read(
        [
            new(9, "Capital of Kazakhstan?", ["Almaty", "Astana", "Shymkent", ""], "30", "2"),
            new(10, "Astana is on the Ishim.", ["True", "False", "", ""], "20", "1"),
            new(11, "Which are rivers?", ["Ishim", "Irtysh", "Altai", ""], "20", "1,2"),
            new(12, "Pick one", ["Only", "", "", ""], "20", "1"),
            new(13, "Pick", ["A", "B", "", ""], "20", "4"),
            new(14, "Odd time", ["A", "B", "", ""], "7", "1"),
        ]);

        result.Found.Select(f => (f.Line, f.Question.Type, f.Question.AnswerText, f.Question.TimeLimitSeconds)).Should().Equal(
            (9, QuestionType.MultipleChoice, "Astana", 30), (10, QuestionType.TrueFalse, "True", 20), (14, QuestionType.MultipleChoice, "A", 7));
        result.Found[0].Question.Should().BeOfType<MultipleChoiceQuestion>().Which.Choices.Should().Equal("Almaty", "Astana", "Shymkent");
        result.NotConverted.Select(n => (n.Line, n.Reason.Split(':')[0])).Should().Equal(
            (11, "several right answers"), (12, "fewer than two answers"), (13, "the correct answer '4' is not the number of a filled answer (1 to 4)"));
    }

    [Fact]
    public void A_bank_writes_the_rows_kahoot_can_hold_and_names_the_others()
    {
        var bank = new QuestionBank
        {
            Id = "b", Title = "B", Questions =
            [
                new MultipleChoiceQuestion { Id = "mc", Prompt = "Capital?", Choices = ["Almaty", "Astana"], Answer = "Astana", TimeLimitSeconds = 25 },
                new TrueFalseQuestion { Id = "tf", Prompt = "On the Ishim.", Answer = false },
                new ShortAnswerQuestion { Id = "sa", Prompt = "Founder?", Answer = "Nazarbayev" },
            ],
        };

        var (rows, leftOut) = Kahoot.Write(bank);

        rows.Select(r => (r.Question, r.TimeLimit, r.Correct)).Should().Equal(("Capital?", "30", "2"), ("On the Ishim.", "20", "2"));
        leftOut.Should().Equal("sa");
        Kahoot.Read(rows).Found.Select(f => f.Question.AnswerText).Should().Equal("Astana", "False");
    }
}
