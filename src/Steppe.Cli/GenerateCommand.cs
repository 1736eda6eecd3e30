using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Steppe.Domain.Banks;
using Steppe.Domain.Generation;

namespace Steppe.Cli;

/// <summary><c>steppe generate ARTICLE.txt [--id ID] [--title TITLE] [-o BANK.json] [--max N | --all] [--report]</c>.</summary>
internal static class GenerateCommand
{
    /// <summary>Files larger than this are refused before reading (the generator takes up to 1 MB of text).</summary>
    private const long MaxFileBytes = 4 * 1024 * 1024;

    public static Command Create()
    {
        var article = new Argument<string>("article") { Description = "The article, as a UTF-8 text file." };
        var id = new Option<string?>("--id") { Description = "The bank id (a slug); default from the title." };
        var title = new Option<string?>("--title") { Description = "The bank title; default the article's first line." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the bank here instead of stdout." };
        var report = new Option<bool>("--report") { Description = "Print the budget used, the questions by form and what was filtered out and why, to stderr." };
        var max = new Option<int?>("--max") { Description = "At most N questions, best first (default: about 4 per KB of article, 10 to 80)." };
        var all = new Option<bool>("--all") { Description = "Every question that passes the checks, without a budget." };
        var command = new Command("generate", "Generate a question bank from an article.") { article, id, title, output, max, all, report };
        command.SetAction(parse => Run(parse.GetValue(article)!, new GenerationOptions { Id = parse.GetValue(id), Title = parse.GetValue(title), MaxQuestions = parse.GetValue(max), All = parse.GetValue(all) },
            parse.GetValue(output), parse.GetValue(report), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string articlePath, GenerationOptions options, string? outputPath, bool report, TextWriter stdout, TextWriter stderr)
    {
        if (options.MaxQuestions is < 1)
        {
            stderr.WriteLine($"--max must be at least 1, not {options.MaxQuestions}");
            return 1;
        }
        if (options.All && options.MaxQuestions is not null)
        {
            stderr.WriteLine("--max and --all cannot be used together: --all keeps every question that passes the checks");
            return 1;
        }
        string text;
        try
        {
            var info = new FileInfo(articlePath);
            if (!info.Exists)
            {
                stderr.WriteLine($"{articlePath}: no such file");
                return 1;
            }
            if (info.Length > MaxFileBytes)
            {
                stderr.WriteLine($"{articlePath}: the file is {info.Length / (1024.0 * 1024.0):0.#} MB; the generator takes articles of up to 1 MB of text");
                return 1;
            }
            var bytes = File.ReadAllBytes(articlePath);
            if (bytes.AsSpan().IndexOf((byte)0) >= 0)
            {
                stderr.WriteLine($"{articlePath}: the file is binary, not text");
                return 1;
            }
            text = new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{articlePath}: cannot be read: {e.Message}");
            return 1;
        }

        var source = outputPath is null ? null : Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(outputPath))!, Path.GetFullPath(articlePath)).Replace('\\', '/');
        var clock = Stopwatch.StartNew();
        var result = BankGenerator.Generate(text, options with { SourceFile = source });
        var elapsed = clock.Elapsed;
        if (report && result.Report is { } r)
        {
            WriteReport(r, elapsed, stderr);
        }
        if (result.Bank is null)
        {
            stderr.WriteLine($"{articlePath}: {result.Error}");
            return 1;
        }
        var bytesOut = BankWriter.ToUtf8(result.Bank);
        if (outputPath is null)
        {
            stdout.Write(Encoding.UTF8.GetString(bytesOut));
        }
        else
        {
            File.WriteAllBytes(outputPath, bytesOut);
        }
        return 0;
    }

    private static void WriteReport(GenerationReport r, TimeSpan elapsed, TextWriter w)
    {
        w.WriteLine($"paragraphs: {r.Paragraphs}, sentences: {r.Sentences}, candidates: {r.Candidates}");
        w.WriteLine("names by kind: " + string.Join(", ", r.NamesByKind.Select(kv => $"{kv.Key} {kv.Value}")));
        w.WriteLine("themes: " + string.Join(", ", r.Themes));
        w.WriteLine($"budget: {r.Budget}, questions: {r.QuestionsByType.Values.Sum()}");
        w.WriteLine("questions by form: " + string.Join(", ", r.QuestionsByForm.Select(kv => $"{kv.Key} {kv.Value}")));
        w.WriteLine("questions by type: " + string.Join(", ", r.QuestionsByType.Select(kv => $"{kv.Key} {kv.Value}")));
        w.WriteLine("questions by theme: " + string.Join(", ", r.QuestionsByTheme.Select(kv => $"{kv.Key} {kv.Value}")));
        w.WriteLine("filtered out: " + (r.Filtered.Count == 0 ? "nothing" : string.Join(", ", r.Filtered.Select(kv => $"{kv.Value} {kv.Key}"))));
        foreach (var warning in r.Warnings)
        {
            w.WriteLine("warning: " + warning);
        }
        // The whole process so far (start-up and the word lists' load included) and the most memory it held.
        using var self = Process.GetCurrentProcess();
        var sinceStart = DateTime.Now - self.StartTime;
        w.WriteLine($"time: {elapsed.TotalMilliseconds:0} ms generating, {sinceStart.TotalMilliseconds:0} ms since the process started; peak memory: {self.PeakWorkingSet64 / (1024.0 * 1024.0):0} MB");
    }
}
