using System.CommandLine;
using System.Globalization;
using System.Text;
using Steppe.Domain.Scheduling;
using Steppe.Domain.Scheduling.Optimization;

namespace Steppe.Cli.Srs;

/// <summary><c>steppe srs replay|optimize|evaluate</c>.</summary>
internal static class SrsCommands
{
    public static Command Create()
    {
        var srs = new Command("srs", "Spaced repetition (FSRS-6): replay, optimize and evaluate review logs.");
        srs.Subcommands.Add(ReplayCommand());
        srs.Subcommands.Add(OptimizeCommand());
        srs.Subcommands.Add(EvaluateCommand());
        return srs;
    }

    private static Command ReplayCommand()
    {
        var options = new SrsOptions();
        var command = new Command("replay", "Replay a review log and print the state after every review as CSV.");
        options.AddTo(command, scheduling: true);
        command.SetAction(parse => Run(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, () =>
        {
            var scheduler = new Scheduler(options.Build(parse));
            var log = ReadLog(parse.GetValue(options.File)!);
            return ReplayCsv(scheduler, log);
        }));
        return command;
    }

    private static Command OptimizeCommand()
    {
        var options = new SrsOptions();
        var command = new Command("optimize", "Fit the 21 FSRS-6 parameters to a review log; prints JSON.");
        options.AddTo(command, scheduling: false);
        command.SetAction(parse => Run(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, () =>
        {
            var calendar = options.Build(parse);
            var set = TrainingSet.FromLog(ReadLog(parse.GetValue(options.File)!), calendar);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = Optimizer.Fit(set);
            var seconds = clock.Elapsed.TotalSeconds;
            var evaluation = Evaluation.Evaluate(result.Parameters, set);
            return Json(new Dictionary<string, object>
            {
                ["parameters"] = result.Parameters.W,
                ["logLoss"] = evaluation.LogLoss,
                ["rmseBins"] = evaluation.RmseBins,
                ["reviews"] = set.Reviews,
                ["cards"] = set.Cards.Count,
                ["seconds"] = Math.Round(seconds, 3),
                ["outcome"] = result.Outcome.ToString(),
            });
        }));
        return command;
    }

    private static Command EvaluateCommand()
    {
        var options = new SrsOptions();
        var command = new Command("evaluate", "Log loss and RMSE(bins) of parameters on a review log; prints JSON.");
        options.AddTo(command, scheduling: false);
        command.Options.Add(options.Parameters);
        options.Parameters.Required = true;
        command.SetAction(parse => Run(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, () =>
        {
            var calendar = options.Build(parse);
            var set = TrainingSet.FromLog(ReadLog(parse.GetValue(options.File)!), calendar);
            var evaluation = Evaluation.Evaluate(calendar.Parameters, set);
            return Json(new Dictionary<string, object> { ["logLoss"] = evaluation.LogLoss, ["rmseBins"] = evaluation.RmseBins });
        }));
        return command;
    }

    private static string Json(Dictionary<string, object> values) =>
        System.Text.Json.JsonSerializer.Serialize(values, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";

    /// <summary>Runs a command that produces its whole output first, so a failure prints nothing to stdout.</summary>
    internal static int Run(TextWriter stdout, TextWriter stderr, Func<string> produce)
    {
        try
        {
            stdout.Write(produce());
            return 0;
        }
        catch (Exception e) when (e is UsageException or ReviewLogFormatException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(e.Message);
            return 1;
        }
    }

    internal static List<ReviewLogEntry> ReadLog(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: no such file");
        }
        using var reader = new StreamReader(path, Encoding.UTF8);
        try
        {
            return ReviewLogCsv.Read(reader);
        }
        catch (ReviewLogFormatException e)
        {
            throw new UsageException($"{path}: {e.Message}");
        }
    }

    public const string ReplayHeader = "card_id,review_time,review_rating,state,stability,difficulty,scheduled_days,due";

    internal static string ReplayCsv(Scheduler scheduler, IReadOnlyList<ReviewLogEntry> log)
    {
        var output = new StringBuilder(ReplayHeader).Append('\n');
        foreach (var (review, outcome) in Replay.All(scheduler, log))
        {
            var card = outcome.Card;
            output.Append(review.CardId.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Time(review.Time)).Append(',')
                .Append((int)review.Rating).Append(',')
                .Append(card.State).Append(',')
                .Append(card.Memory!.Value.Stability.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(card.Memory.Value.Difficulty.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(card.ScheduledDays.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Time(card.Due)).Append('\n');
        }
        return output.ToString();
    }

    internal static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
