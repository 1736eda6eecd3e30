using System.Text.Json;
using Steppe.Cli;

namespace Steppe.Domain.Tests.Banks;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("steppe-validate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Out, string Err) Run(bool json, params string[] files)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = ValidateCommand.Run(files, json, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Valid_files_exit_zero()
    {
        var (exit, _, err) = Run(false, Repo.File("question-bank", "sino-kazakh-relations-starter.json"), Write("b.json", Samples.WithQuestion(Samples.ValidNumeric)));

        exit.Should().Be(0);
        err.Should().BeEmpty();
    }

    [Fact]
    public void Each_problem_is_one_stderr_line_prefixed_with_its_file_and_the_exit_code_is_one()
    {
        var good = Write("good.json", Samples.WithQuestion(Samples.ValidCloze));
        var bad = Write("bad.json", Samples.WithQuestion("""{ "id": "q", "type": "multiple-choice", "prompt": "Which?", "choices": ["a"], "answer": "z" }"""));
        var empty = Write("empty.json", "");

        var (exit, _, err) = Run(false, good, bad, empty);

        exit.Should().Be(1);
        err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"{bad}: $.questions[0].choices: must hold 2 to 6 choices, not 1 (line 7, column 76)",
            $"{bad}: $.questions[0].answer: must equal one of choices (line 7, column 93)",
            $"{empty}: $: the file is empty; a bank is a JSON object such as {{ \"format\": 1, \"id\": …, \"title\": …, \"questions\": […] }} (line 1, column 1)");
    }

    [Fact]
    public void Json_output_is_an_array_of_problems()
    {
        var bad = Write("bad.json", "{}");

        var (exit, stdout, _) = Run(true, bad, Path.Combine(_dir, "missing.json"));

        exit.Should().Be(1);
        var problems = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        problems.Select(p => p.GetProperty("path").GetString()).Should().Equal("$.format", "$.id", "$.title", "$.questions", "$");
        problems[^1].GetProperty("message").GetString().Should().Be("no such file");
        problems[0].GetProperty("file").GetString().Should().Be(bad);
        problems[0].GetProperty("line").GetInt32().Should().Be(1);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_without_reading_it()
    {
        var path = Path.Combine(_dir, "huge.json");
        using (var f = File.Create(path))
        {
            f.SetLength(50L * 1024 * 1024);
        }

        var (exit, _, err) = Run(false, path);

        exit.Should().Be(1);
        err.Should().Contain("the file is 50 MB, larger than the 16 MB a bank may be");
    }
}
