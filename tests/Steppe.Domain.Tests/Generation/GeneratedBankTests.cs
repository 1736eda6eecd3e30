using System.Globalization;
using System.Text.RegularExpressions;
using Steppe.Domain.Banks;
using Steppe.Domain.Generation;

namespace Steppe.Domain.Tests.Generation;

/// <summary>The automatic checks every generated bank must pass, on the sample article and on three articles
/// of other kinds written for these tests (a science text, a history with many dates, a business report).</summary>
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
    public void A_cloze_has_one_blank_hides_its_answer_and_restores_the_source_sentence(string article)
    {
        foreach (var q in Generate(article).Bank.Questions.OfType<ClozeQuestion>())
        {
            Regex.Matches(q.Prompt, "_{2,}").Should().ContainSingle(q.Id).Which.Value.Should().Be(ClozeQuestion.Blank);
            ContainsWord(q.Prompt.Replace(ClozeQuestion.Blank, " ", StringComparison.Ordinal), q.Answer).Should().BeFalse($"{q.Id}: the answer '{q.Answer}' must not stay in the prompt");
            q.Filled.Should().Be(q.Source!.Text, q.Id);
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
    public void True_false_statements_are_35_to_65_percent_true_and_false_ones_carry_a_correction(string article)
    {
        var statements = Generate(article).Bank.Questions.OfType<TrueFalseQuestion>().ToList();

        statements.Should().NotBeEmpty();
        (statements.Count(s => s.Answer) / (double)statements.Count).Should().BeInRange(0.35, 0.65);
        statements.Where(s => !s.Answer).Should().OnlyContain(s => s.Correction == s.Source!.Text);
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void Every_theme_has_at_least_two_questions_and_every_question_a_theme(string article)
    {
        var bank = Generate(article).Bank;

        bank.Themes.Should().NotBeEmpty();
        foreach (var theme in bank.Themes!)
        {
            bank.Questions.Count(q => q.Themes!.Contains(theme.Id)).Should().BeGreaterThanOrEqualTo(2, theme.Id);
        }
        bank.Questions.Should().OnlyContain(q => q.Themes!.Count > 0);
    }

    [Fact]
    public void The_sample_article_yields_at_least_80_questions_of_all_six_types_on_at_least_5_themes()
    {
        var bank = Generate("sample:sino-kazakh-relations.txt").Bank;

        bank.Questions.Should().HaveCountGreaterThanOrEqualTo(80);
        bank.Questions.Select(q => q.Type).Distinct().Should().HaveCount(6);
        bank.Themes.Should().HaveCountGreaterThanOrEqualTo(5);
    }

    [Theory]
    [InlineData("42.8 billion dollars")]
    [InlineData("45.6%")]
    [InlineData("183 billion cubic meters")]
    [InlineData("14 thousand")]
    [InlineData("Nurly Zhol")]
    [InlineData("2013")]
    [InlineData("SCO")]
    [InlineData("future Energy")]
    public void The_sample_bank_asks_about_the_facts_a_teacher_would(string fact)
    {
        var bank = Generate("sample:sino-kazakh-relations.txt").Bank;

        // The fact is what is asked: the answer, or blanked out of the prompt, or the statement to judge.
        bank.Questions.Should().Contain(q => q.Source!.Text.Contains(fact, StringComparison.Ordinal)
            && (Normalise(q.AnswerText).Contains(Normalise(fact), StringComparison.Ordinal) || !q.Prompt.Contains(fact, StringComparison.Ordinal) || q is TrueFalseQuestion),
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
        var text = ArticleText("sample:sino-kazakh-relations.txt");
        var edited = text.Replace("51 projects", "52 projects", StringComparison.Ordinal) + "\nThe article ends with a new sentence about 12 new museums in 2019.\n";

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
