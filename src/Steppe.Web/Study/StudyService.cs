using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Steppe.Domain.Scheduling;
using Steppe.Web.Data;

namespace Steppe.Web.Study;

public sealed record ButtonPreview(int Rating, string Label, string Interval);

/// <summary>A card to study; <see cref="AnswerChangedAt"/> says when a new version of its bank changed its answer
/// and sent it back to relearning (until it is next answered).</summary>
public sealed record StudyCard(long Id, int Version, string State, string BankId, string DeckTitle, JsonElement Question, IReadOnlyList<ButtonPreview> Buttons, bool Leech,
    DateTimeOffset? AnswerChangedAt = null);

public sealed record StudyCounts(int New, int Learning, int Review);

/// <summary>The next card to study, or when the next one falls due.</summary>
public sealed record NextCardResponse(StudyCard? Card, StudyCounts Counts, DateTimeOffset? NextDue);

public sealed record ReviewRequest(Guid ClientId, long CardId, int Version, int Rating, int? DurationMs);

public sealed record ReviewResponse(long CardId, int Version, string State, DateTimeOffset Due, int ScheduledDays, bool Leech);

/// <summary>What an answer came to: stored, a retry of one stored (the first stands), stale (the card changed since it
/// was shown), no such card of this user, or a rating that is not 1–4. Told to the client in one place (StudyApi).</summary>
public abstract record ReviewResult
{
    private ReviewResult() { }

    public sealed record Accepted(ReviewResponse Card) : ReviewResult;

    public sealed record Duplicate(ReviewResponse Card) : ReviewResult;

    public sealed record Stale(ReviewResponse Card) : ReviewResult;

    public sealed record NotFound : ReviewResult;

    public sealed record BadRating : ReviewResult;
}

/// <summary>Study sessions on top of the FSRS scheduler: which card comes next, and answers stored safely.</summary>
public sealed class StudyService(AppDbContext db, TimeProvider clock, WriteGate writes)
{
    public const int LeechLapses = 8;

