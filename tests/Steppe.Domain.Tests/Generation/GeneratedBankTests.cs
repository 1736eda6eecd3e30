using System.Globalization;
using System.Text.RegularExpressions;
using Steppe.Domain.Banks;
using Steppe.Domain.Generation;

namespace Steppe.Domain.Tests.Generation;

/// <summary>The automatic checks every generated bank must pass, on the sample article and on three articles
/// of other kinds written for these tests (a science text, a history with many dates, a business report), with
/// the default budget and with every question kept.</summary>
public class GeneratedBankTests
{
    public static TheoryData<string> Articles => new()
    {
        "sample:sino-kazakh-relations.txt",
        "photosynthesis.txt",
        "printing-press.txt",
        "quarterly-report.txt",
    };

    internal static string ArticleText(string name) => name.StartsWith("sample:", StringComparison.Ordinal)
        ? File.ReadAllText(Repo.File("question-bank", "articles", name["sample:".Length..]))
        : File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Generation", "Articles", name));

    private static (QuestionBank Bank, string Text) Generate(string name)
    {
        var text = ArticleText(name);
        var result = BankGenerator.Generate(text);
        result.Error.Should().BeNull();
        return (result.Bank!, text);
    }

    /// <summary>Every question that passes the checks: the rules hold for all of them, not only the best.</summary>
    private static QuestionBank GenerateAll(string name) => BankGenerator.Generate(ArticleText(name), new GenerationOptions { All = true }).Bank!;

