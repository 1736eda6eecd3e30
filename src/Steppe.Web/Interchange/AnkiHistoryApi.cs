using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Steppe.Domain.Scheduling;
using Steppe.Web.Accounts;
using Steppe.Web.Banks;
using Steppe.Web.Data;
using Steppe.Web.Hosting;
using Steppe.Web.Study;

namespace Steppe.Web.Interchange;

/// <summary>What bringing Anki's review history did: answers stored, cards they moved, and what was passed over.</summary>
public sealed record HistoryImported(int Reviews, int Cards, int AlreadyThere, int NotAnswers, int OtherCards);

/// <summary>Brings a learner's Anki review history into their own log, for the cards of a bank imported from the
/// same package: each answer of Anki's <c>revlog</c> becomes a review (<c>id</c> → the time, <c>ease</c> 1–4 → the
/// rating, <c>time</c> → the duration, <c>type</c> → the state before: 0 learning, 1 and 3 review, 2 relearning, the
/// first answer of a card from new); manual changes and reschedulings (<c>ease</c> 0, <c>type</c> 4–5) are not
/// answers and are passed over. Anki's intervals and ease factors are not copied: each card's schedule is replayed
/// by FSRS from its log, and the optimizer can fit the learner's parameters to it. Importing again adds nothing twice.</summary>
public static class AnkiHistoryApi
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/import/anki-history", Import)
            .RequireAuthorization()
            .WithTags("Study")
            .WithName("ImportAnkiHistory")
            .WithSummary("The caller's Anki review history (the body: the same .apkg or .colpkg the bank ?bank= was imported from) added to their deck of that bank: a review per answer, each card's schedule replayed from its log.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AddEndpointFilter<SameOriginFilter>()
            .RequireRateLimiting(InterchangeApi.ImportRate)
            .WithMetadata(new RequestSizeLimitAttribute(InterchangeApi.MostPackageBytes + 1));

    internal static async Task<Results<Ok<HistoryImported>, ProblemHttpResult>> Import(
        string? bank, HttpRequest request, ClaimsPrincipal user, AppDbContext db, StudyService study, WriteGate writes, TimeProvider clock, CancellationToken ct)
    {
        var me = user.UserId();
        var row = await db.Banks.ReadableAsync(bank, me, key: null, ct);
        if (row is null)
        {
            return BanksApi.NoSuchBank(bank ?? "");
        }
        var (bytes, tooLarge) = await BanksApi.ReadBodyAsync(request, ct, InterchangeApi.MostPackageBytes, "An Anki package");
        if (bytes is null)
        {
            return tooLarge!;
        }
        IReadOnlyList<AnkiReview> history;
        try
        {
            history = AnkiPackage.ReadHistory(new MemoryStream(bytes, writable: false));
        }
        catch (ImportFileException e)
        {
            return BanksApi.Refusal(new BankSaveResult.Invalid(new() { ["body"] = [$"The file {e.Message}."] }, "The history cannot be imported"));
        }
        var answers = history.Where(r => r.Ease is >= 1 and <= 4 && r.Type is >= 0 and <= 3).ToList();
        var inBank = (await db.Questions.AsNoTracking().Where(q => q.BankId == row.Id).Select(q => q.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var mine = answers.Where(r => inBank.Contains(r.QuestionId)).ToList();
        if (mine.Count == 0)
        {
            return TypedResults.Ok(new HistoryImported(0, 0, 0, history.Count - answers.Count, answers.Count));
        }
        var title = await db.Banks.Where(b => b.Id == row.Id).Select(b => b.Title).SingleAsync(ct);

        using var turn = await writes.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct); // the deck, its cards and the log: all or nothing
        var (deck, _) = await StudyApi.AddToDeckAsync(db, me, row.Id, title, mine.Select(r => r.QuestionId).Distinct(), clock.GetUtcNow(), ct);
        var cards = await db.Cards.Where(c => c.DeckId == deck.Id).ToDictionaryAsync(c => c.QuestionId, ct);
        var known = (await db.Reviews.Where(r => r.UserId == me).Select(r => r.ClientId).ToListAsync(ct)).ToHashSet();
        var (added, already, touched) = (0, 0, new HashSet<CardEntity>());
        foreach (var group in mine.GroupBy(r => r.QuestionId))
        {
            var card = cards[group.Key];
            var first = true;
            foreach (var r in group)
            {
                var clientId = ClientId(me, row.Id, r);
                if (!known.Add(clientId))
                {
                    already++;
                    first = false;
                    continue;
                }
                db.Reviews.Add(new ReviewEntity
                {
                    UserId = me, CardId = card.Id, ClientId = clientId, Rating = (Rating)r.Ease,
                    ReviewedAtTicks = DateTimeOffset.FromUnixTimeMilliseconds(r.At).UtcTicks,
                    DurationMs = r.TimeMs is > 0 and <= 3_600_000 ? (int)r.TimeMs : null,
                    StateBefore = first ? CardState.New : r.Type switch { 0 => CardState.Learning, 2 => CardState.Relearning, _ => CardState.Review },
                });
                first = false;
                added++;
                touched.Add(card);
                card.AddedAtTicks = Math.Min(card.AddedAtTicks, DateTimeOffset.FromUnixTimeMilliseconds(r.At).UtcTicks - 1);
            }
        }
        await db.SaveChangesAsync(ct);
        var settings = await study.SettingsAsync(me, ct);
        foreach (var card in touched)
        {
            await study.ReplayAsync(card, settings, ct);
            card.Version++;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new HistoryImported(added, touched.Count, already, history.Count - answers.Count, answers.Count - mine.Count));
    }

    /// <summary>The same Anki answer into the same bank always gets the same id, so that importing twice stores it once.</summary>
    private static Guid ClientId(string user, string bank, AnkiReview review) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"anki-revlog:{user}:{bank}:{review.QuestionId}:{review.At}"))[..16]);
}
