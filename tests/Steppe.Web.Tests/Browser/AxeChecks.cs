using Microsoft.Playwright;

namespace Steppe.Web.Tests.Browser;

/// <summary>Runs axe-core (committed in Browser/axe) on a page: no serious or critical violation.</summary>
public static class AxeChecks
{
    public static async Task NoSeriousProblems(IPage page, string what)
    {
        // Evaluated through the debugging protocol, which the pages' content security policy does not govern (a
        // <script> tag of its text would be an inline script, refused).
        await page.EvaluateAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Browser", "axe", "axe.min.js")));
        var problems = await page.EvaluateAsync<string[]>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        problems.Should().BeEmpty($"axe-core finds no serious or critical problem on the {what} page");
    }
}
