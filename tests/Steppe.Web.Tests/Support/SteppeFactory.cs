using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Steppe.Web.Tests.Support;

/// <summary>The real app on a real SQLite file, with its own bank folder, database and fake clock, and its
/// logs collected so tests can read what it said.</summary>
public sealed class SteppeFactory(TestFolder folder) : WebApplicationFactory<Program>
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    public FakeLogCollector Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Banks:Directory", folder.Banks);
        builder.UseSetting("ConnectionStrings:Steppe", $"Data Source={folder.Database}");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(Logs)));
        });
    }
}

/// <summary>A temporary folder with a bank folder and a database path, deleted at the end.</summary>
public sealed class TestFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("steppe-web-").FullName;
    public string Banks => Path.Combine(Root, "banks");
    public string Database => Path.Combine(Root, "steppe.db");

    public TestFolder() => Directory.CreateDirectory(Banks);

    public string WriteBank(string file, string json)
    {
        var path = Path.Combine(Banks, file);
        File.WriteAllText(path, json);
        return path;
    }

    public string CopyRepoBank(string file) => WriteBank(file, File.ReadAllText(Repo.File("question-bank", file)));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}

public static class BankJson
{
    public static string Minimal(string id, string title, params string[] questionIds) =>
        $$"""
        {
          "format": 1,
          "id": "{{id}}",
          "title": "{{title}}",
          "questions": [
            {{string.Join(",\n    ", questionIds.Select(q => $$"""{ "id": "{{q}}", "type": "short-answer", "prompt": "What is {{q}}?", "answer": "{{q}}" }"""))}}
          ]
        }
        """;
}
