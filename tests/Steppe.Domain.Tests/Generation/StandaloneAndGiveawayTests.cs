using Steppe.Domain.Banks;
using Steppe.Domain.Generation;
using Steppe.Domain.Generation.Questions;

namespace Steppe.Domain.Tests.Generation;

/// <summary>The rules that make a question stand alone and keep its answer out of sight. Each row failed with the
/// first generator, which copied sentences as they were ("The move …", "he", "Third, …").</summary>
public class StandaloneAndGiveawayTests
{
    private static IReadOnlyList<Question> All(string body) =>
        BankGenerator.Generate("Title\n\n" + body + "\n", new GenerationOptions { All = true }).Bank?.Questions ?? [];

    [Theory]
    // a pronoun with nobody before it to stand for
    [InlineData("Thomas Edison lived in New Jersey. The prize went to Nikola Tesla and George Westinghouse in 1888. He won a patent for the motor in 1888.", "He won")]
    // a thing named before ("the move", "the device") whose sentence the question does not show
    [InlineData("Nikola Tesla left Paris for New York in 1884. The move was paid for by Charles Batchelor in 1884.", "The move")]
    // time told from another sentence
    [InlineData("Nikola Tesla worked in Paris. The following year, Tesla moved to New York City with Charles Batchelor.", "following year")]
    // what holds only when the article was written
    [InlineData("Daniel Andrews is currently the Premier of Victoria, Australia.", "currently")]
    // a linking word
    [InlineData("Nikola Tesla was born in Smiljan in 1856. However, Tesla moved to Graz in 1875.", "However")]
    public void No_question_keeps_words_that_point_outside_it(string body, string pointing)
    {
        All(body).Should().NotContain(q => q.Prompt.Contains(pointing, StringComparison.Ordinal));
    }

    [Fact]
    public void A_pronoun_is_replaced_by_the_name_and_the_source_holds_both_sentences()
    {
        var questions = All("Johannes Gutenberg trained as a goldsmith in Mainz. He moved to Strasbourg in 1440. "
            + "Johann Fust lent him money in 1450, and Peter Schoeffer worked in his shop.");

        var question = questions.Should().Contain(q => q.Prompt == "In which year did Johannes Gutenberg move to Strasbourg?").Subject;
        question.Source!.Text.Should().Be("Johannes Gutenberg trained as a goldsmith in Mainz. He moved to Strasbourg in 1440.");
    }

    [Theory]
    // the answer itself, a place whose adjective the answer holds, the adjective of the answer
    [InlineData("Which country is home to the largest lake in Africa?", "Africa", true)]
    [InlineData("In Kenya, which coast has played host to many merchants?", "Kenyan Coast", true)]
    [InlineData("Which French city hosted the 1900 exhibition?", "France", true)]
    [InlineData("Which city hosted the 1900 exhibition?", "Paris", false)]
    public void A_question_must_not_give_its_answer_away(string prompt, string answer, bool givesAway)
    {
        Checks.GivesAway(prompt, answer).Should().Be(givesAway);
    }

    [Theory]
    // the rest of the statement repeats the answer's stem ("engines" for "engine"), or its place's adjective
    [InlineData("Newcomen's steam engines were improved by James Watt.", "engine", true)]
    [InlineData("The French government paid for it.", "France", false)]
    [InlineData("The process by which plants turn light into sugar.", "photosynthesis", false)]
    public void A_blank_must_not_be_filled_by_a_word_the_rest_repeats(string rest, string answer, bool shares)
    {
        ClozeQuestions.SharesAWord(rest, answer, null).Should().Be(shares);
    }

    [Fact]
    public void Every_generated_question_keeps_its_answer_out_of_its_prompt_and_fits_a_phone()
    {
        foreach (var article in new[] { "sample:sino-kazakh-relations.txt", "photosynthesis.txt", "printing-press.txt", "quarterly-report.txt" })
        {
            foreach (var q in BankGenerator.Generate(GeneratedBankTests.ArticleText(article), new GenerationOptions { All = true }).Bank!.Questions)
            {
                q.Prompt.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length.Should().BeLessThanOrEqualTo(q is TrueFalseQuestion ? 28 : 25, q.Prompt);
                if (q is not TrueFalseQuestion and not OrderingQuestion)
                {
                    Checks.GivesAway(q.Prompt.Replace(ClozeQuestion.Blank, " ", StringComparison.Ordinal), q.AnswerText).Should().BeFalse(q.Prompt);
                }
            }
        }
    }
}
