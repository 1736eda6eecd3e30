using Steppe.Domain.Scheduling;
using Steppe.Web.Data;

namespace Steppe.Web.Study;

/// <summary>The review log as the scheduler sees it: every answer that was not undone.</summary>
public static class ReviewQueries
{
    public static IQueryable<ReviewEntity> StandingReviews(this AppDbContext db) =>
        db.Reviews.Where(r => !db.ReviewUndos.Any(u => u.ReviewId == r.Id));

    public static IQueryable<ReviewLogEntry> AsLogEntries(this IQueryable<ReviewEntity> reviews) =>
        reviews.Select(r => new ReviewLogEntry(r.CardId, r.Rating, new DateTimeOffset(r.ReviewedAtTicks, TimeSpan.Zero), r.DurationMs));
}
