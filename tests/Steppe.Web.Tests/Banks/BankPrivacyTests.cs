using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Steppe.Web.Banks;
using Steppe.Web.Study;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Banks;

/// <summary>A bank made in the browser belongs to its author: private until shared, by link or with everyone, and
/// changed, shared or deleted by nobody else. Everyone else is told there is no such bank, as for a foreign id.</summary>
public sealed class BankPrivacyTests : IDisposable
{
    private const string Starter = "sino-kazakh-relations-starter";
    private readonly TestFolder _folder = new();
    private readonly SteppeFactory _app;

    public BankPrivacyTests()
    {
        _folder.CopyRepoBank("sino-kazakh-relations-starter.json");
        _app = new SteppeFactory(_folder);
    }

    public void Dispose()
    {
        _app.Dispose();
        _folder.Dispose();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private Task<HttpClient> Account() => _app.SignedUpClientAsync();

    private async Task<HttpClient> TeacherWith(string id, params string[] questions)
    {
        var teacher = await Account();
        (await teacher.PostAsync("/api/banks", Json(BankJson.Minimal(id, $"Quiz {id}", questions)))).StatusCode.Should().Be(HttpStatusCode.Created);
        return teacher;
    }

    private static async Task<Sharing> Share(HttpClient author, string id, string access)
    {
        var response = await author.PutAsJsonAsync($"/api/banks/{id}/sharing", new { access });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<Sharing>())!;
    }

    private static string KeyOf(Sharing sharing) => sharing.Link!.Split("?key=")[1];

