using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Steppe.Domain.Banks;
using Steppe.Web.Data;

namespace Steppe.Web.Banks;

public sealed partial class HomePage
{
    [Parameter] public IReadOnlyList<QuestionBank> Banks { get; set; } = [];
    [Parameter] public IReadOnlyList<SkippedBankFile> Skipped { get; set; } = [];
    [Parameter] public string? SignedInAs { get; set; }

    internal static async Task<RazorComponentResult<HomePage>> Render(AppDbContext db, BankLoader loader, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var contents = await db.Banks.AsNoTracking().OrderBy(b => b.Title).ThenBy(b => b.Id).Select(b => b.Content).ToListAsync(ct);
        var banks = contents.Select(c => BankReader.Read(c).Bank).OfType<QuestionBank>().ToList();
        return new RazorComponentResult<HomePage>(new { Banks = banks, Skipped = loader.LastReport.Skipped, SignedInAs = user.Identity?.IsAuthenticated == true ? user.Identity.Name : null });
    }

    private static string TypeLabel(QuestionType type) => type switch
    {
        QuestionType.MultipleChoice => "Multiple choice",
        QuestionType.TrueFalse => "True or false",
        QuestionType.Cloze => "Fill the blank",
        QuestionType.ShortAnswer => "Short answer",
        QuestionType.Numeric => "Number",
        _ => "Ordering",
    };

    private static string ThemeTitle(QuestionBank bank, string id) => bank.Themes?.FirstOrDefault(t => t.Id == id)?.Title ?? id;

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";
}
