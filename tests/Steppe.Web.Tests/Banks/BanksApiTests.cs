using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Steppe.Web.Banks;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Banks;

public sealed class BanksApiTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly SteppeFactory _app;

    public BanksApiTests()
    {
        _folder.CopyRepoBank("sino-kazakh-relations-starter.json");
        _app = new SteppeFactory(_folder);
    }

    public void Dispose()
    {
        _app.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Health_answers_ok()
    {
        var response = await _app.CreateClient().GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task The_bank_list_gives_id_title_question_count_and_themes()
    {
        var banks = await _app.CreateClient().GetFromJsonAsync<List<BankSummary>>("/api/banks");

        var starter = banks.Should().ContainSingle().Subject;
        starter.Id.Should().Be("sino-kazakh-relations-starter");
        starter.QuestionCount.Should().BeGreaterThanOrEqualTo(15);
        starter.Themes.Should().Contain(t => t.Id == "energy" && t.Title == "Energy" && t.QuestionCount > 0);
        starter.Themes.Sum(t => t.QuestionCount).Should().BeGreaterThanOrEqualTo(starter.QuestionCount, "every question has a theme");
    }

    [Fact]
    public async Task A_bank_is_served_byte_for_byte_as_its_canonical_file()
    {
        var response = await _app.CreateClient().GetAsync("/api/banks/sino-kazakh-relations-starter");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(
            File.ReadAllBytes(Repo.File("question-bank", "sino-kazakh-relations-starter.json")));
    }

    [Fact]
    public async Task A_bank_written_by_hand_in_another_layout_is_served_in_canonical_form()
    {
        _folder.WriteBank("compact.json", """{"questions":[{"answer":"b","id":"q","type":"short-answer","prompt":"A?"}],"title":"Compact","id":"compact","format":1}""");

        var text = await _app.CreateClient().GetStringAsync("/api/banks/compact");

        text.Should().Be("{\n  \"format\": 1,\n  \"id\": \"compact\",\n  \"title\": \"Compact\",\n  \"questions\": [\n    {\n      \"id\": \"q\",\n      \"type\": \"short-answer\",\n      \"prompt\": \"A?\",\n      \"answer\": \"b\"\n    }\n  ]\n}\n");
    }

    [Fact]
    public async Task An_unknown_bank_is_a_404_problem()
    {
        var response = await _app.CreateClient().GetAsync("/api/banks/no-such-bank");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Status.Should().Be(404);
        problem.Detail.Should().Be("There is no bank with id 'no-such-bank'.");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_bank_endpoints()
    {
        using var doc = JsonDocument.Parse(await _app.CreateClient().GetStringAsync("/openapi/v1.json"));

        var paths = doc.RootElement.GetProperty("paths");
        paths.TryGetProperty("/api/banks", out _).Should().BeTrue();
        paths.GetProperty("/api/banks/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _).Should().BeTrue();
    }

    [Fact]
    public async Task The_home_page_lists_the_banks_and_each_banks_page_its_questions()
    {
        var response = await _app.CreateClient().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var bankPage = await _app.CreateClient().GetStringAsync("/banks/sino-kazakh-relations-starter");

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain("Sino-Kazakh relations: starter questions")
            .And.Contain("href=\"/banks/sino-kazakh-relations-starter\"")
            .And.Contain("name=\"viewport\"");
        bankPage.Should().Contain("How many billion cubic meters of gas have been delivered");
        (await _app.CreateClient().GetAsync("/banks/no-such-bank")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _app.CreateClient().GetAsync("/css/site.css")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_home_page_shows_the_files_that_were_skipped_and_why()
    {
        _folder.WriteBank("broken.json", """{ "format": 1, "id": "broken", "title": "Broken" }""");

        var html = await _app.CreateClient().GetStringAsync("/");

        html.Should().Contain("broken.json").And.Contain("$.questions: is required (line 1, column 1)");
    }
}
