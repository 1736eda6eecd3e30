using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Steppe.Domain.Scheduling;
using Steppe.Web.Accounts;
using Steppe.Web.Banks;
using Steppe.Web.Data;
using Steppe.Web.Hosting;

namespace Steppe.Web.Study;

/// <summary>Questions of a bank to study; <see cref="Key"/> is the share key of a bank shared by link.</summary>
public sealed record AddDeckRequest(string? BankId, IReadOnlyList<string>? Themes, IReadOnlyList<string>? QuestionIds, string? Key = null);
public sealed record DeckSummary(long Id, string BankId, string Title, int Cards, int Suspended, int Leeches);
public sealed record CheckRequest(long CardId, string? Text, bool? Choice, IReadOnlyList<string>? Order);
public sealed record CheckResponse(bool Correct, string Answer);
public sealed record SettingsDto(double DesiredRetention, int NewCardsPerDay, int MaxReviewsPerDay, string LearningSteps, string RelearningSteps, string TimeZone, int DayStartHour);

/// <summary>Decks, cards, settings and the study session, for the signed-in user only: another user's deck,
/// card or review answers 404.</summary>
public static class StudyApi
{
    public static IServiceCollection AddStudy(this IServiceCollection services) =>
        services.AddScoped<StudyService>().AddSingleton<OptimizationJobs>().AddSingleton<WriteGate>();

