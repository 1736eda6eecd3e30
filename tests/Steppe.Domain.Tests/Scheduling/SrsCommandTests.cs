using System.Globalization;
using System.Text.Json;
using Steppe.Cli.Srs;
using Steppe.Domain.Scheduling;

namespace Steppe.Domain.Tests.Scheduling;

/// <summary>The `steppe srs` commands on good and bad input, run in process.</summary>
public sealed class SrsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("steppe-srs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = SrsCommands.Create().Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private const string Good = ReviewLogCsv.Header + "\n1,3,2024-03-29T20:32:32.250+00:00,5000\n1,3,2024-03-31T08:00:00Z,4000\n";

    [Fact]
    public void Replay_prints_one_row_per_review_with_the_state_after_it()
    {
        var (exit, stdout, stderr) = Run("replay", Write(Good));

        (exit, stderr).Should().Be((0, ""));
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            SrsCommands.ReplayHeader,
            "1,2024-03-29T20:32:32.250Z,3,Learning,2.3065,2.118103970459015,0,2024-03-29T20:42:32.250Z",
            "1,2024-03-31T08:00:00.000Z,3,Review," + ReviewedTwice());
    }

    private static string ReviewedTwice()
    {
        // Good again two UTC days later: stability and difficulty from the model itself; at retention 0.9
        // the interval is the stability in whole days (10.96 → 11).
        var w = FsrsParameters.Default.W.ToArray();
        var state = Fsrs6.Next(w, Fsrs6.Next(w, null, 0, Rating.Good), 2, Rating.Good);
        var days = (int)Math.Round(state.Stability, MidpointRounding.AwayFromZero);
        return string.Join(",", state.Stability.ToString("R", CultureInfo.InvariantCulture), state.Difficulty.ToString("R", CultureInfo.InvariantCulture),
            days.ToString(CultureInfo.InvariantCulture), new DateTime(2024, 3, 31, 8, 0, 0, DateTimeKind.Utc).AddDays(days).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    [Theory]
    // malformed row
    [InlineData(ReviewLogCsv.Header + "\n1,3,2024-03-29T20:32:32Z\n", "line 2: expected 4 fields")]
    // unknown rating
    [InlineData(ReviewLogCsv.Header + "\n1,3,2024-03-29T20:32:32Z,1\n1,5,2024-03-30T20:32:32Z,1\n", "line 3: review_rating '5' is not a rating")]
    // a time without offset is ambiguous by up to a day
    [InlineData(ReviewLogCsv.Header + "\n1,3,2024-03-29T20:32:32,1\n", "line 2: review_time '2024-03-29T20:32:32' has no UTC offset")]
    [InlineData(ReviewLogCsv.Header + "\n1,3,yesterday Z,1\n", "line 2: review_time 'yesterday Z' is not an ISO-8601 time")]
    [InlineData("card,rating,time,duration\n1,3,2024-03-29T20:32:32Z,1\n", "line 1: expected the header")]
    [InlineData("", "line 1: the file is empty")]
    [InlineData(ReviewLogCsv.Header + "\nx,3,2024-03-29T20:32:32Z,1\n", "line 2: card_id 'x' is not a whole number")]
    public void Bad_input_gets_its_line_number_exit_one_and_no_output(string csv, string message)
    {
        foreach (var command in new[] { "replay", "optimize" })
        {
            var (exit, stdout, stderr) = Run(command, Write(csv));

            exit.Should().Be(1, command);
            stdout.Should().BeEmpty(command);
            stderr.Should().Contain(message, command);
        }
    }

    [Fact]
    public void Twenty_parameters_instead_of_21_are_refused()
    {
        var parameters = string.Join(",", FsrsParameters.Default.W.Take(20).Select(x => x.ToString(CultureInfo.InvariantCulture)));

        var (exit, stdout, stderr) = Run("replay", Write(Good), "--parameters", parameters);

        (exit, stdout).Should().Be((1, ""));
        stderr.Should().Contain("--parameters: FSRS-6 takes 21 parameters, not 20");
    }

    [Theory]
    [InlineData("--retention", "0.5", "desired retention must be between 0.7 and 0.99")]
    [InlineData("--learning-steps", "1m,ten", "--learning-steps: 'ten' is not a step")]
    [InlineData("--fuzz", "maybe", "--fuzz takes on or off")]
    [InlineData("--timezone", "Mars/Olympus", "--timezone: 'Mars/Olympus' is not a time zone")]
    [InlineData("--day-start", "24", "day start hour must be 0 to 23")]
    public void Bad_options_are_refused_with_a_reason(string option, string value, string message)
    {
        var (exit, stdout, stderr) = Run("replay", Write(Good), option, value);

        (exit, stdout).Should().Be((1, ""));
        stderr.Should().Contain(message);
    }

    [Fact]
    public void Optimize_and_evaluate_print_json()
    {
        var start = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var log = Enumerable.Range(0, 30).SelectMany(c => new[]
        {
            new ReviewLogEntry(c, Rating.Good, start.AddMinutes(c)),
            new ReviewLogEntry(c, Rating.Good, start.AddDays(2).AddMinutes(c)),
        });
        var file = Write(ReviewLogCsv.Write(log));

        var (exit, stdout, _) = Run("optimize", file);
        using var optimized = JsonDocument.Parse(stdout);
        var (evalExit, evalOut, _) = Run("evaluate", file, "--parameters", FsrsParameters.Default.ToString());
        using var evaluated = JsonDocument.Parse(evalOut);

        (exit, evalExit).Should().Be((0, 0));
        optimized.RootElement.GetProperty("parameters").GetArrayLength().Should().Be(21);
        optimized.RootElement.GetProperty("reviews").GetInt32().Should().Be(60);
        optimized.RootElement.GetProperty("cards").GetInt32().Should().Be(30);
        optimized.RootElement.GetProperty("seconds").GetDouble().Should().BeGreaterThanOrEqualTo(0);
        evaluated.RootElement.GetProperty("logLoss").GetDouble().Should().BeInRange(0, 1);
        evaluated.RootElement.GetProperty("rmseBins").GetDouble().Should().BeInRange(0, 1);
    }
}
