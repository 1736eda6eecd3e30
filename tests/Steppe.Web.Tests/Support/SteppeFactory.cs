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

    /// <summary>Extra settings for one test.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Banks:Directory", folder.Banks);
        builder.UseSetting("ConnectionStrings:Steppe", $"Data Source={folder.Database}");
        // Fast password hashing in tests; the production default (210,000) is checked on its own.
        builder.UseSetting("Accounts:PasswordIterations", "1000");
        // Tests make many accounts from one address; the sign-up limit's default is checked on its own.
        builder.UseSetting("Accounts:SignUpsPerHour", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
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

    /// <summary>The environment for a real server process (<see cref="AppProcess"/>) on this folder's database,
    /// with cheap password hashing, plus any further settings.</summary>
    public Dictionary<string, string> AppEnvironment(params (string Key, string Value)[] more)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Steppe"] = $"Data Source={Database}",
            ["Accounts__PasswordIterations"] = "1000",
            ["Accounts__SignUpsPerHour"] = "100000",
        };
        foreach (var (key, value) in more)
        {
            environment[key] = value;
        }
        return environment;
    }

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

public static class Accounts
{
    public const string Password = "violet tangerine ladder";

    /// <summary>A client of the app signed in as a new user.</summary>
    public static async Task<HttpClient> SignedUpClientAsync(this SteppeFactory app)
    {
        var client = app.CreateClient();
        await client.SignUpAsync();
        return client;
    }

    /// <summary>Signs up (and so in) a new user on this client, whose cookie then rides along.</summary>
    public static async Task<string> SignUpAsync(this HttpClient client, string? email = null)
    {
        email ??= $"learner-{Guid.NewGuid():N}@example.org";
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/account/signup", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        return email;
    }
}

public static class BankJson
{
    /// <summary>A valid bank of <paramref name="questions"/> short-answer questions, for quotas and large banks.</summary>
    public static string Large(string id, int questions, int promptLength = 1)
    {
        var json = new System.Text.StringBuilder($$"""{"format":1,"id":"{{id}}","title":"Bank {{id}}","questions":[""");
        for (var i = 0; i < questions; i++)
        {
            json.Append(i == 0 ? "" : ",").Append($$"""{"id":"q{{i}}","type":"short-answer","prompt":"Q{{i}} {{new string('x', promptLength)}}?","answer":"a"}""");
        }
        return json.Append("]}").ToString();
    }

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
