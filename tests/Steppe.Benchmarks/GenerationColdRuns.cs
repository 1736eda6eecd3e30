using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Steppe.Benchmarks;

/// <summary>`generate-cold STEPPE_DLL ARTICLE [RUNS]`: runs `steppe generate ARTICLE --report` as a new process
/// RUNS times (default 7) and prints the median and worst wall time from start to exit, which holds the runtime's
/// start and the generator's word lists' load, and the peak memory the process reports. The issue's target: a 70 KB
/// article in under 3 s, load included.</summary>
public static partial class GenerationColdRuns
{
    public static async Task<int> RunAsync(string steppeDll, string article, int runs)
    {
        if (!File.Exists(steppeDll) || !File.Exists(article))
        {
            await Console.Error.WriteLineAsync($"usage: generate-cold STEPPE_DLL ARTICLE [RUNS]; not found: {(File.Exists(steppeDll) ? article : steppeDll)}");
            return 1;
        }
        var times = new List<double>();
        var peaks = new List<double>();
        var output = Path.Combine(Path.GetTempPath(), $"steppe-cold-{Environment.ProcessId}.json");
        string? summary = null;
        for (var run = 0; run < runs; run++)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { steppeDll, "generate", article, "--report", "-o", output })
            {
                start.ArgumentList.Add(arg);
            }
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var report = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            clock.Stop();
            if (process.ExitCode != 0)
            {
                await Console.Error.WriteLineAsync(report);
                return 1;
            }
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (Peak().Match(report) is { Success: true } peak)
            {
                peaks.Add(double.Parse(peak.Groups[1].Value, CultureInfo.InvariantCulture));
            }
            summary ??= string.Join(Environment.NewLine, report.Split('\n').Where(l => l.StartsWith("budget:", StringComparison.Ordinal) || l.StartsWith("questions by form:", StringComparison.Ordinal)));
        }
        File.Delete(output);
        times.Sort();
        Console.WriteLine($"{Path.GetFileName(article)} ({new FileInfo(article).Length / 1024.0:0.#} KB), {runs} runs of a new process each");
        Console.WriteLine(summary);
        Console.WriteLine($"start to exit: median {times[times.Count / 2]:0} ms, fastest {times[0]:0} ms, slowest {times[^1]:0} ms");
        if (peaks.Count > 0)
        {
            Console.WriteLine($"peak memory: median {peaks.Order().ElementAt(peaks.Count / 2):0} MB, highest {peaks.Max():0} MB");
        }
        return 0;
    }

    [GeneratedRegex(@"peak memory: (\d+) MB")]
    private static partial Regex Peak();
}
