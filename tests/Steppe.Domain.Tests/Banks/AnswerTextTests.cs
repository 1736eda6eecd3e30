using Steppe.Domain.Banks;

namespace Steppe.Domain.Tests.Banks;

public class AnswerTextTests
{
    [Theory]
    [InlineData("183", null, "183")]
    [InlineData("183", "billion cubic meters", "183 billion cubic meters")]
    // a percent sign follows the number directly
    [InlineData("45.6", "%", "45.6%")]
    // the written precision is kept
    [InlineData("42.80", "billion dollars", "42.80 billion dollars")]
    public void A_numeric_answer_reads_as_number_and_unit(string answer, string? unit, string expected)
    {
        var q = new NumericQuestion { Id = "q", Prompt = "How many?", Answer = decimal.Parse(answer, System.Globalization.CultureInfo.InvariantCulture), Unit = unit };

        q.AnswerText.Should().Be(expected);
    }

    [Fact]
    public void Other_types_read_as_their_answer()
    {
        new TrueFalseQuestion { Id = "q", Prompt = "p", Answer = false }.AnswerText.Should().Be("False");
        new OrderingQuestion { Id = "q", Prompt = "p", Answer = ["a", "b", "c"] }.AnswerText.Should().Be("a → b → c");
        new ClozeQuestion { Id = "q", Prompt = "The ____ theme.", Answer = "main" }.Filled.Should().Be("The main theme.");
    }
}
