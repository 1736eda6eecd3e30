using System.Text;
using Steppe.Cli;
using Steppe.Domain.Banks;
using Steppe.Domain.Generation;

namespace Steppe.Domain.Tests.Generation;

/// <summary>`steppe generate` on good and bad input.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("steppe-generate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static (int Exit, string Out, string Err) Run(string article, string? output = null, bool report = false, int? max = null, bool all = false)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = GenerateCommand.Run(article, new GenerationOptions { MaxQuestions = max, All = all }, output, report, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void An_article_gives_a_valid_bank_on_stdout_and_a_report_on_stderr()
    {
        var article = Write("science.txt", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Generation", "Articles", "photosynthesis.txt")));

        var (exit, stdout, stderr) = Run(article, report: true);

        exit.Should().Be(0);
        BankReader.Read(stdout).Problems.Should().BeEmpty();
        stderr.Should().Contain("sentences:").And.Contain("budget: 10,").And.Contain("questions by form:").And.Contain("questions by type:")
            .And.Contain("questions by theme:").And.Contain("filtered out:").And.Contain("time:");
    }

    [Fact]
    public void Max_keeps_the_best_n_and_all_keeps_every_question_that_passes()
    {
        var article = Write("history.txt", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Generation", "Articles", "printing-press.txt")));

        var all = BankReader.Read(Run(article, all: true).Out).Bank!.Questions;
        var three = BankReader.Read(Run(article, max: 3).Out).Bank!.Questions;

        all.Count.Should().BeGreaterThan(3);
        three.Should().HaveCount(3);
        three.Select(q => q.Prompt).Should().BeSubsetOf(all.Select(q => q.Prompt));
    }

    [Theory]
    [InlineData(0, false, "--max must be at least 1")]
    [InlineData(5, true, "--max and --all cannot be used together")]
    public void Bad_budgets_are_refused(int max, bool all, string message)
    {
        var article = Write("science.txt", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Generation", "Articles", "photosynthesis.txt")));

        var (exit, stdout, stderr) = Run(article, max: max, all: all);

        (exit, stdout).Should().Be((1, ""));
        stderr.Should().Contain(message);
    }

    [Fact]
    public void With_output_the_bank_is_written_to_the_file_and_names_its_article_relative_to_it()
    {
        var article = Write("science.txt", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Generation", "Articles", "photosynthesis.txt")));
        var bank = Path.Combine(_dir, "bank.json");

        var (exit, stdout, _) = Run(article, bank);

        (exit, stdout).Should().Be((0, ""));
        BankReader.Read(File.ReadAllBytes(bank)).Bank!.Source!.File.Should().Be("science.txt");
    }

    public static TheoryData<string, byte[], string> BadInput => new()
    {
        { "empty.txt", [], "the article is empty" },
        { "binary.bin", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "the file is binary, not text" },
        { "russian.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Китай и Казахстан развивают торговлю, инвестиции и сотрудничество в области энергетики. ", 10))), "does not look like English" },
        { "short.txt", Encoding.UTF8.GetBytes("Hello there."), "questions need at least a paragraph" },
        { "no-facts.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("it was a quiet day and nothing much happened at all, as is often the way with such days. ", 8))), "no questions could be made" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_input_gets_a_clear_message_and_exit_code_one(string name, byte[] bytes, string message)
    {
        var (exit, stdout, stderr) = Run(Write(name, bytes));

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().Contain(message);
    }

    [Fact]
    public void A_ten_megabyte_file_is_refused_without_reading_it()
    {
        var path = Path.Combine(_dir, "big.txt");
        using (var f = File.Create(path))
        {
            f.SetLength(10L * 1024 * 1024);
        }

        var (exit, _, stderr) = Run(path);

        exit.Should().Be(1);
        stderr.Should().Contain("the file is 10 MB; the generator takes articles of up to 1 MB of text");
    }
}
