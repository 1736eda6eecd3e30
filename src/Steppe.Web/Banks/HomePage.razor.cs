using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Steppe.Web.Data;

namespace Steppe.Web.Banks;

/// <summary>The home page: one page of the bank list, read from the banks' summary columns (never a bank's
/// content, so that its cost does not grow with the size of the banks), the files skipped at start, and the
/// generator's form.</summary>
public sealed partial class HomePage
{
    public const int BanksPerPage = 20;

    [Parameter] public IReadOnlyList<BankSummary> Banks { get; set; } = [];
    [Parameter] public int BankCount { get; set; }
    [Parameter] public int QuestionCount { get; set; }
    [Parameter] public Paging Paging { get; set; } = new(1, 1, "/");
    [Parameter] public IReadOnlyList<SkippedBankFile> Skipped { get; set; } = [];
    [Parameter] public string? SignedInAs { get; set; }

    internal static async Task<RazorComponentResult<HomePage>> Render(
        int? page, AppDbContext db, BankLoader loader, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var totals = await db.Banks.GroupBy(_ => 1).Select(g => new { Banks = g.Count(), Questions = g.Sum(b => b.QuestionCount) }).SingleOrDefaultAsync(ct);
        var paging = Paging.Of(page, totals?.Banks ?? 0, BanksPerPage, "/");
        var banks = await BanksApi.Summaries(db.Banks.AsNoTracking().OrderBy(b => b.Title).ThenBy(b => b.Id).Skip(paging.Skip(BanksPerPage)).Take(BanksPerPage), ct);
        return new RazorComponentResult<HomePage>(new
        {
            Banks = banks, BankCount = totals?.Banks ?? 0, QuestionCount = totals?.Questions ?? 0, Paging = paging,
            loader.LastReport.Skipped, SignedInAs = user.Identity?.IsAuthenticated == true ? user.Identity.Name : null,
        });
    }

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n:N0} {many}";
}

/// <summary>Which page of a long list is shown (from 1), and the links to the others.</summary>
public sealed record Paging(int Page, int Pages, string Address)
{
    public static Paging Of(int? asked, int items, int perPage, string address)
    {
        var pages = Math.Max(1, (items + perPage - 1) / perPage);
        return new Paging(Math.Clamp(asked ?? 1, 1, pages), pages, address);
    }

    public int Skip(int perPage) => (Page - 1) * perPage;

    public string Link(int page) => page == 1 ? Address : $"{Address}?page={page}";
}
