using Steppe.Domain.Scheduling;

namespace Steppe.Domain.Tests.Scheduling;

/// <summary>A learner's day in every time zone: from the day-start hour to the next, on days whose clocks skip or
/// repeat an hour (or half an hour) too.</summary>
public class LearnerDayTests
{
    public static TheoryData<string, string, int, string, string, string> Days => new()
    {
        // zone, why, day-start hour, now (UTC), expected start (UTC), expected end (UTC)
        { "America/New_York", "clocks skip 02:00-03:00: the day starts at the jump", 2, "2024-03-10T12:00:00Z", "2024-03-10T07:00:00Z", "2024-03-11T06:00:00Z" },
        { "America/New_York", "clocks repeat 01:00-02:00: the day starts the first time, and lasts 25 hours", 1, "2024-11-03T12:00:00Z", "2024-11-03T05:00:00Z", "2024-11-04T06:00:00Z" },
        { "America/New_York", "an ordinary day", 4, "2024-06-15T12:00:00Z", "2024-06-15T08:00:00Z", "2024-06-16T08:00:00Z" },
        { "America/New_York", "before the day-start hour it is still yesterday", 4, "2024-06-15T07:59:00Z", "2024-06-14T08:00:00Z", "2024-06-15T08:00:00Z" },
        { "Europe/London", "clocks skip 01:00-02:00", 1, "2024-03-31T12:00:00Z", "2024-03-31T01:00:00Z", "2024-04-01T00:00:00Z" },
        { "Europe/London", "clocks repeat 01:00-02:00", 1, "2024-10-27T12:00:00Z", "2024-10-27T00:00:00Z", "2024-10-28T01:00:00Z" },
        { "Australia/Lord_Howe", "clocks skip 02:00-02:30 (a half-hour shift)", 2, "2024-10-06T03:00:00Z", "2024-10-05T15:30:00Z", "2024-10-06T15:00:00Z" },
        { "Australia/Lord_Howe", "clocks repeat 01:30-02:00: the day lasts 24.5 hours", 1, "2024-04-07T03:00:00Z", "2024-04-06T14:00:00Z", "2024-04-07T14:30:00Z" },
        { "Asia/Tokyo", "no daylight saving", 4, "2024-03-10T12:00:00Z", "2024-03-09T19:00:00Z", "2024-03-10T19:00:00Z" },
        { "UTC", "UTC", 0, "2024-03-10T12:00:00Z", "2024-03-10T00:00:00Z", "2024-03-11T00:00:00Z" },
    };

    [Theory, MemberData(nameof(Days))]
    public void A_day_runs_from_its_day_start_hour_to_the_next_whatever_the_clocks_do(string zone, string why, int dayStart, string now, string start, string end)
    {
        var options = new SchedulerOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone), DayStartHour = dayStart };
        var at = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);

        var (from, to) = options.DayBounds(at);

        (from, to).Should().Be((DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), why);
        options.DayNumber(from).Should().Be(options.DayNumber(at), "the day's first instant is in the day");
        options.DayNumber(from.AddTicks(-1)).Should().Be(options.DayNumber(at) - 1, "the instant before is the day before");
        options.DayNumber(to).Should().Be(options.DayNumber(at) + 1);
    }
}
