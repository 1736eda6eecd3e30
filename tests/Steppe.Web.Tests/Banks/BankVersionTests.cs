using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steppe.Domain.Scheduling;
using Steppe.Web.Banks;
using Steppe.Web.Data;
using Steppe.Web.Study;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Banks;

/// <summary>An author replaces a bank that learners study: each save is a version, and every learner's cards move
/// on with it, by question id: progress kept, a changed answer learned again, a removed question put aside with
/// its history, and back if the question comes back; an author's delete leaves learners their history.</summary>
public sealed class BankVersionTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly SteppeFactory _app;

    public BankVersionTests() => _app = new SteppeFactory(_folder);

    public void Dispose()
    {
        _app.Dispose();
        _folder.Dispose();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Bank(params (string Id, string Answer)[] questions) =>
        $$"""{ "format": 1, "id": "capitals", "title": "Capitals", "questions": [ {{string.Join(", ", questions.Select(q =>
            $$"""{ "id": "{{q.Id}}", "type": "short-answer", "prompt": "What is the capital of {{q.Id}}?", "answer": "{{q.Answer}}" }"""))}} ] }""";

    private Task<HttpClient> Account() => _app.SignedUpClientAsync();

    private static async Task<StudyCard> Next(HttpClient client) => (await client.GetFromJsonAsync<NextCardResponse>("/api/study/next"))!.Card!;

    private static Task<HttpResponseMessage> Answer(HttpClient client, StudyCard card, Rating rating) =>
        client.PostAsJsonAsync("/api/study/reviews", new { clientId = Guid.NewGuid(), cardId = card.Id, version = card.Version, rating = (int)rating });

    private async Task<Dictionary<string, CardEntity>> Cards()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Cards.AsNoTracking().ToDictionaryAsync(c => c.QuestionId);
    }

    private async Task<int> Reviews()
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Reviews.CountAsync();
    }

    private async Task<(HttpClient Teacher, HttpClient Student)> StudiedBank()
    {
        var teacher = await Account();
        (await teacher.PostAsync("/api/banks", Json(Bank(("france", "Paris"), ("kenya", "Nairobi"), ("peru", "Lima"), ("chile", "Santiago"))))).EnsureSuccessStatusCode();
        (await teacher.PutAsJsonAsync("/api/banks/capitals/sharing", new { access = "public" })).EnsureSuccessStatusCode();
        var student = await Account();
        (await student.PostAsJsonAsync("/api/decks", new { bankId = "capitals" })).EnsureSuccessStatusCode();
        for (var i = 0; i < 4; i++)
        {
            (await Answer(student, await Next(student), Rating.Easy)).EnsureSuccessStatusCode(); // each card graduates to review
        }
        return (teacher, student);
    }

    [Fact]
    public async Task A_new_version_keeps_progress_relearns_changed_answers_and_puts_removed_questions_aside()
    {
        var (teacher, student) = await StudiedBank();
        var before = await Cards();
        var reviews = await Reviews();
        before.Values.Should().OnlyContain(c => c.State == CardState.Review);
        _app.Clock.Advance(TimeSpan.FromHours(1));

        var response = await teacher.PutAsync("/api/banks/capitals", Json(Bank(("france", "Paris"), ("kenya", "Nairobi"), ("peru", "Cusco"), ("japan", "Tokyo"))));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var saved = (await response.Content.ReadFromJsonAsync<BankSaved>())!;
        (saved.Bank.Version, saved.Changes).Should().Be((2, new BankChanges(Kept: 2, AnswerChanged: 1, Removed: 1, Added: 1)));
        var after = await Cards();
        after["france"].Should().BeEquivalentTo(before["france"], "a question kept keeps its card as it was");
        after["peru"].State.Should().Be(CardState.Relearning);
        after["peru"].DueTicks.Should().Be(_app.Clock.GetUtcNow().UtcTicks);
        (after["peru"].Stability, after["peru"].Reviews).Should().Be((before["peru"].Stability, before["peru"].Reviews), "its history stays");
        (after["chile"].Suspended, after["chile"].QuestionRemoved).Should().Be((true, true));
        after.Should().NotContainKey("japan", "a new question is not added to decks by itself");
        (await Reviews()).Should().Be(reviews);

        var next = await Next(student);
        next.Question.GetProperty("id").GetString().Should().Be("peru");
        next.Question.GetProperty("answer").GetString().Should().Be("Cusco");
        next.AnswerChangedAt.Should().Be(_app.Clock.GetUtcNow());
        (await Answer(student, next, Rating.Good)).EnsureSuccessStatusCode();
        (await Cards())["peru"].AnswerChangedAtTicks.Should().BeNull("the mark is for the next study only");
        (await student.GetFromJsonAsync<List<DeckSummary>>("/api/decks"))!.Single().Suspended.Should().Be(1);
        (await student.PostAsync($"/api/cards/{after["chile"].Id}/unsuspend", null)).EnsureSuccessStatusCode();
        (await Cards())["chile"].Suspended.Should().BeTrue("its question is not in the bank");

        (await teacher.PutAsync("/api/banks/capitals", Json(Bank(("france", "Paris"), ("chile", "Santiago"))))).EnsureSuccessStatusCode();
        var back = (await Cards())["chile"];
        (back.Suspended, back.QuestionRemoved, back.State, back.Stability).Should().Be((false, false, CardState.Review, before["chile"].Stability));
    }

    [Fact]
    public async Task A_card_shown_before_the_new_version_is_answered_as_stale()
    {
        var teacher = await Account();
        (await teacher.PostAsync("/api/banks", Json(Bank(("france", "Paris"), ("kenya", "Nairobi"))))).EnsureSuccessStatusCode();
        (await teacher.PutAsJsonAsync("/api/banks/capitals/sharing", new { access = "public" })).EnsureSuccessStatusCode();
        var student = await Account();
        (await student.PostAsJsonAsync("/api/decks", new { bankId = "capitals" })).EnsureSuccessStatusCode();
        var shown = await Next(student);
        shown.Question.GetProperty("id").GetString().Should().Be("france");

        (await teacher.PutAsync("/api/banks/capitals", Json(Bank(("kenya", "Nairobi"))))).EnsureSuccessStatusCode();

        (await Answer(student, shown, Rating.Good)).StatusCode.Should().Be(HttpStatusCode.Conflict, "the card changed since it was shown");
        (await Reviews()).Should().Be(0);
    }

    [Fact]
    public async Task Every_save_is_a_version_the_author_can_read_back_and_only_the_newest_are_kept()
    {
        _app.Settings["Banks:VersionsKept"] = "3";
        var teacher = await Account();
        var files = Enumerable.Range(1, 5).Select(n => Bank(("france", n == 1 ? "Paris" : $"Paris {n}"))).ToList();
        (await teacher.PostAsync("/api/banks", Json(files[0]))).EnsureSuccessStatusCode();
        foreach (var file in files.Skip(1))
        {
            (await teacher.PutAsync("/api/banks/capitals", Json(file))).EnsureSuccessStatusCode();
        }

        var versions = (await teacher.GetFromJsonAsync<List<BankVersionSummary>>("/api/banks/capitals/versions"))!;
        versions.Select(v => (v.Number, v.Current)).Should().Equal((5, true), (4, false), (3, false));
        (await teacher.GetStringAsync("/api/banks/capitals/versions/4")).Should().Contain("Paris 4");
        (await teacher.GetStringAsync("/api/banks/capitals/versions/5")).Should().Be(await teacher.GetStringAsync("/api/banks/capitals"));
        (await teacher.GetAsync("/api/banks/capitals/versions/1")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var stranger = await Account();
        (await stranger.GetAsync("/api/banks/capitals/versions")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_save_from_a_stale_editor_is_refused_and_loses_neither_version()
    {
        var teacher = await Account();
        (await teacher.PostAsync("/api/banks", Json(Bank(("france", "Paris"))))).EnsureSuccessStatusCode();
        var firstTab = await teacher.PutAsync("/api/banks/capitals?version=1", Json(Bank(("france", "Paris, the capital"))));
        var secondTab = await teacher.PutAsync("/api/banks/capitals?version=1", Json(Bank(("france", "Lyon"))));

        firstTab.StatusCode.Should().Be(HttpStatusCode.OK);
        secondTab.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await secondTab.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail.Should().Contain("saved as version 2 after you opened version 1");
        (await teacher.GetStringAsync("/api/banks/capitals")).Should().Contain("Paris, the capital");
    }

    [Fact]
    public async Task A_deleted_bank_leaves_its_learners_their_history_and_a_queue_that_still_works()
    {
        var (teacher, student) = await StudiedBank();
        var reviews = await Reviews();

        (await teacher.DeleteAsync("/api/banks/capitals")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await teacher.GetAsync("/api/banks/capitals")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Cards()).Values.Should().HaveCount(4).And.OnlyContain(c => c.Suspended && c.QuestionRemoved);
        (await Reviews()).Should().Be(reviews, "the optimizer keeps the learner's history");
        var next = await student.GetFromJsonAsync<NextCardResponse>("/api/study/next");
        next!.Card.Should().BeNull();
        (await student.GetAsync($"/api/export/decks/{(await Cards())["peru"].DeckId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // Its id is not given to a new bank while decks still name it: their old cards would read the new one.
        var stranger = await Account();
        var taken = await stranger.PostAsync("/api/banks", Json(Bank(("peru", "SECRET"))));
        (await taken.Content.ReadFromJsonAsync<BankSaved>())!.Bank.Id.Should().Be("capitals-2");
        (await student.GetAsync($"/api/export/decks/{(await Cards())["peru"].DeckId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
