using Steppe.Domain.Banks;
using Steppe.Domain.Interchange;

namespace Steppe.Domain.Tests.Interchange;

public class TermListTests
{
    [Theory]
    [InlineData("tab, a line each", "Astana\tcapital of Kazakhstan\nAlmaty\tlargest city\n", "\t", "\n")]
    [InlineData("comma, a line each", "Astana,capital of Kazakhstan\r\nAlmaty, largest city", ",", "\n")]
    [InlineData("Quizlet's custom separators", "Astana - capital of Kazakhstan;Almaty - largest city;", " - ", ";")]
    [InlineData("a quoted definition holding the separator", "Astana,\"capital of Kazakhstan\"\nAlmaty,\"largest city\"", ",", "\n")]
    public void A_pasted_list_becomes_one_short_answer_question_a_card(string kind, string text, string between, string cards)
    {
        var result = TermList.Read(text, between, cards);

        result.NotConverted.Should().BeEmpty(kind);
        result.Found.Select(f => (f.Question.Prompt, f.Question.AnswerText)).Should().Equal(
            [("Astana", "capital of Kazakhstan"), ("Almaty", "largest city")], kind);
        result.Found.Should().AllSatisfy(f => f.Question.Should().BeOfType<ShortAnswerQuestion>());
    }

    [Fact]
    public void Anki_headers_set_the_separator_and_bad_lines_are_reported_with_their_line()
    {
        var result = TermList.Read("#separator:semicolon\n#html:false\nAstana;capital\n\nno separator here\n;empty term\n", askDefinition: true);

        result.Found.Select(f => (f.Line, f.Question.Prompt, f.Question.AnswerText)).Should().Equal((3, "capital", "Astana"));
        result.NotConverted.Select(n => (n.Line, n.Reason)).Should().Equal((5, "no ';' between term and definition"), (6, "the term is empty"));
    }

    [Fact]
    public void A_bank_writes_as_tab_separated_prompt_and_answer_lines()
    {
        var bank = new QuestionBank
        {
            Id = "b", Title = "B", Questions =
            [
                new MultipleChoiceQuestion { Id = "q1", Prompt = "Capital?", Choices = ["Astana", "Almaty"], Answer = "Astana" },
                new OrderingQuestion { Id = "q2", Prompt = "North to south", Answer = ["Astana", "Almaty"] },
                new NumericQuestion { Id = "q3", Prompt = "Length of the Irtysh?", Answer = 4248, Unit = "km", Tolerance = 50 },
            ],
        };

        TermList.Write(bank).Should().Be("Capital?\tAstana\nNorth to south\tAstana → Almaty\nLength of the Irtysh?\t4248 km (± 50)\n");
        TermList.Read(TermList.Write(bank)).Found.Should().HaveCount(3);
    }
}
