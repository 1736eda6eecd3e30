using System.CommandLine;
using System.Globalization;
using Steppe.Domain.Scheduling;

namespace Steppe.Cli.Srs;

/// <summary>The scheduler options shared by the srs commands, with the defaults that make a replay
/// directly comparable with ts-fsrs: no fuzz, UTC, days starting at midnight.</summary>
internal sealed class SrsOptions
{
    public Argument<string> File { get; } = new("reviews") { Description = "Review log CSV: card_id,review_rating,review_time,review_duration" };
    public Option<string?> Parameters { get; } = new("--parameters") { Description = "The 21 FSRS-6 parameters w0,…,w20 (default: FSRS-6 defaults)" };
    public Option<double> Retention { get; } = new("--retention") { Description = "Desired retention, 0.70–0.99", DefaultValueFactory = _ => 0.9 };
    public Option<string> LearningSteps { get; } = new("--learning-steps") { Description = "Learning steps, e.g. 1m,10m", DefaultValueFactory = _ => "1m,10m" };
    public Option<string> RelearningSteps { get; } = new("--relearning-steps") { Description = "Relearning steps, e.g. 10m", DefaultValueFactory = _ => "10m" };
    public Option<int> MaxInterval { get; } = new("--max-interval") { Description = "Maximum interval in days", DefaultValueFactory = _ => 36500 };
    public Option<string> Fuzz { get; } = new("--fuzz") { Description = "Interval fuzz: off or on", DefaultValueFactory = _ => "off" };
    public Option<string> TimeZone { get; } = new("--timezone") { Description = "Time zone days are counted in (IANA id)", DefaultValueFactory = _ => "UTC" };
    public Option<int> DayStart { get; } = new("--day-start") { Description = "Hour a new day starts, 0–23", DefaultValueFactory = _ => 0 };

    public void AddTo(Command command, bool scheduling)
    {
        command.Arguments.Add(File);
        if (scheduling)
        {
            foreach (var o in new Option[] { Parameters, Retention, LearningSteps, RelearningSteps, MaxInterval, Fuzz })
            {
                command.Options.Add(o);
            }
        }
        command.Options.Add(TimeZone);
        command.Options.Add(DayStart);
    }

    /// <summary>The options, or an exception whose message says which one is wrong. Options a command does
    /// not take keep their defaults.</summary>
    public SchedulerOptions Build(ParseResult parse)
    {
        T Get<T>(Option<T> option, T fallback) => parse.GetResult(option) is null ? fallback : parse.GetValue(option)!;

        var fuzz = Get(Fuzz, "off");
        if (fuzz is not ("on" or "off"))
        {
            throw new UsageException($"--fuzz takes on or off, not '{fuzz}'");
        }
        var parameters = Get(Parameters, null);
        var options = new SchedulerOptions
        {
            Parameters = parameters is null ? FsrsParameters.Default : ParseParameters(parameters),
            DesiredRetention = Get(Retention, 0.9),
            LearningSteps = ParseSteps("--learning-steps", Get(LearningSteps, "1m,10m")),
            RelearningSteps = ParseSteps("--relearning-steps", Get(RelearningSteps, "10m")),
            MaximumIntervalDays = Get(MaxInterval, 36500),
            EnableFuzz = fuzz == "on",
            TimeZone = ParseTimeZone(Get(TimeZone, "UTC")),
            DayStartHour = Get(DayStart, 0),
        };
        var problems = options.Problems();
        return problems.Count == 0 ? options : throw new UsageException(string.Join("; ", problems));
    }

    public static FsrsParameters ParseParameters(string text)
    {
        try
        {
            return FsrsParameters.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new UsageException("--parameters: " + e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static TimeZoneInfo ParseTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new UsageException($"--timezone: '{id}' is not a time zone (use an IANA id such as UTC or Asia/Almaty)");
        }
    }

    /// <summary>"1m,10m,1h,1d" → steps; "" → none.</summary>
    public static List<TimeSpan> ParseSteps(string option, string text)
    {
        try
        {
            return StepList.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"{option}: {e.Message}");
        }
    }
}

/// <summary>A wrong option or input: printed as one line on stderr, exit code 1.</summary>
internal sealed class UsageException(string message) : Exception(message);
