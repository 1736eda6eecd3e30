using System.Net.Http.Json;
using Steppe.Web.Banks;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Hosting;

/// <summary>The real process reads the repository-root appsettings.json, which environment variables
/// override, which the command line overrides. Shown with the Banks:Directory setting, whose effect
/// (which banks load) can be seen from outside.</summary>
public sealed class SettingsOrderTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<List<string>> BankIdsServed(Dictionary<string, string> environment, params string[] args)
    {
        environment["ConnectionStrings__Steppe"] = $"Data Source={Path.Combine(_folder.Root, Guid.NewGuid().ToString("N") + ".db")}";
        // Started from a folder outside the repository: the app still finds the repository root.
        await using var app = await AppProcess.StartAsync(_folder.Root, environment, args);
        var banks = await app.CreateClient().GetFromJsonAsync<List<BankSummary>>("/api/banks");
        return banks!.Select(b => b.Id).ToList();
    }

    private string BankFolder(string name, string bankId)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_folder.Root, name)).FullName;
        File.WriteAllText(Path.Combine(dir, "bank.json"), BankJson.Minimal(bankId, bankId, "q"));
        return dir;
    }

    [Fact]
    public async Task The_repository_appsettings_then_environment_then_command_line_win_in_that_order()
    {
        var fromEnvironment = BankFolder("env", "from-environment");
        var fromCommandLine = BankFolder("cli", "from-command-line");

        var fileOnly = await BankIdsServed([]);
        var environment = await BankIdsServed(new() { ["Banks__Directory"] = fromEnvironment });
        var commandLine = await BankIdsServed(new() { ["Banks__Directory"] = fromEnvironment }, $"--Banks:Directory={fromCommandLine}");

        fileOnly.Should().Contain("sino-kazakh-relations-starter", "appsettings.json at the repository root names question-bank/");
        environment.Should().Equal("from-environment");
        commandLine.Should().Equal("from-command-line");
    }
}
