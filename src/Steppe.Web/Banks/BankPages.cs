using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Steppe.Domain.Banks;
using System.Security.Claims;
using Steppe.Web.Accounts;
using Steppe.Web.Data;

namespace Steppe.Web.Banks;

/// <summary>A bank's own page: its questions a page at a time, read row by row from the questions table, so that
/// a bank of any size costs one page of questions to show.</summary>
public static class BankPages
{
    public const int QuestionsPerPage = 50;

    /// <summary>The page, for whoever may read the bank (<see cref="BankAccess"/>); a 404 for anyone else, as for an
    /// id that does not exist.</summary>
    internal static async Task<IResult> Render(
        string id, int? page, string? key, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var me = user.UserIdOrNull();
        var access = await db.Banks.ReadableAsync(id, me, key, ct);
        if (access is null)
        {
            return Hosting.NotFoundPage.Result();
        }
        var bank = (await BanksApi.Summaries(db.Banks.AsNoTracking().Where(b => b.Id == id), me, ct)).Single();
        var paging = Paging.Of(page, bank.QuestionCount, QuestionsPerPage, $"/banks/{Uri.EscapeDataString(id)}", key);
        var rows = await db.Questions.AsNoTracking().Where(q => q.BankId == id).OrderBy(q => q.Position)
            .Skip(paging.Skip(QuestionsPerPage)).Take(QuestionsPerPage).Select(q => q.Content).ToListAsync(ct);
        var questions = rows.Select(BankReader.ReadQuestion).OfType<Question>().ToList();
        return new RazorComponentResult<BankPage>(new
        {
            Bank = bank, Questions = questions, Paging = paging, First = paging.Skip(QuestionsPerPage),
            SignedIn = me is not null, ShareLink = bank.Mine ? BankSharingApi.LinkOf(id, access.ShareKey) : null,
            Key = access.Visibility == BankVisibility.Link && !bank.Mine ? key : null,
        });
    }
}
