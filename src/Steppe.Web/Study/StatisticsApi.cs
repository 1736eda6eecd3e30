using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Steppe.Domain.Banks;
using Steppe.Domain.Scheduling;
using Steppe.Web.Accounts;
using Steppe.Web.Data;

namespace Steppe.Web.Study;

public sealed record DayCount(string Date, int Count);
public sealed record Retention(int Reviews, int Passed, double? Rate);
public sealed record StateCounts(int New, int Learning, int Review, int Relearning, int Suspended);
public sealed record TimeSpent(int TodaySeconds, int Last30DaysSeconds, int TotalSeconds);
public sealed record StatisticsResponse(
    IReadOnlyList<DayCount> ReviewsPerDay, Retention TrueRetention30Days, IReadOnlyList<DayCount> DueNext30Days,
    StateCounts Cards, TimeSpent Time, int TotalReviews);

/// <summary>Statistics of the signed-in learner, counted on their own calendar, and their data to take away.</summary>
public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Statistics");
        api.MapGet("/statistics", Statistics).WithSummary("Reviews per day (a year), true retention (30 days), due cards (next 30 days), cards by state, time spent.");
        api.MapGet("/export/reviews.csv", ExportReviews).WithSummary("Your review log as CSV: card_id,review_rating,review_time,review_duration.");
        api.MapGet("/export/decks/{id:long}", ExportDeck).WithSummary("One of your decks as a question bank (format v1).");
        return app;
    }

    internal static async Task<Ok<StatisticsResponse>> Statistics(ClaimsPrincipal user, AppDbContext db, StudyService study, TimeProvider clock, CancellationToken ct)
    {
        var userId = user.UserId();
        var options = StudyService.OptionsOf(await study.SettingsAsync(userId, ct));
        var now = clock.GetUtcNow();
        var today = options.DayNumber(now);
        var stored = await db.StandingReviews().AsNoTracking()
            .Where(r => r.UserId == userId)
            .Select(r => new { r.ReviewedAtTicks, r.Rating, r.StateBefore, r.DurationMs })
            .ToListAsync(ct);
        // Each review's day in the learner's calendar, worked out once (a time-zone conversion each).
        var reviews = stored.Select(r => new { Day = options.DayNumber(new DateTimeOffset(r.ReviewedAtTicks, TimeSpan.Zero)), r.Rating, r.StateBefore, r.DurationMs }).ToList();
        var byDay = reviews.GroupBy(r => r.Day).ToDictionary(g => g.Key, g => g.Count());
        var perDay = Enumerable.Range(0, 365).Select(i => today - 364 + i).Select(d => new DayCount(DateOf(d), byDay.GetValueOrDefault(d))).ToList();

        var monthAgo = today - 29;
        var matured = reviews.Where(r => r.StateBefore == CardState.Review && r.Day >= monthAgo).ToList();
        var passed = matured.Count(r => r.Rating != Rating.Again);
        var retention = new Retention(matured.Count, passed, matured.Count == 0 ? null : Math.Round(passed / (double)matured.Count, 4));

        var cards = await db.Cards.AsNoTracking().Where(c => c.UserId == userId).Select(c => new { c.State, c.DueTicks, c.Suspended }).ToListAsync(ct);
        var dueByDay = cards.Where(c => !c.Suspended && c.State != CardState.New)
            .GroupBy(c => Math.Max(today, options.DayNumber(new DateTimeOffset(c.DueTicks, TimeSpan.Zero)))).ToDictionary(g => g.Key, g => g.Count());
        var due = Enumerable.Range(0, 30).Select(i => today + i).Select(d => new DayCount(DateOf(d), dueByDay.GetValueOrDefault(d))).ToList();
        var states = new StateCounts(
            cards.Count(c => c.State == CardState.New && !c.Suspended), cards.Count(c => c.State == CardState.Learning && !c.Suspended),
            cards.Count(c => c.State == CardState.Review && !c.Suspended), cards.Count(c => c.State == CardState.Relearning && !c.Suspended),
            cards.Count(c => c.Suspended));

        int Seconds(Func<int, bool> onDay) => (int)(reviews.Where(r => onDay(r.Day)).Sum(r => (long)(r.DurationMs ?? 0)) / 1000);
        var time = new TimeSpent(Seconds(day => day == today), Seconds(day => day >= monthAgo), Seconds(_ => true));
        return TypedResults.Ok(new StatisticsResponse(perDay, retention, due, states, time, reviews.Count));
    }

    private static string DateOf(int dayNumber) => DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(dayNumber)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static async Task<FileContentHttpResult> ExportReviews(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        var log = await db.StandingReviews().AsNoTracking().Where(r => r.UserId == userId)
            .OrderBy(r => r.ReviewedAtTicks).ThenBy(r => r.Id).AsLogEntries().ToListAsync(ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(ReviewLogCsv.Write(log)), "text/csv; charset=utf-8", "steppe-reviews.csv");
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> ExportDeck(long id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        var deck = await db.Decks.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.UserId == userId, ct);
        if (deck is null)
        {
            return TypedResults.NotFound();
        }
        var content = await db.BankContents.AsNoTracking().Where(c => c.BankId == deck.BankId).Select(c => c.Content).SingleOrDefaultAsync(ct);
        if (content is null)
        {
            return TypedResults.NotFound(); // its author deleted the bank
        }
        var bank = BankReader.Read(content).Bank!;
        var inDeck = (await db.Cards.AsNoTracking().Where(c => c.DeckId == id).Select(c => c.QuestionId).ToListAsync(ct)).ToHashSet();
        var questions = bank.Questions.Where(q => inDeck.Contains(q.Id)).ToList();
        var themes = bank.Themes?.Where(t => questions.Any(q => q.Themes?.Contains(t.Id) == true)).ToList();
        var exported = bank with { Questions = questions, Themes = themes is { Count: > 0 } ? themes : null };
        return TypedResults.File(BankWriter.ToUtf8(exported), "application/json; charset=utf-8", $"{bank.Id}.json");
    }
}
