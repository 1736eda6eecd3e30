using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Steppe.Domain.Banks;
using Steppe.Domain.Generation;
using Steppe.Web.Banks;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Generation;

public sealed class GenerationApiTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly SteppeFactory _app;
    private static readonly string Article = File.ReadAllText(Repo.File("question-bank", "articles", "sino-kazakh-relations.txt"));

    public GenerationApiTests() => _app = new SteppeFactory(_folder);

    public void Dispose()
    {
        _app.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task An_article_gives_a_bank_in_the_v1_format_and_saves_nothing()
    {
        var client = _app.CreateClient();
        await client.SignUpAsync();

        var response = await client.PostAsJsonAsync("/api/generate", new { title = "Sino-Kazakh relations", text = Article });
        var bank = BankReader.Read(await response.Content.ReadAsByteArrayAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        bank.Problems.Should().BeEmpty();
        bank.Bank!.Title.Should().Be("Sino-Kazakh relations");
        // The generator prefers fewer, good questions: how many is its business, but never none, never over the
        // default budget, and every one says which sentence it rests on.
        bank.Bank.Questions.Should().NotBeEmpty()
            .And.HaveCountLessThanOrEqualTo(BankGenerator.DefaultBudget(Article))
            .And.OnlyContain(q => q.Source != null && !string.IsNullOrWhiteSpace(q.Source.Text));
        (await client.GetFromJsonAsync<List<BankSummary>>("/api/banks")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("", "the article is empty")]
    [InlineData("Жил-был кот. Он любил молоко и спал на печке весь день, а ночью гулял по крыше и пел песни луне, пока все спали.", "does not look like English")]
    public async Task Text_that_cannot_give_questions_is_a_validation_problem_on_text(string text, string message)
    {
        var client = _app.CreateClient();
        await client.SignUpAsync();
        var response = await client.PostAsJsonAsync("/api/generate", new { text });
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        problem!.Errors["text"].Should().ContainSingle().Which.Should().Contain(message);
    }

    [Fact]
    public async Task More_than_a_megabyte_of_text_is_413()
    {
        var client = _app.CreateClient();
        await client.SignUpAsync();
        var response = await client.PostAsJsonAsync("/api/generate", new { text = new string('a', 1_000_001) });

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_generated_bank_can_be_saved_and_is_then_served_exactly()
    {
        var client = _app.CreateClient();
        await client.SignUpAsync();
        var generated = await (await client.PostAsJsonAsync("/api/generate", new { text = Article, id = "saved-from-form" })).Content.ReadAsByteArrayAsync();

        var saved = await client.PostAsync("/api/banks", new ByteArrayContent(generated) { Headers = { ContentType = new("application/json") } });

        saved.StatusCode.Should().Be(HttpStatusCode.Created);
        saved.Headers.Location!.ToString().Should().Be("/api/banks/saved-from-form");
        (await client.GetByteArrayAsync("/api/banks/saved-from-form")).Should().Equal(generated);
        (await client.GetStringAsync("/")).Should().Contain("id=\"bank-saved-from-form\"");
    }

    [Fact]
    public async Task An_invalid_bank_is_refused_whole_with_every_problem_by_path()
    {
        var json = """{ "format": 1, "id": "bad", "title": "Bad", "questions": [{ "id": "q", "type": "multiple-choice", "prompt": "Which?", "choices": ["a"], "answer": "z" }] }""";
        var client = _app.CreateClient();
        await client.SignUpAsync();

        var response = await client.PostAsync("/api/banks", new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        problem!.Errors.Keys.Should().BeEquivalentTo("$.questions[0].choices", "$.questions[0].answer");
        problem.Errors["$.questions[0].answer"].Should().Equal("must equal one of choices (line 1, column 147)");
        (await _app.CreateClient().GetAsync("/api/banks/bad")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bank_with_the_id_of_a_sample_is_saved_under_the_next_free_id_and_the_authors_own_id_again_is_409()
    {
        _folder.WriteBank("small.json", BankJson.Minimal("taken", "Taken", "a"));
        var client = _app.CreateClient();
        await client.SignUpAsync();
        var first = await client.PostAsync("/api/banks", new StringContent(BankJson.Minimal("taken", "Another", "b"), Encoding.UTF8, "application/json"));
        var again = await client.PostAsync("/api/banks", new StringContent(BankJson.Minimal("taken-2", "Another", "b"), Encoding.UTF8, "application/json"));

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        (await first.Content.ReadFromJsonAsync<BankSaved>())!.Bank.Id.Should().Be("taken-2");
        (await _app.CreateClient().GetStringAsync("/api/banks/taken")).Should().Contain("Taken", "the sample is untouched");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_bank_over_five_megabytes_is_413()
    {
        var client = _app.CreateClient();
        await client.SignUpAsync();
        var response = await client.PostAsync("/api/banks", new ByteArrayContent(new byte[5 * 1024 * 1024 + 1]));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Saving_a_bank_needs_a_signed_in_user()
    {
        var response = await _app.CreateClient().PostAsync("/api/banks", new StringContent(BankJson.Minimal("anon", "Anon", "a"), Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_post_from_another_site_is_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/generate") { Content = JsonContent.Create(new { text = Article }) };
        request.Headers.Add("Origin", "https://evil.example");
        var client = _app.CreateClient();
        await client.SignUpAsync();

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
