using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Steppe.Domain.Banks;

namespace Steppe.Cli;

/// <summary><c>steppe validate FILE... [--json]</c>: exit 0 when every bank is valid, else 1 with each problem.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Question bank JSON files to check.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print the problems as a JSON array on stdout." };
        var command = new Command("validate", "Check question banks against format v1 and list every problem.") { files, json };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(json), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(IReadOnlyList<string> files, bool asJson, TextWriter stdout, TextWriter stderr)
    {
        var all = new List<(string File, BankProblem Problem)>();
        foreach (var file in files)
        {
            foreach (var problem in Validate(file))
            {
                all.Add((file, problem));
            }
        }
        if (asJson)
        {
            var items = all.Select(p => new { file = p.File, path = p.Problem.Path, message = p.Problem.Message, line = p.Problem.Line, column = p.Problem.Column });
            stdout.WriteLine(JsonSerializer.Serialize(items, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }
        else
        {
            foreach (var (file, problem) in all)
            {
                stderr.WriteLine($"{file}: {problem}");
            }
            if (all.Count == 0)
            {
                stdout.WriteLine(files.Count == 1 ? $"{files[0]}: valid" : $"{files.Count} banks valid");
            }
        }
        return all.Count == 0 ? 0 : 1;
    }

    /// <summary>The problems of one file, including the ones that stop it being read at all.</summary>
    public static IReadOnlyList<BankProblem> Validate(string file)
    {
        try
        {
            var info = new FileInfo(file);
            if (Directory.Exists(file))
            {
                return [new BankProblem("$", "is a directory, not a bank file", 1, 1)];
            }
            if (!info.Exists)
            {
                return [new BankProblem("$", "no such file", 1, 1)];
            }
            // Refuse an oversized file before reading it into memory.
            if (BankReader.TextProblem(info.Length, BankReader.DefaultMaxBytes) is { } sizeProblem)
            {
                return [sizeProblem];
            }
            return BankReader.Read(File.ReadAllBytes(file)).Problems;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new BankProblem("$", $"cannot be read: {e.Message}", 1, 1)];
        }
    }
}
