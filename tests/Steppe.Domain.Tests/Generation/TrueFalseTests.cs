using Steppe.Domain.Banks;
using Steppe.Domain.Generation;
using Steppe.Domain.Generation.Questions;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Tests.Generation;

/// <summary>True or false statements a test-wise student cannot answer from the wording alone, that keep the time
/// they hold for, and whose false version changes a fact worth knowing. Blind readers dropped each of these.</summary>
public class TrueFalseTests
{
    /// <summary>The false version of sentence <paramref name="index"/>'s statement, if it has both.</summary>
    private static (string Text, string Right, string Wrong)? Falsified(string body, int index)
    {
        var reading = new ArticleReading(new Article("Title\n\n" + body + "\n"));
        var statements = new Statements(reading);
        return statements.Of(reading.Sentences[index]) is { } statement ? statements.Falsify(statement) : null;
    }

    private static IReadOnlyList<TrueFalseQuestion> TrueFalse(string body) =>
        BankGenerator.Generate("Title\n\n" + body + "\n", new GenerationOptions { All = true }).Bank?.Questions.OfType<TrueFalseQuestion>().ToList() ?? [];

    [Theory]
    // a hedge is mostly true, an absolute mostly false: the word answers, not the fact
    [InlineData("Nikola Tesla was born in Smiljan in 1856. Tesla sometimes worked for George Westinghouse in Pittsburgh in 1889.", "sometimes")]
    [InlineData("Nikola Tesla was born in Smiljan in 1856. Tesla may have met Thomas Edison in New York in 1884.", "may")]
    [InlineData("Nikola Tesla was born in Smiljan in 1856. Tesla always worked for George Westinghouse in Pittsburgh after 1889.", "always")]
    public void No_statement_holds_a_word_that_gives_its_truth_away(string body, string word)
    {
        TrueFalse(body).Should().NotContain(q => q.Prompt.Contains(word, StringComparison.Ordinal));
    }

    [Fact]
    public void A_statement_whose_time_cannot_be_kept_is_not_made_without_it()
    {
        // "At the time of his death" sets when the empire was so large; without it the statement is false today.
        var questions = TrueFalse("Genghis Khan founded the Mongol Empire in 1206. At the time of his death, the Mongol Empire stretched from China to Persia.");

        questions.Should().NotContain(q => q.Prompt.StartsWith("The Mongol Empire stretched", StringComparison.Ordinal));
    }

    [Theory]
    // the year a study was published: changed, it tests nothing worth knowing
    [InlineData("Joseph Stiglitz published a study of inequality in Kenya in 2000.", false)]
    // the year of an event is
    [InlineData("Thomas Newcomen built the first practical steam engine in Dudley in 2000.", true)]
    public void A_false_statement_changes_the_year_only_of_an_event(string sentence, bool yearChanged)
    {
        var falsified = Falsified(sentence, 0);

        (falsified?.Right == "2000").Should().Be(yearChanged, falsified?.Text ?? "no false statement");
    }

    [Theory]
    // another country imposing price controls may well be true: a place is never swapped
    [InlineData("The United States imposed an embargo on Cuba. Canada imposed price controls on oil.", 1, "Canada")]
    // nor the doer of a state ("Kenya is …")
    [InlineData("Tanzania is a country in East Africa. Kenya is a member of the Commonwealth.", 1, "Kenya")]
    public void A_false_statement_never_swaps_a_name_that_could_make_it_true_elsewhere(string body, int sentence, string name)
    {
        var falsified = Falsified(body, sentence);

        (falsified?.Right).Should().NotBe(name, falsified?.Text ?? "no false statement");
    }

    [Fact]
    public void A_false_statement_swaps_the_person_who_did_a_thing()
    {
        var falsified = Falsified("Thomas Edison founded General Electric in New York. George Westinghouse founded a company in Pittsburgh. "
            + "Edison hired Nikola Tesla in 1884.", 0);

        (falsified?.Right).Should().Be("Thomas Edison");
    }

    [Theory]
    // a time only the sentence before sets
    [InlineData("Marie Curie won the Nobel Prize in Physics in 1903. Curie suffered a long illness at around the same time in Paris.")]
    // a citation mark left in the text
    [InlineData("Marie Curie won the Nobel Prize in Physics in 1903. Marie Curie finished the course in Paris in two years, graduating in 1894.:12")]
    public void No_statement_is_made_of_a_sentence_that_points_outside_or_ends_in_a_citation_mark(string body)
    {
        var reading = new ArticleReading(new Article("Title\n\n" + body + "\n"));

        new Statements(reading).Of(reading.Sentences[1]).Should().BeNull();
    }

    [Fact]
    public void A_lead_counting_from_the_sentence_before_keeps_only_its_year()
    {
        var reading = new ArticleReading(new Article("Title\n\nIn 1885 John Kemp Starley built the Rover safety bicycle in Coventry. "
            + "Three years later, in 1888, the Scottish inventor John Boyd Dunlop developed a practical pneumatic tyre.\n"));

        (new Statements(reading).Of(reading.Sentences[1])?.Text).Should().StartWith("In 1888, the Scottish inventor John Boyd Dunlop developed");
    }
}
