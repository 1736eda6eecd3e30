using Steppe.Domain.Banks;

namespace Steppe.Domain.Tests.Banks;

public class GradingTests
{
    private static readonly ClozeQuestion Cloze = new() { Id = "c", Prompt = "The theme was “____”.", Answer = "Future Energy", Accept = ["energy of the future"] };
    private static readonly NumericQuestion Numeric = new() { Id = "n", Prompt = "How many?", Answer = 1200m, Tolerance = 5 };

    [Theory]
    [InlineData("Future Energy", true)]
    // case, surrounding punctuation and spaces do not count
    [InlineData("  future   energy. ", true)]
    [InlineData("“Future Energy”", true)]
    // an accepted alternative
    [InlineData("Energy of the Future", true)]
    [InlineData("Future", false)]
    [InlineData("", false)]
    public void Text_answers_are_compared_loosely(string given, bool correct)
    {
        Grading.IsCorrect(Cloze, new GivenAnswer(Text: given)).Should().Be(correct);
    }

    [Theory]
    [InlineData("1200", true)]
    [InlineData("1,200", true)]
    [InlineData("1 204", true)]
    // the tolerance is absolute: 5 either side
    [InlineData("1206", false)]
    [InlineData("twelve hundred", false)]
    public void Numbers_compare_by_value_within_tolerance(string given, bool correct)
    {
        Grading.IsCorrect(Numeric, new GivenAnswer(Text: given)).Should().Be(correct);
    }

    [Fact]
    public void Numbers_inside_text_answers_compare_by_value()
    {
        var q = new ShortAnswerQuestion { Id = "s", Prompt = "How many trains?", Answer = "1,200 trains" };

        Grading.IsCorrect(q, new GivenAnswer(Text: "1200 trains")).Should().BeTrue();
    }

    [Fact]
    public void Choices_true_false_and_orders_must_match_exactly()
    {
        Grading.IsCorrect(new MultipleChoiceQuestion { Id = "m", Prompt = "?", Choices = ["a", "b"], Answer = "b" }, new GivenAnswer(Text: "b")).Should().BeTrue();
        Grading.IsCorrect(new TrueFalseQuestion { Id = "t", Prompt = "?", Answer = false }, new GivenAnswer(Choice: true)).Should().BeFalse();
        var order = new OrderingQuestion { Id = "o", Prompt = "?", Answer = ["a", "b", "c"] };
        Grading.IsCorrect(order, new GivenAnswer(Order: ["a", "b", "c"])).Should().BeTrue();
        Grading.IsCorrect(order, new GivenAnswer(Order: ["b", "a", "c"])).Should().BeFalse();
    }
}