    [Fact]
    public async Task A_bank_uploaded_in_the_browser_is_read_by_its_author_only()
    {
        var teacher = await TeacherWith("tonights-quiz", "secret-answer");
        var student = await Account();
        var anonymous = _app.CreateClient();

        foreach (var (who, client) in new[] { ("a visitor", anonymous), ("another account", student) })
        {
            (await client.GetAsync("/api/banks/tonights-quiz")).StatusCode.Should().Be(HttpStatusCode.NotFound, who);
            (await client.GetAsync("/banks/tonights-quiz")).StatusCode.Should().Be(HttpStatusCode.NotFound, who);
            (await client.GetStringAsync("/")).Should().NotContain("tonights-quiz", who);
            (await client.GetFromJsonAsync<List<BankSummary>>("/api/banks"))!.Select(b => b.Id).Should().Equal([Starter], who);
        }
        (await student.PostAsJsonAsync("/api/decks", new { bankId = "tonights-quiz" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await student.PostAsync("/api/banks/tonights-quiz/copy", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await teacher.GetStringAsync("/api/banks/tonights-quiz")).Should().Contain("secret-answer");
        (await teacher.GetStringAsync("/banks/tonights-quiz")).Should().Contain("secret-answer").And.Contain("Private");
        var mine = (await teacher.GetFromJsonAsync<List<BankSummary>>("/api/banks"))!.Single(b => b.Id == "tonights-quiz");
        (mine.Access, mine.Mine, mine.Version).Should().Be(("private", true, 1));
        (await teacher.GetStringAsync("/")).Should().Contain("Your banks").And.Contain("Quiz tonights-quiz");
    }

    [Fact]
    public async Task A_share_link_opens_the_bank_until_it_is_shared_again_or_made_private()
    {
        var teacher = await TeacherWith("homework", "q1", "q2");
        var anonymous = _app.CreateClient();
        var student = await Account();

        var first = KeyOf(await Share(teacher, "homework", "link"));
        (await anonymous.GetAsync($"/api/banks/homework?key={first}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetStringAsync($"/banks/homework?key={first}")).Should().Contain("What is q1?");
        (await anonymous.GetAsync("/api/banks/homework")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the link is the key");
        (await anonymous.GetAsync($"/api/banks/homework?key={first[..^1]}x")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetFromJsonAsync<List<BankSummary>>("/api/banks"))!.Should().NotContain(b => b.Id == "homework", "a link is not a listing");
        (await student.PostAsJsonAsync("/api/decks", new { bankId = "homework", key = first })).StatusCode.Should().Be(HttpStatusCode.OK);

        var second = KeyOf(await Share(teacher, "homework", "link"));
        second.Should().NotBe(first);
        (await anonymous.GetAsync($"/banks/homework?key={first}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the old link stopped working");
        (await anonymous.GetAsync($"/banks/homework?key={second}")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await Share(teacher, "homework", "private")).Link.Should().BeNull();
        (await anonymous.GetAsync($"/api/banks/homework?key={second}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_reader_with_the_link_pages_through_a_long_bank()
    {
        var teacher = await Account();
        (await teacher.PostAsync("/api/banks", Json(BankJson.Large("long", 60)))).StatusCode.Should().Be(HttpStatusCode.Created);
        var key = KeyOf(await Share(teacher, "long", "link"));
        var reader = _app.CreateClient();

        var first = await reader.GetStringAsync($"/banks/long?key={key}");

        first.Should().Contain($"href=\"/banks/long?page=2&amp;key={key}\"");
        (await reader.GetStringAsync($"/banks/long?page=2&key={key}")).Should().Contain("Q59 x?");
    }

    [Fact]
    public async Task A_public_bank_is_listed_for_everyone_and_leaves_the_cached_home_page_when_made_private()
    {
        var teacher = await TeacherWith("open-quiz", "q1");
        var anonymous = _app.CreateClient();
        (await anonymous.GetStringAsync("/")).Should().NotContain("Quiz open-quiz"); // now in the anonymous page cache

        await Share(teacher, "open-quiz", "public");
        (await anonymous.GetStringAsync("/")).Should().Contain("Quiz open-quiz", "sharing empties the page cache");
        (await anonymous.GetStringAsync("/banks/open-quiz")).Should().Contain("What is q1?");

        await Share(teacher, "open-quiz", "private");
        (await anonymous.GetStringAsync("/")).Should().NotContain("Quiz open-quiz");
        (await anonymous.GetAsync("/banks/open-quiz")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_author_replaces_shares_or_deletes_a_bank_and_a_sample_is_read_only()
    {
        var teacher = await TeacherWith("mine", "q1");
        await TeacherWith("theirs-private", "q1");
        var other = await TeacherWith("theirs-public", "q1");
        await Share(other, "theirs-public", "public");
        var file = BankJson.Minimal("theirs-public", "Taken over", "q9");

        (await teacher.PutAsync("/api/banks/theirs-private", Json(file))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await teacher.DeleteAsync("/api/banks/theirs-private")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await teacher.PutAsJsonAsync("/api/banks/theirs-private/sharing", new { access = "public" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var put = await teacher.PutAsync("/api/banks/theirs-public", Json(file));
        put.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await put.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("make a copy");
        (await teacher.DeleteAsync("/api/banks/theirs-public")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var sample = await teacher.DeleteAsync($"/api/banks/{Starter}");
        sample.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await sample.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("question-bank folder").And.Contain("make a copy");
        (await teacher.PutAsync($"/api/banks/{Starter}", Json(BankJson.Minimal(Starter, "Mine now", "q1")))).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await _app.CreateClient().GetStringAsync("/api/banks/theirs-public")).Should().NotContain("Taken over").And.Contain("What is q1?");
        (await _app.CreateClient().GetStringAsync($"/api/banks/{Starter}")).Should().NotContain("Mine now");
    }

    [Fact]
    public async Task The_editor_opens_for_the_author_only_and_sends_a_sample_to_its_page()
    {
        var teacher = await TeacherWith("draft", "q1");
        var colleague = await Account();
        var noRedirects = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await noRedirects.SignUpAsync();

        (await teacher.GetStringAsync("/banks/draft/edit")).Should().Contain("Quiz draft").And.Contain("version <span id=\"next-version\">2</span>");
        (await teacher.GetStringAsync("/banks/new")).Should().Contain("New bank");
        (await colleague.GetAsync("/banks/draft/edit")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var sample = await noRedirects.GetAsync($"/banks/{Starter}/edit");
        (sample.StatusCode, sample.Headers.Location?.ToString()).Should().Be((HttpStatusCode.Redirect, $"/banks/{Starter}"));
    }

    [Fact]
    public async Task An_id_in_use_is_the_authors_conflict_but_another_authors_private_id_is_not_revealed()
    {
        var teacher = await TeacherWith("fractions", "q1");
        var again = await teacher.PostAsync("/api/banks", Json(BankJson.Minimal("fractions", "Fractions, fixed", "q1")));
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("replace it");

        var colleague = await Account();
        var created = await colleague.PostAsync("/api/banks", Json(BankJson.Minimal("fractions", "My fractions", "q7")));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var saved = (await created.Content.ReadFromJsonAsync<BankSaved>())!;
        (saved.Bank.Id, saved.RenamedFrom).Should().Be(("fractions-2", "fractions"));
        created.Headers.Location!.ToString().Should().Be("/api/banks/fractions-2");
        (await colleague.GetStringAsync("/api/banks/fractions-2")).Should().Contain("\"id\": \"fractions-2\"").And.Contain("What is q7?");
        (await teacher.GetStringAsync("/api/banks/fractions")).Should().Contain("What is q1?");
    }

    [Fact]
    public async Task A_reader_copies_a_sample_or_a_shared_bank_into_a_private_bank_of_their_own()
    {
        var teacher = await TeacherWith("shared-quiz", "q1", "q2");
        var key = KeyOf(await Share(teacher, "shared-quiz", "link"));
        var colleague = await Account();

        var copy = await colleague.PostAsync($"/api/banks/shared-quiz/copy?key={key}", null);
        var sample = await colleague.PostAsync($"/api/banks/{Starter}/copy", null);

        copy.StatusCode.Should().Be(HttpStatusCode.Created);
        var saved = (await copy.Content.ReadFromJsonAsync<BankSaved>())!.Bank;
        (saved.Id, saved.Title, saved.Access, saved.Mine, saved.QuestionCount).Should().Be(("shared-quiz-copy", "Quiz shared-quiz (copy)", "private", true, 2));
        sample.StatusCode.Should().Be(HttpStatusCode.Created);
        (await colleague.PutAsync($"/api/banks/{Starter}-copy", Json(BankJson.Minimal($"{Starter}-copy", "Edited", "q1")))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await teacher.GetAsync("/api/banks/shared-quiz-copy")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the copy is the colleague's, private");
        var second = await colleague.PostAsync($"/api/banks/shared-quiz/copy?key={key}", null);
        (await second.Content.ReadFromJsonAsync<BankSaved>())!.Bank.Id.Should().Be("shared-quiz-copy-2", "a second copy gets the next free id");
    }

    [Fact]
    public async Task A_replacement_with_problems_or_another_id_changes_nothing()
    {
        var teacher = await TeacherWith("careful", "q1");

        var broken = await teacher.PutAsync("/api/banks/careful", Json("""{ "format": 1, "id": "careful", "title": "T", "questions": [ { "id": "q1", "type": "cloze", "prompt": "No blank", "answer": "x" } ] }"""));
        var renamed = await teacher.PutAsync("/api/banks/careful", Json(BankJson.Minimal("careless", "T", "q1")));

        broken.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await broken.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.Should().Contain(k => k.StartsWith("$.questions[0]"));
        renamed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await renamed.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["$.id"].Single().Should().Contain("a bank keeps its id");
        (await teacher.GetFromJsonAsync<List<BankVersionSummary>>("/api/banks/careful/versions"))!.Select(v => v.Number).Should().Equal(1);
        (await teacher.GetStringAsync("/api/banks/careful")).Should().Contain("What is q1?");
    }
}
