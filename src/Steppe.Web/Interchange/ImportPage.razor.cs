using Microsoft.AspNetCore.Http.HttpResults;

namespace Steppe.Web.Interchange;

/// <summary>The import page (<c>/banks/import</c>): a file or pasted text from another tool, previewed through
/// <c>POST /api/import/preview</c>, then saved as a new private bank or opened in the editor.</summary>
public sealed partial class ImportPage
{
    internal static RazorComponentResult<ImportPage> Render() => new();
}
