using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Steppe.Web.Accounts;
using Steppe.Web.Data;

namespace Steppe.Web.Banks;

/// <summary>The home page: the three things Steppe is for (study, host, join), the visitor's own banks, the banks
/// shared with everyone and the samples a page at a time, and the generator's form. Lists are read from the banks'
/// summary columns, never a bank's content, so that their cost does not grow with the size of the banks.</summary>
public sealed partial class HomePage
{
    public const int BanksPerPage = 20;

    /// <summary>The most of a user's own banks shown (the quota allows 50 by default).</summary>
    public const int MostOwnShown = 200;

    [Parameter] public IReadOnlyList<BankSummary> Mine { get; set; } = [];
    [Parameter] public IReadOnlyList<BankSummary> Banks { get; set; } = [];
    [Parameter] public int BankCount { get; set; }
    [Parameter] public int QuestionCount { get; set; }
    [Parameter] public Paging Paging { get; set; } = new(1, 1, "/");
    [Parameter] public IReadOnlyList<SkippedBankFile> Skipped { get; set; } = [];
    [Parameter] public string? SignedInAs { get; set; }

    internal static async Task<RazorComponentResult<HomePage>> Render(
        int? page, AppDbContext db, BankLoader loader, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserIdOrNull();
        // Shared: the samples and the public banks of other authors; a user's own banks are listed above them.
        var shared = db.Banks.AsNoTracking().Where(b => b.SourceFile != null || (b.Visibility == BankVisibility.Public && (me == null || b.OwnerId != me)));
        var totals = await shared.GroupBy(_ => 1).Select(g => new { Banks = g.Count(), Questions = g.Sum(b => b.QuestionCount) }).SingleOrDefaultAsync(ct);
        var paging = Paging.Of(page, totals?.Banks ?? 0, BanksPerPage, "/");
        var banks = await BanksApi.Summaries(shared.OrderBy(b => b.Title).ThenBy(b => b.Id).Skip(paging.Skip(BanksPerPage)).Take(BanksPerPage), me, ct);
        var mine = me is null ? [] : await BanksApi.Summaries(
            db.Banks.AsNoTracking().Where(b => b.OwnerId == me && b.SourceFile == null).OrderByDescending(b => b.UpdatedAt).Take(MostOwnShown), me, ct);
        return new RazorComponentResult<HomePage>(new
        {
            Mine = mine, Banks = banks, BankCount = totals?.Banks ?? 0, QuestionCount = totals?.Questions ?? 0, Paging = paging,
            loader.LastReport.Skipped, SignedInAs = user.Identity?.IsAuthenticated == true ? user.Identity.Name : null,
        });
    }

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n:N0} {many}";
}

/// <summary>Which page of a long list is shown (from 1), and the links to the others.</summary>
public sealed record Paging(int Page, int Pages, string Address, string? Key = null)
{
    /// <param name="key">A share key the reader came with, kept in every page's link.</param>
    public static Paging Of(int? asked, int items, int perPage, string address, string? key = null)
    {
        var pages = Math.Max(1, (items + perPage - 1) / perPage);
        return new Paging(Math.Clamp(asked ?? 1, 1, pages), pages, address, key);
    }

    public int Skip(int perPage) => (Page - 1) * perPage;

    public string Link(int page)
    {
        var query = new List<string>();
        if (page != 1)
        {
            query.Add($"page={page}");
        }
        if (Key is not null)
        {
            query.Add($"key={Uri.EscapeDataString(Key)}");
        }
        return query.Count == 0 ? Address : $"{Address}?{string.Join('&', query)}";
    }
}
