using Microsoft.EntityFrameworkCore;
using Steppe.Domain.Banks;
using Steppe.Domain.Scheduling;
using Steppe.Web.Data;

namespace Steppe.Web.Banks;

/// <summary>What a new version of a bank does to every learner's cards of it, in the caller's transaction: a
/// question kept keeps its cards' progress; a changed answer sends its studied cards back to relearning, due
/// now, marked so that the study page says why; a removed question's cards are suspended with their history
/// kept, and come back if the question does. Each changed card's version moves on, so an answer to the card as
/// it was shown before is refused as stale.</summary>
internal static class DeckRevisions
{
    public static async Task ApplyAsync(AppDbContext db, string bankId, BankRevision revision, DateTimeOffset now, CancellationToken ct)
    {
        var cards = db.Cards.Where(c => c.BankId == bankId);
        if (revision.Removed is { Count: > 0 } removed)
        {
            await cards.Where(c => removed.Contains(c.QuestionId)).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.QuestionRemoved, true).SetProperty(c => c.Suspended, true).SetProperty(c => c.Version, c => c.Version + 1), ct);
        }
        if (revision.Added is { Count: > 0 } added)
        {
            await cards.Where(c => c.QuestionRemoved && added.Contains(c.QuestionId)).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.QuestionRemoved, false).SetProperty(c => c.Suspended, false).SetProperty(c => c.Version, c => c.Version + 1), ct);
        }
        if (revision.AnswerChanged is { Count: > 0 } changed)
        {
            await cards.Where(c => c.State != CardState.New && changed.Contains(c.QuestionId)).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.State, c => c.State == CardState.Learning ? CardState.Learning : CardState.Relearning)
                .SetProperty(c => c.Step, 0)
                .SetProperty(c => c.DueTicks, now.UtcTicks)
                .SetProperty(c => c.AnswerChangedAtTicks, now.UtcTicks)
                .SetProperty(c => c.Version, c => c.Version + 1), ct);
        }
    }

    /// <summary>The bank is gone: every card of it is put aside as if its question had been removed.</summary>
    public static Task<int> BankDeletedAsync(AppDbContext db, string bankId, CancellationToken ct) =>
        db.Cards.Where(c => c.BankId == bankId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.QuestionRemoved, true).SetProperty(c => c.Suspended, true).SetProperty(c => c.Version, c => c.Version + 1), ct);
}
