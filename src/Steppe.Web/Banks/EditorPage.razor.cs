using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Steppe.Web.Accounts;
using Steppe.Web.Data;

namespace Steppe.Web.Banks;

/// <summary>The bank editor: a form view and a JSON view of one bank, saved whole through the bank API. A new bank
/// at <c>/banks/new</c>; the author's own at <c>/banks/{id}/edit</c> (a sample or another author's bank goes to
/// its page, where it can be copied; a bank the user cannot read is a 404).</summary>
public sealed partial class EditorPage
{
    [Parameter] public string? BankId { get; set; }
    [Parameter] public string? BankTitle { get; set; }
    [Parameter] public int Version { get; set; }

    /// <summary>The content-security-policy nonce for the JSON view's style element.</summary>
    [Parameter] public string StyleNonce { get; set; } = "";

    internal static async Task<IResult> Render(
        string? id, HttpContext http, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var nonce = Hosting.SecurityHeaders.StyleNonce(http);
        if (id is null)
        {
            return new RazorComponentResult<EditorPage>(new { StyleNonce = nonce });
        }
        var me = user.UserIdOrNull();
        var row = await db.Banks.ReadableAsync(id, me, key: null, ct);
        if (row is null)
        {
            return Hosting.NotFoundPage.Result();
        }
        if (!BankAccess.IsOwner(row, me))
        {
            return TypedResults.Redirect($"/banks/{Uri.EscapeDataString(id)}");
        }
        var bank = (await BanksApi.Summaries(db.Banks.Where(b => b.Id == id), me, ct)).Single();
        return new RazorComponentResult<EditorPage>(new { BankId = id, BankTitle = bank.Title, bank.Version, StyleNonce = nonce });
    }
}
