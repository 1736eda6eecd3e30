using Steppe.Domain.Banks;
using Steppe.Domain.Generation;

namespace Steppe.Domain.Tests.Generation;

/// <summary>One row per question form: a short article, and the question with its answer that the generator must
/// write from it (with every question kept). The first generator wrote none of these: its prompts were the
/// sentence with a blank ("Which word completes the sentence from the article? …").</summary>
public class QuestionFormTests
{
    private const string Printing = "The printing press\n\nJohannes Gutenberg was born in the German city of Mainz around 1400. "
        + "In 1455 his partner Johann Fust sued him for the return of a loan. Peter Schoeffer was Gutenberg's assistant. "
        + "Martin Luther wrote his Ninety-five Theses in Wittenberg in 1517. William Caxton brought printing to England in 1476.\n";

    private const string Kenya = "Kenya\n\nKenya is a country in East Africa. The capital and largest city of Kenya is Nairobi. "
        + "Kenya had an estimated 15 million cases of malaria in 2006. Manufacturing accounts for 14% of the GDP of Kenya. "
        + "Mombasa is a port city on the coast. Kisumu lies on Lake Victoria. "
        + "The first president of Kenya was Jomo Kenyatta, who was born in Gatundu. Tom Mboya, who led the country's unions in 1953, was born in Kilima Mbogo.\n";

    private const string Steam = "Steam engines\n\nThomas Newcomen built the first practical steam engine in 1712. "
        + "Richard Trevithick built the first steam locomotive in 1804. George Stephenson opened a railway in 1825.\n";

    public static TheoryData<string, string, string> Rows => new()
    {
        // who: the subject's words stay in order
        { Printing, "Who brought printing to England in 1476?", "William Caxton" },
        // who, from what the subject is ("X was Gutenberg's assistant"), the possessive's name spelled out
        { Printing, "Who was Johannes Gutenberg’s assistant?", "Peter Schoeffer" },
        // in which year: "did" and the verb's base form, the pronoun's name given ("his partner" → "Gutenberg's partner")
        { Printing, "In which year did Gutenberg’s partner Johann Fust sue him for the return of a loan?", "1455" },
        { Steam, "In which year did Thomas Newcomen build the first practical steam engine?", "1712" },
        // the relative clause on a name is a clause of its own; "the country" of an article on Kenya is Kenya
        { Kenya, "In which year did Tom Mboya lead Kenya’s unions?", "1953" },
        // what: a subject that is a name's description
        { Kenya, "What is the capital and largest city of Kenya?", "Nairobi" },
        { Kenya, "Who was the first president of Kenya?", "Jomo Kenyatta" },
        // which city: a name in a phrase of the verb
        { Kenya, "Which city lies on Lake Victoria?", "Kisumu" },
        // how many, what percentage: the figure with what it counts moves to the front
        { Kenya, "How many cases of malaria did Kenya have in 2006?", "15 million" },
        { Kenya, "For what percentage of the GDP of Kenya does manufacturing account?", "14%" },
        // in which year, from an aside on a name: "The Tour de France, first held in 1903, made …"
        { Bicycle, "In which year was the Tour de France first held?", "1903" },
        { Bicycle, "In which year was the Treaty of Rome signed?", "1957" },
    };

    private const string Bicycle = "Europe\n\nThe Tour de France, first held in 1903, made cycling a popular sport. "
        + "The Treaty of Rome, signed in 1957, created the European Economic Community. Karl Drais built a running machine in 1817 in Mannheim. "
        + "John Kemp Starley built the Rover safety bicycle in 1885 in Coventry.\n";

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_form_is_written_from_the_sentence_structure(string article, string prompt, string answer)
    {
        var bank = BankGenerator.Generate(article, new GenerationOptions { All = true }).Bank!;

        bank.Questions.Should().Contain(q => q.Prompt == prompt, string.Join("\n", bank.Questions.Select(q => q.Prompt)))
            .Which.AnswerText.Should().Be(answer);
    }

    [Fact]
    public void A_true_false_statement_stands_alone_and_a_false_one_carries_the_true_one()
    {
        var bank = BankGenerator.Generate(Kenya, new GenerationOptions { All = true }).Bank!;

        var statement = bank.Questions.OfType<TrueFalseQuestion>().Should().Contain(q => q.Prompt.StartsWith("Kenya is a country", StringComparison.Ordinal)).Subject;
        statement.Answer.Should().BeTrue();
        bank.Questions.OfType<TrueFalseQuestion>().Should().NotContain(q => !q.Answer && (q.Correction == null || q.Correction == q.Prompt));
    }

    [Theory]
    // "is a port city on the coast": many cities are; no question rests on such a description
    [InlineData("Which city is a port city on the coast?")]
    // a noun phrase the article never introduced ("the coast" of what?)
    [InlineData("In which continent is Kenya a country?")]
    public void Questions_several_answers_fit_are_not_written(string prompt)
    {
        BankGenerator.Generate(Kenya, new GenerationOptions { All = true }).Bank!.Questions.Should().NotContain(q => q.Prompt == prompt);
    }

    [Theory]
    // an aside on a longer phrase that ends with a name, or on a name after a preposition, is not about the name
    [InlineData("The cathedral of Cologne, completed in 1880, is a famous church.", "Cologne")]
    [InlineData("The first bicycle in Germany, built in 1817, was a running machine.", "Germany")]
    [InlineData("The race was won by Paris, first held in 1903, in the end.", "Paris")]
    public void An_aside_gives_a_year_question_only_about_the_name_it_follows_at_the_start(string sentence, string name)
    {
        var article = "Europe\n\n" + sentence + " Karl Drais built a running machine in 1817 in Mannheim. John Kemp Starley built the Rover safety bicycle in 1885 in Coventry.\n";

        BankGenerator.Generate(article, new GenerationOptions { All = true }).Bank!.Questions.Should().NotContain(q => q.Prompt.StartsWith($"In which year was {name}", StringComparison.Ordinal));
    }

    [Theory]
    // a text cut off after its verb
    [InlineData("The first machine was")]
    [InlineData("The first machine was called")]
    public void A_text_cut_off_after_a_verb_gives_a_bank_of_the_rest(string ending)
    {
        var article = "Title\n\nKarl Drais built a running machine in 1817 in Mannheim. John Kemp Starley built the Rover safety bicycle in 1885 in Coventry. "
            + "Cologne is a city in Germany. " + ending;

        BankGenerator.Generate(article, new GenerationOptions { All = true }).Bank.Should().NotBeNull();
    }
}
