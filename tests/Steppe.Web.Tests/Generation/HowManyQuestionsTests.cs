using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Steppe.Domain.Banks;
using Steppe.Domain.Generation;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Generation;

/// <summary>POST /api/generate's <c>max</c>, <c>all</c> and <c>report</c>: how many questions a teacher asks for,
/// and what the generator says it found and left out.</summary>
public sealed class HowManyQuestionsTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly SteppeFactory _app;

    // An article the generator finds plenty in (several questions at the default budget of 10).
    private static readonly string Article = File.ReadAllText(Repo.File("tests", "Steppe.Domain.Tests", "Generation", "Articles", "printing-press.txt"));

    public HowManyQuestionsTests() => _app = new SteppeFactory(_folder);

    public void Dispose()
    {
        _app.Dispose();
        _folder.Dispose();
    }

    private async Task<HttpClient> SignedIn()
    {
        var client = _app.CreateClient();
        await client.SignUpAsync();
        return client;
    }

    private static async Task<QuestionBank> Bank(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var read = BankReader.Read(await response.Content.ReadAsByteArrayAsync());
        read.Problems.Should().BeEmpty();
        return read.Bank!;
    }

    [Fact]
    public async Task Max_limits_the_bank_to_that_many_questions()
    {
        var client = await SignedIn();
        var byDefault = await Bank(await client.PostAsJsonAsync("/api/generate", new { text = Article }));
        byDefault.Questions.Should().HaveCountGreaterThan(2, "the test needs an article that gives more than max");

        var two = await Bank(await client.PostAsJsonAsync("/api/generate", new { text = Article, max = 2 }));

        two.Questions.Should().HaveCount(2);
    }

    [Fact]
    public async Task All_gives_at_least_the_questions_of_the_default_budget()
    {
        var client = await SignedIn();
        var byDefault = await Bank(await client.PostAsJsonAsync("/api/generate", new { text = Article }));

        var all = await Bank(await client.PostAsJsonAsync("/api/generate", new { text = Article, all = true }));

        all.Questions.Should().HaveCountGreaterThanOrEqualTo(byDefault.Questions.Count);
        all.Questions.Select(q => q.Id).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData(0, null, "max", "must be from 1 to 1,000, not 0")] // no bank has no questions
    [InlineData(-3, null, "max", "must be from 1 to 1,000, not -3")]
    [InlineData(1001, null, "max", "must be from 1 to 1,000, not 1001")] // all is the way to ask for everything
    [InlineData(5, true, "max", "max and all cannot be used together")] // either may be the one to drop: both are named
    [InlineData(5, true, "all", "max and all cannot be used together")]
    public async Task A_count_that_cannot_be_met_is_a_validation_problem_naming_the_field(int max, bool? all, string field, string message)
    {
        var client = await SignedIn();

        var response = await client.PostAsJsonAsync("/api/generate", new { text = Article, max, all });
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        problem!.Errors[field].Should().ContainSingle().Which.Should().Contain(message);
        problem.Errors.Keys.Should().BeSubsetOf(["max", "all"], "nothing else in the request is wrong");
    }

    [Fact]
    public async Task Max_with_all_false_is_just_max()
    {
        var client = await SignedIn();

        var bank = await Bank(await client.PostAsJsonAsync("/api/generate", new { text = Article, max = 1, all = false }));

        bank.Questions.Should().ContainSingle();
    }

    [Fact]
    public async Task A_report_comes_next_to_the_bank_when_asked_for_and_the_bank_is_the_same()
    {
        var client = await SignedIn();
        var plain = await client.PostAsJsonAsync("/api/generate", new { text = Article });

        var response = await client.PostAsJsonAsync("/api/generate", new { text = Article, report = true });
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var bank = BankReader.Read(System.Text.Encoding.UTF8.GetBytes(json.RootElement.GetProperty("bank").GetRawText()));
        var report = json.RootElement.GetProperty("report");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        json.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("bank", "report");
        bank.Problems.Should().BeEmpty();
        BankWriter.ToUtf8(bank.Bank!).Should().Equal(await plain.Content.ReadAsByteArrayAsync(), "the bank is the one the answer without a report holds");
        var count = bank.Bank!.Questions.Count;
        report.GetProperty("questions").GetInt32().Should().Be(count);
        report.GetProperty("budget").GetInt32().Should().Be(BankGenerator.DefaultBudget(Article));
        report.GetProperty("defaultBudget").GetInt32().Should().Be(BankGenerator.DefaultBudget(Article));
        report.GetProperty("all").GetBoolean().Should().BeFalse();
        report.GetProperty("candidates").GetInt32().Should().BeGreaterThanOrEqualTo(count);
        report.GetProperty("questionsByForm").EnumerateObject().Sum(p => p.Value.GetInt32()).Should().Be(count);
        report.GetProperty("questionsByTheme").EnumerateObject().Sum(p => p.Value.GetInt32()).Should().Be(count);
        var filtered = report.GetProperty("filtered").EnumerateObject().ToList();
        filtered.Should().NotBeEmpty("every article has sentences that give no question")
            .And.OnlyContain(p => p.Name.Length > 0 && p.Value.GetInt32() > 0);
        report.GetProperty("warnings").ValueKind.Should().Be(JsonValueKind.Array);
    }

    [Fact]
    public async Task The_report_with_max_says_the_budget_that_was_asked_for()
    {
        var client = await SignedIn();

        var response = await client.PostAsJsonAsync("/api/generate", new { text = Article, max = 3, report = true });
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());

        json.RootElement.GetProperty("report").GetProperty("budget").GetInt32().Should().Be(3);
        json.RootElement.GetProperty("bank").GetProperty("questions").GetArrayLength().Should().BeLessThanOrEqualTo(3);
    }

    [Fact]
    public async Task The_openapi_document_lists_max_all_and_report()
    {
        using var doc = JsonDocument.Parse(await _app.CreateClient().GetStringAsync("/openapi/v1.json"));

        var properties = doc.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("GenerateRequest").GetProperty("properties");

        properties.EnumerateObject().Select(p => p.Name).Should().Contain(["text", "max", "all", "report"]);
        doc.RootElement.GetProperty("paths").GetProperty("/api/generate").GetProperty("post").GetProperty("description").GetString()
            .Should().Contain("max").And.Contain("all").And.Contain("report");
    }
}