    public async Task<StudySettingsEntity> SettingsAsync(string userId, CancellationToken ct) =>
        await db.StudySettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, ct) ?? new StudySettingsEntity { UserId = userId };

    public static SchedulerOptions OptionsOf(StudySettingsEntity s) => new()
    {
        DesiredRetention = s.DesiredRetention,
        LearningSteps = StepList.Parse(s.LearningSteps),
        RelearningSteps = StepList.Parse(s.RelearningSteps),
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone),
        DayStartHour = s.DayStartHour,
        Parameters = s.Parameters is null ? FsrsParameters.Default : FsrsParameters.Parse(s.Parameters),
        EnableFuzz = true,
    };

    /// <summary>Learning cards that are due first, then reviews due today, then new cards within the daily limit.</summary>
    public async Task<NextCardResponse> NextAsync(string userId, CancellationToken ct)
    {
        var settings = await SettingsAsync(userId, ct);
        var options = OptionsOf(settings);
        var now = clock.GetUtcNow();
        var (dayStart, dayEnd) = Today(options, now);
        var studiedToday = await db.StandingReviews().AsNoTracking()
            .Where(r => r.UserId == userId && r.ReviewedAtTicks >= dayStart.UtcTicks)
            .GroupBy(r => r.StateBefore).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var newToday = studiedToday.Where(x => x.Key == CardState.New).Sum(x => x.Count);
        var reviewsToday = studiedToday.Where(x => x.Key == CardState.Review).Sum(x => x.Count);

        var active = db.Cards.AsNoTracking().Where(c => c.UserId == userId && !c.Suspended && (c.BuriedUntilTicks == null || c.BuriedUntilTicks <= now.UtcTicks));
        var learning = active.Where(c => c.State == CardState.Learning || c.State == CardState.Relearning);
        var reviews = active.Where(c => c.State == CardState.Review && c.DueTicks < dayEnd.UtcTicks);
        var fresh = active.Where(c => c.State == CardState.New);
        var counts = new StudyCounts(
            Math.Max(0, Math.Min(await fresh.CountAsync(ct), settings.NewCardsPerDay - newToday)),
            await learning.CountAsync(c => c.DueTicks < dayEnd.UtcTicks, ct),
            Math.Max(0, Math.Min(await reviews.CountAsync(ct), settings.MaxReviewsPerDay - reviewsToday)));

        var card = await learning.Where(c => c.DueTicks <= now.UtcTicks).OrderBy(c => c.DueTicks).ThenBy(c => c.Id).FirstOrDefaultAsync(ct)
            ?? (reviewsToday < settings.MaxReviewsPerDay ? await reviews.OrderBy(c => c.DueTicks).ThenBy(c => c.Id).FirstOrDefaultAsync(ct) : null)
            ?? (newToday < settings.NewCardsPerDay ? await fresh.OrderBy(c => c.AddedAtTicks).ThenBy(c => c.Id).FirstOrDefaultAsync(ct) : null);
        if (card is null)
        {
            var next = await learning.OrderBy(c => c.DueTicks).Select(c => (long?)c.DueTicks).FirstOrDefaultAsync(ct);
            return new NextCardResponse(null, counts, next is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null);
        }
        return new NextCardResponse(await ShowAsync(card, options, now, ct), counts, null);
    }

    private async Task<StudyCard> ShowAsync(CardEntity card, SchedulerOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var content = await db.Questions.AsNoTracking().Where(q => q.BankId == card.BankId && q.Id == card.QuestionId).Select(q => q.Content).SingleAsync(ct);
        var deck = await db.Decks.AsNoTracking().Where(d => d.Id == card.DeckId).Select(d => d.Title).SingleAsync(ct);
        var next = new Scheduler(options).NextStates(ToSchedule(card), now, card.Id);
        var buttons = new[] { next.Again, next.Hard, next.Good, next.Easy }
            .Select(o => new ButtonPreview((int)o.Rating, o.Rating.ToString(), StepList.Format(o.Card.Due - now))).ToList();
        using var question = JsonDocument.Parse(content);
        return new StudyCard(card.Id, card.Version, card.State.ToString(), card.BankId, deck, question.RootElement.Clone(), buttons, card.Leech,
            card.AnswerChangedAtTicks is { } changed ? new DateTimeOffset(changed, TimeSpan.Zero) : null);
    }

    /// <summary>Stores one answer: idempotent on the client's id, refused (409) when the card changed since it
    /// was shown, and the card's schedule moved on by the scheduler.</summary>
    public async Task<ReviewResult> ReviewAsync(string userId, ReviewRequest request, CancellationToken ct)
    {
        if (request.Rating is < 1 or > 4)
        {
            return new ReviewResult.BadRating();
        }
        using var turn = await writes.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var card = await db.Cards.SingleOrDefaultAsync(c => c.Id == request.CardId && c.UserId == userId, ct);
        if (card is null)
        {
            return new ReviewResult.NotFound();
        }
        if (await db.Reviews.AnyAsync(r => r.UserId == userId && r.ClientId == request.ClientId, ct))
        {
            return new ReviewResult.Duplicate(Response(card)); // the same answer again (a retry): the first one stands
        }
        if (card.Version != request.Version)
        {
            return new ReviewResult.Stale(Response(card));
        }
        var options = OptionsOf(await SettingsAsync(userId, ct));
        var now = clock.GetUtcNow();
        var before = card.State;
        var after = new Scheduler(options).Review(ToSchedule(card), (Rating)request.Rating, now, card.Id);
        Apply(card, after);
        card.Version++;
        card.AnswerChangedAtTicks = null;
        card.Leech = card.Lapses >= LeechLapses;
        db.Reviews.Add(new ReviewEntity
        {
            UserId = userId, CardId = card.Id, ClientId = request.ClientId, Rating = (Rating)request.Rating,
            ReviewedAtTicks = now.UtcTicks, DurationMs = request.DurationMs is >= 0 and <= 3_600_000 ? request.DurationMs : null, StateBefore = before,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ReviewResult.Accepted(Response(card));
    }

    /// <summary>Takes back the user's last answer: an undo row is appended and the card replayed from its log.</summary>
    public async Task<ReviewResponse?> UndoAsync(string userId, CancellationToken ct)
    {
        using var turn = await writes.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var last = await db.StandingReviews().Where(r => r.UserId == userId)
            .OrderByDescending(r => r.ReviewedAtTicks).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (last is null)
        {
            return null;
        }
        db.ReviewUndos.Add(new ReviewUndoEntity { ReviewId = last.Id, UndoneAtTicks = clock.GetUtcNow().UtcTicks });
        await db.SaveChangesAsync(ct);
        var card = await db.Cards.SingleAsync(c => c.Id == last.CardId, ct);
        await ReplayAsync(card, await SettingsAsync(userId, ct), ct);
        card.Version++;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Response(card);
    }

    /// <summary>Sets the card's schedule to the replay of its log (without undone answers).</summary>
    public async Task ReplayAsync(CardEntity card, StudySettingsEntity settings, CancellationToken ct)
    {
        var log = await db.StandingReviews().AsNoTracking().Where(r => r.CardId == card.Id)
            .OrderBy(r => r.ReviewedAtTicks).ThenBy(r => r.Id).AsLogEntries().ToListAsync(ct);
        var replayed = Replay.Fold(new Scheduler(OptionsOf(settings)), log, new DateTimeOffset(card.AddedAtTicks, TimeSpan.Zero));
        Apply(card, replayed);
        card.Leech = card.Lapses >= LeechLapses;
    }

    private static ReviewResponse Response(CardEntity card) =>
        new(card.Id, card.Version, card.State.ToString(), new DateTimeOffset(card.DueTicks, TimeSpan.Zero), card.ScheduledDays, card.Leech);

    public static CardSchedule ToSchedule(CardEntity c) => new()
    {
        State = c.State,
        Step = c.Step,
        Memory = c.Stability is { } s && c.Difficulty is { } d ? new MemoryState(s, d) : null,
        Due = new DateTimeOffset(c.DueTicks, TimeSpan.Zero),
        LastReview = c.LastReviewTicks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null,
        ScheduledDays = c.ScheduledDays,
        Reviews = c.Reviews,
        Lapses = c.Lapses,
    };

    public static void Apply(CardEntity c, CardSchedule s)
    {
        c.State = s.State;
        c.Step = s.Step;
        c.Stability = s.Memory?.Stability;
        c.Difficulty = s.Memory?.Difficulty;
        c.DueTicks = s.Due.UtcTicks;
        c.LastReviewTicks = s.LastReview?.UtcTicks;
        c.ScheduledDays = s.ScheduledDays;
        c.Reviews = s.Reviews;
        c.Lapses = s.Lapses;
    }

    /// <summary>The learner's current day, as UTC instants (<see cref="SchedulerOptions.DayBounds"/>).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Today(SchedulerOptions options, DateTimeOffset now) => options.DayBounds(now);
}