    [Theory]
    [MemberData(nameof(Articles))]
    public void The_bank_validates_and_round_trips(string article)
    {
        var (bank, _) = Generate(article);

        var read = BankReader.Read(BankWriter.ToUtf8(bank));

        read.Problems.Should().BeEmpty();
        read.Bank.Should().Be(bank);
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void Every_source_is_verbatim_in_the_paragraph_it_names(string article)
    {
        var (bank, text) = Generate(article);
        var paragraphs = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        foreach (var q in bank.Questions)
        {
            paragraphs[q.Source!.Paragraph!.Value - 1].Should().Contain(q.Source.Text, q.Id);
            q.Explanation.Should().NotBeNullOrWhiteSpace(q.Id);
        }
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void A_multiple_choice_answer_is_exactly_one_of_at_least_three_distinct_choices(string article)
    {
        foreach (var q in Generate(article).Bank.Questions.OfType<MultipleChoiceQuestion>())
        {
            q.Choices.Count.Should().BeGreaterThanOrEqualTo(3, q.Id);
            q.Choices.Count(c => c == q.Answer).Should().Be(1, q.Id);
            q.Choices.Select(Normalise).Distinct().Should().HaveCount(q.Choices.Count, $"{q.Id}: choices must differ after normalising ({string.Join(" / ", q.Choices)})");
        }
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void A_cloze_has_one_blank_hides_its_answer_and_rests_on_its_source(string article)
    {
        foreach (var q in GenerateAll(article).Questions.OfType<ClozeQuestion>())
        {
            Regex.Matches(q.Prompt, "_{2,}").Should().ContainSingle(q.Id).Which.Value.Should().Be(ClozeQuestion.Blank);
            ContainsWord(q.Prompt.Replace(ClozeQuestion.Blank, " ", StringComparison.Ordinal), q.Answer).Should().BeFalse($"{q.Id}: the answer '{q.Answer}' must not stay in the prompt");
            q.Source!.Text.Should().Contain(q.Answer, q.Id);
        }
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void A_numeric_answer_appears_in_its_source_sentence(string article)
    {
        foreach (var q in Generate(article).Bank.Questions.OfType<NumericQuestion>())
        {
            NumbersIn(q.Source!.Text).Should().Contain(q.Answer, q.Id);
        }
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void No_two_prompts_are_equal_and_ids_are_unique(string article)
    {
        var questions = Generate(article).Bank.Questions;

        questions.Select(q => q.Prompt).Should().OnlyHaveUniqueItems();
        questions.Select(q => q.Id).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void True_statements_are_at_most_three_for_two_false_ones_and_false_ones_carry_the_true_one(string article)
    {
        var statements = GenerateAll(article).Questions.OfType<TrueFalseQuestion>().ToList();

        (statements.Count(s => s.Answer) * 2).Should().BeLessThanOrEqualTo(statements.Count(s => !s.Answer) * 3 + 2);
        statements.Should().NotContain(s => !s.Answer && (s.Correction == null || s.Correction == s.Prompt));
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void Every_theme_has_at_least_two_questions_and_every_question_a_theme(string article)
    {
        var bank = GenerateAll(article);
        if (bank.Questions.Count < 2)
        {
            return; // one question makes one theme of one
        }

        bank.Themes.Should().NotBeEmpty();
        foreach (var theme in bank.Themes!)
        {
            bank.Questions.Count(q => q.Themes!.Contains(theme.Id)).Should().BeGreaterThanOrEqualTo(2, theme.Id);
        }
        bank.Questions.Should().OnlyContain(q => q.Themes!.Count > 0);
        // "3 questions on 1 theme", said in words that agree with the numbers
        bank.Description.Should().Be($"Generated by Steppe from the article: {bank.Questions.Count} questions on {bank.Themes!.Count} theme{(bank.Themes.Count == 1 ? "" : "s")}, best first.");
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void Sentence_completion_is_at_most_a_third_and_true_false_at_most_half_of_a_bank(string article)
    {
        foreach (var bank in new[] { Generate(article).Bank, GenerateAll(article) })
        {
            (bank.Questions.Count(q => q is ClozeQuestion) * 3).Should().BeLessThanOrEqualTo(Math.Max(3, bank.Questions.Count));
            (bank.Questions.Count(q => q is TrueFalseQuestion) * 2).Should().BeLessThanOrEqualTo(Math.Max(4, bank.Questions.Count));
        }
    }

    [Theory]
    // about four questions a kilobyte, at least ten, at most eighty
    [InlineData(1_000, 10)]
    [InlineData(12_288, 48)]
    [InlineData(15_360, 60)]
    [InlineData(70_000, 80)]
    public void The_default_budget_is_about_four_questions_a_kilobyte(int characters, int budget)
    {
        BankGenerator.DefaultBudget(new string('a', characters)).Should().Be(budget);
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void A_bank_keeps_within_its_budget_and_max_n_keeps_n_of_the_default_bank(string article)
    {
        var text = ArticleText(article);
        var bank = BankGenerator.Generate(text).Bank!;
        var two = BankGenerator.Generate(text, new GenerationOptions { MaxQuestions = 2 }).Bank!;

        bank.Questions.Count.Should().BeLessThanOrEqualTo(BankGenerator.DefaultBudget(text));
        two.Questions.Should().HaveCount(Math.Min(2, bank.Questions.Count));
        two.Questions.Select(q => q.Prompt).Should().BeSubsetOf(GenerateAll(article).Questions.Select(q => q.Prompt));
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void A_bank_short_of_its_budget_says_so_and_one_that_meets_it_does_not(string article)
    {
        var text = ArticleText(article);
        var full = BankGenerator.Generate(text);
        var two = BankGenerator.Generate(text, new GenerationOptions { MaxQuestions = 2 });

        full.Report!.Warnings.Any(w => w.Contains("of a budget of", StringComparison.Ordinal)).Should().Be(full.Bank!.Questions.Count < full.Report.Budget);
        two.Report!.Warnings.Should().NotContain(w => w.Contains("of a budget of", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1455")]
    [InlineData("1468")]
    [InlineData("Martin Luther")]
    [InlineData("Johannes Gutenberg")]
    public void The_printing_press_bank_asks_about_the_facts_a_teacher_would(string fact)
    {
        var bank = Generate("printing-press.txt").Bank;

        // The fact is what is asked: the answer, or the statement to judge.
        bank.Questions.Should().Contain(q => q.Source!.Text.Contains(fact, StringComparison.Ordinal)
            && (Normalise(q.AnswerText).Contains(Normalise(fact), StringComparison.Ordinal) || q is TrueFalseQuestion),
            $"a question should rest on “{fact}”");
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void The_same_article_gives_the_same_bytes(string article)
    {
        var text = ArticleText(article);

        BankWriter.ToUtf8(BankGenerator.Generate(text).Bank!).Should().Equal(BankWriter.ToUtf8(BankGenerator.Generate(text).Bank!));
    }

    [Fact]
    public void A_small_edit_keeps_the_ids_of_the_questions_it_does_not_touch()
    {
        var text = ArticleText("printing-press.txt");
        var edited = text.Replace("2,026 guilders", "2,000 guilders", StringComparison.Ordinal) + "\nThe article ends with a new sentence: William Caxton opened a press in London in 1476.\n";

        var before = BankGenerator.Generate(text).Bank!.Questions.Select(q => q.Id).ToHashSet();
        var after = BankGenerator.Generate(edited).Bank!.Questions.Select(q => q.Id).ToHashSet();

        (before.Intersect(after).Count() / (double)before.Count).Should().BeGreaterThan(0.9);
    }

    internal static string Normalise(string s) =>
        new string(s.ToLowerInvariant().Replace(",", "", StringComparison.Ordinal).Where(char.IsLetterOrDigit).ToArray());

    private static bool ContainsWord(string text, string word) =>
        Regex.IsMatch(text, @"(?<![\p{L}\p{N}])" + Regex.Escape(word) + @"(?![\p{L}\p{N}])", RegexOptions.IgnoreCase);

    private static IEnumerable<decimal> NumbersIn(string text) =>
        Regex.Matches(text, @"\d[\d,]*(\.\d+)?").Select(m => decimal.Parse(m.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
}