    public static IEndpointRouteBuilder MapStudy(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().AddEndpointFilter<SameOriginFilter>().WithTags("Study");
        api.MapGet("/decks", ListDecks).WithSummary("Your decks.");
        api.MapPost("/decks", AddDeck).WithSummary("Add a bank (all of it, chosen themes, or chosen questions) to your decks.");
        api.MapDelete("/decks/{id:long}", DeleteDeck).WithSummary("Remove a deck with its cards and their history.");
        api.MapPost("/cards/{id:long}/suspend", (long id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) => SetCard(id, user, db, c => c.Suspended = true, ct));
        api.MapPost("/cards/{id:long}/unsuspend", (long id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) => SetCard(id, user, db, c => c.Suspended = c.QuestionRemoved, ct)); // a card whose question left its bank stays aside
        api.MapPost("/cards/{id:long}/bury", (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            SetCard(id, user, db, c => c.BuriedUntilTicks = clock.GetUtcNow().AddDays(1).UtcTicks, ct));
        api.MapGet("/study/settings", GetSettings).WithSummary("Your scheduling settings.");
        api.MapPut("/study/settings", PutSettings).WithSummary("Change your scheduling settings.");
        api.MapGet("/study/next", (ClaimsPrincipal user, StudyService study, CancellationToken ct) => study.NextAsync(user.UserId(), ct)).WithSummary("The next card to study.");
        api.MapPost("/study/reviews", Review).WithSummary("Answer a card. Idempotent on clientId; 409 when the card changed since it was shown.");
        api.MapPost("/study/undo", Undo).WithSummary("Take back your last answer.");
        api.MapPost("/study/check", Check).WithSummary("Grade an answer to a card's question (nothing is stored).");
        OptimizationJobs.MapOptimization(app);
        return app;
    }

    internal static async Task<Ok<List<DeckSummary>>> ListDecks(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var id = user.UserId();
        var decks = await db.Decks.AsNoTracking().Where(d => d.UserId == id).OrderBy(d => d.Title)
            .Select(d => new DeckSummary(d.Id, d.BankId, d.Title,
                db.Cards.Count(c => c.DeckId == d.Id), db.Cards.Count(c => c.DeckId == d.Id && c.Suspended), db.Cards.Count(c => c.DeckId == d.Id && c.Leech)))
            .ToListAsync(ct);
        return TypedResults.Ok(decks);
    }

    internal static async Task<Results<Ok<DeckSummary>, ValidationProblem, NotFound>> AddDeck(AddDeckRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var userId = user.UserId();
        var access = await db.Banks.ReadableAsync(request.BankId, userId, request.Key, ct);
        if (access is null)
        {
            return TypedResults.NotFound();
        }
        var bank = await db.Banks.AsNoTracking().Where(b => b.Id == access.Id).Select(b => new { b.Id, b.Title }).SingleAsync(ct);
        var questions = await db.Questions.AsNoTracking().Where(q => q.BankId == bank.Id).OrderBy(q => q.Position).ToListAsync(ct);
        var chosen = questions.Where(q => (request.Themes is not { Count: > 0 } themes || q.Themes.Any(themes.Contains))
            && (request.QuestionIds is not { Count: > 0 } ids || ids.Contains(q.Id))).ToList();
        if (chosen.Count == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["themes"] = ["No question of this bank matches the chosen themes and questions."] });
        }
        var (deck, _) = await AddToDeckAsync(db, userId, bank.Id, bank.Title, chosen.Select(q => q.Id), clock.GetUtcNow(), ct);
        var count = await db.Cards.CountAsync(c => c.DeckId == deck.Id, ct);
        return TypedResults.Ok(new DeckSummary(deck.Id, deck.BankId, deck.Title, count, 0, 0));
    }

    /// <summary>Adds questions of a bank to the user's deck of that bank (made if missing) as new cards, in the
    /// order given; questions already in the deck are left as they are. Returns the deck and how many were added.</summary>
    internal static async Task<(DeckEntity Deck, int Added)> AddToDeckAsync(AppDbContext db, string userId, string bankId, string bankTitle,
        IEnumerable<string> questionIds, DateTimeOffset now, CancellationToken ct)
    {
        var deck = await db.Decks.SingleOrDefaultAsync(d => d.UserId == userId && d.BankId == bankId, ct);
        if (deck is null)
        {
            deck = new DeckEntity { UserId = userId, BankId = bankId, Title = bankTitle, CreatedAtTicks = now.UtcTicks };
            db.Decks.Add(deck);
            await db.SaveChangesAsync(ct);
        }
        var existing = (await db.Cards.Where(c => c.DeckId == deck.Id).Select(c => c.QuestionId).ToListAsync(ct)).ToHashSet();
        var position = 0;
        foreach (var id in questionIds.Where(existing.Add))
        {
            db.Cards.Add(new CardEntity
            {
                UserId = userId, DeckId = deck.Id, BankId = bankId, QuestionId = id, State = CardState.New,
                DueTicks = now.UtcTicks, AddedAtTicks = now.UtcTicks + position++, // keeps the given order for new cards
            });
        }
        await db.SaveChangesAsync(ct);
        return (deck, position);
    }

    internal static async Task<Results<NoContent, NotFound>> DeleteDeck(long id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        var deck = await db.Decks.SingleOrDefaultAsync(d => d.Id == id && d.UserId == userId, ct);
        if (deck is null)
        {
            return TypedResults.NotFound();
        }
        db.Decks.Remove(deck);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> SetCard(long id, ClaimsPrincipal user, AppDbContext db, Action<CardEntity> change, CancellationToken ct)
    {
        var userId = user.UserId();
        var card = await db.Cards.SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, ct);
        if (card is null)
        {
            return TypedResults.NotFound();
        }
        change(card);
        card.Version++;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<SettingsDto>> GetSettings(ClaimsPrincipal user, StudyService study, CancellationToken ct)
    {
        var s = await study.SettingsAsync(user.UserId(), ct);
        return TypedResults.Ok(new SettingsDto(s.DesiredRetention, s.NewCardsPerDay, s.MaxReviewsPerDay, s.LearningSteps, s.RelearningSteps, s.TimeZone, s.DayStartHour));
    }

    internal static async Task<Results<Ok<SettingsDto>, ValidationProblem>> PutSettings(SettingsDto dto, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(string field, Action parse)
        {
            try
            {
                parse();
            }
            catch (Exception e) when (e is FormatException or TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                errors[field] = [e.Message];
            }
        }
        Check("learningSteps", () => StepList.Parse(dto.LearningSteps));
        Check("relearningSteps", () => StepList.Parse(dto.RelearningSteps));
        Check("timeZone", () => TimeZoneInfo.FindSystemTimeZoneById(dto.TimeZone));
        if (dto.DesiredRetention is < SchedulerOptions.MinRetention or > SchedulerOptions.MaxRetention)
        {
            errors["desiredRetention"] = [$"Must be between {SchedulerOptions.MinRetention} and {SchedulerOptions.MaxRetention}."];
        }
        if (dto.NewCardsPerDay is < 0 or > 9999)
        {
            errors["newCardsPerDay"] = ["Must be 0 to 9999."];
        }
        if (dto.MaxReviewsPerDay is < 0 or > 99999)
        {
            errors["maxReviewsPerDay"] = ["Must be 0 to 99999."];
        }
        if (dto.DayStartHour is < 0 or > 23)
        {
            errors["dayStartHour"] = ["Must be 0 to 23."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var userId = user.UserId();
        var settings = await db.StudySettings.SingleOrDefaultAsync(s => s.UserId == userId, ct);
        if (settings is null)
        {
            settings = new StudySettingsEntity { UserId = userId };
            db.StudySettings.Add(settings);
        }
        settings.DesiredRetention = dto.DesiredRetention;
        settings.NewCardsPerDay = dto.NewCardsPerDay;
        settings.MaxReviewsPerDay = dto.MaxReviewsPerDay;
        settings.LearningSteps = StepList.Format(StepList.Parse(dto.LearningSteps));
        settings.RelearningSteps = StepList.Format(StepList.Parse(dto.RelearningSteps));
        settings.TimeZone = dto.TimeZone;
        settings.DayStartHour = dto.DayStartHour;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(dto with { LearningSteps = settings.LearningSteps, RelearningSteps = settings.RelearningSteps });
    }

    internal static async Task<Results<Ok<ReviewResponse>, Conflict<ReviewResponse>, NotFound, ValidationProblem>> Review(
        ReviewRequest request, ClaimsPrincipal user, StudyService study, CancellationToken ct)
    {
        if (request.ClientId == Guid.Empty)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["clientId"] = ["Send a new random id with each answer."] });
        }
        try
        {
            return Http(await study.ReviewAsync(user.UserId(), request, ct));
        }
        catch (DbUpdateException)
        {
            // Two copies of one answer raced; the unique client id kept one. Answer as for a retry.
            return Http(await study.ReviewAsync(user.UserId(), request, ct));
        }
    }

    /// <summary>Every outcome of an answer as HTTP: stored or a retry 200, stale 409 (with the card as it is now),
    /// no such card 404, a bad rating 400 on its field.</summary>
    private static Results<Ok<ReviewResponse>, Conflict<ReviewResponse>, NotFound, ValidationProblem> Http(ReviewResult result) => result switch
    {
        ReviewResult.Accepted a => TypedResults.Ok(a.Card),
        ReviewResult.Duplicate d => TypedResults.Ok(d.Card),
        ReviewResult.Stale s => TypedResults.Conflict(s.Card),
        ReviewResult.NotFound => TypedResults.NotFound(),
        ReviewResult.BadRating => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["rating"] = ["A rating is 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)."] }),
        _ => throw new InvalidOperationException($"{result} has no answer"),
    };

    internal static async Task<Results<Ok<CheckResponse>, NotFound>> Check(CheckRequest request, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        var content = await db.Cards.Where(c => c.Id == request.CardId && c.UserId == userId)
            .Join(db.Questions, c => new { c.BankId, Id = c.QuestionId }, q => new { q.BankId, q.Id }, (c, q) => q.Content).SingleOrDefaultAsync(ct);
        if (content is null)
        {
            return TypedResults.NotFound();
        }
        var question = Steppe.Domain.Banks.BankReader.ReadQuestion(content)!;
        var correct = Steppe.Domain.Banks.Grading.IsCorrect(question, new Steppe.Domain.Banks.GivenAnswer(request.Text, request.Choice, request.Order));
        return TypedResults.Ok(new CheckResponse(correct, question.AnswerText));
    }

    internal static async Task<Results<Ok<ReviewResponse>, NotFound>> Undo(ClaimsPrincipal user, StudyService study, CancellationToken ct) =>
        await study.UndoAsync(user.UserId(), ct) is { } response ? TypedResults.Ok(response) : TypedResults.NotFound();
}
