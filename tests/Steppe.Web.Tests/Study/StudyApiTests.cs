using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steppe.Domain.Scheduling;
using Steppe.Web.Data;
using Steppe.Web.Study;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Study;

public sealed class StudyApiTests : IDisposable
{
    private const string Starter = "sino-kazakh-relations-starter";
    private readonly TestFolder _folder = new();
    private readonly SteppeFactory _app;

    public StudyApiTests()
    {
        _folder.CopyRepoBank("sino-kazakh-relations-starter.json");
        _app = new SteppeFactory(_folder);
    }

    public void Dispose()
    {
        _app.Dispose();
        _folder.Dispose();
    }

    private async Task<HttpClient> LearnerWithDeck(object? deck = null)
    {
        var client = _app.CreateClient();
        await client.SignUpAsync();
        (await client.PostAsJsonAsync("/api/decks", deck ?? new { bankId = Starter })).EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<NextCardResponse> Next(HttpClient client) => (await client.GetFromJsonAsync<NextCardResponse>("/api/study/next"))!;

    private static Task<HttpResponseMessage> Answer(HttpClient client, StudyCard card, Rating rating, Guid? clientId = null) =>
        client.PostAsJsonAsync("/api/study/reviews", new { clientId = clientId ?? Guid.NewGuid(), cardId = card.Id, version = card.Version, rating = (int)rating, durationMs = 4200 });

    [Fact]
    public async Task Adding_a_bank_makes_a_card_per_question_or_per_chosen_theme()
    {
        var all = await LearnerWithDeck();
        var energy = await LearnerWithDeck(new { bankId = Starter, themes = new[] { "energy" } });

        (await all.GetFromJsonAsync<List<DeckSummary>>("/api/decks"))!.Single().Cards.Should().Be(24);
        (await energy.GetFromJsonAsync<List<DeckSummary>>("/api/decks"))!.Single().Cards.Should().Be(3);
        (await all.PostAsJsonAsync("/api/decks", new { bankId = "no-such-bank" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_card_comes_in_bank_order_with_its_four_intervals()
    {
        var client = await LearnerWithDeck();

        var next = await Next(client);

        next.Card!.Question.GetProperty("id").GetString().Should().Be("investment-total");
        next.Card.Buttons.Take(3).Select(b => $"{b.Label} · {b.Interval}").Should().Equal("Again · 1m", "Hard · 6m", "Good · 10m");
        // Easy graduates at once: 8.3 days, fuzzed as Anki does
        var (lower, upper) = Fuzz.Bounds(FsrsParameters.Default[3], 1, 36500);
        next.Card.Buttons[3].Interval.Should().BeOneOf(Enumerable.Range(lower, upper - lower + 1).Select(d => $"{d}d"));
        next.Counts.New.Should().Be(20, "the default daily limit of new cards");
    }

    [Fact]
    public async Task Learning_cards_come_back_when_due_before_new_ones()
    {
        var client = await LearnerWithDeck();
        var first = (await Next(client)).Card!;
        (await Answer(client, first, Rating.Good)).EnsureSuccessStatusCode();

        var meanwhile = (await Next(client)).Card!;
        _app.Clock.Advance(TimeSpan.FromMinutes(11));
        var later = (await Next(client)).Card!;

        meanwhile.Id.Should().NotBe(first.Id, "the first card waits for its 10-minute step");
        later.Id.Should().Be(first.Id);
        later.State.Should().Be("Learning");
    }

    [Fact]
    public async Task A_retried_answer_is_stored_once()
    {
        var client = await LearnerWithDeck();
        var card = (await Next(client)).Card!;
        var id = Guid.NewGuid();

        var first = await Answer(client, card, Rating.Good, id);
        var retry = await Answer(client, card, Rating.Good, id);

        (first.StatusCode, retry.StatusCode).Should().Be((HttpStatusCode.OK, HttpStatusCode.OK));
        using var scope = _app.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Reviews.CountAsync(r => r.ClientId == id)).Should().Be(1);
    }

    [Fact]
    public async Task An_answer_to_a_card_that_changed_since_it_was_shown_is_409()
    {
        var client = await LearnerWithDeck();
        var shown = (await Next(client)).Card!;
        (await Answer(client, shown, Rating.Good)).EnsureSuccessStatusCode();

        var stale = await Answer(client, shown, Rating.Easy);

        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await stale.Content.ReadFromJsonAsync<ReviewResponse>())!.Version.Should().Be(shown.Version + 1);
    }

    [Fact]
    public async Task Another_users_card_and_deck_answer_404()
    {
        var owner = await LearnerWithDeck();
        var card = (await Next(owner)).Card!;
        var deck = (await owner.GetFromJsonAsync<List<DeckSummary>>("/api/decks"))!.Single();
        var other = await LearnerWithDeck();

        (await Answer(other, card, Rating.Good)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.DeleteAsync($"/api/decks/{deck.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/cards/{card.Id}/suspend", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Undo_takes_back_the_last_answer_and_keeps_it_in_the_log()
    {
        var client = await LearnerWithDeck();
        var card = (await Next(client)).Card!;
        (await Answer(client, card, Rating.Easy)).EnsureSuccessStatusCode();

        var undone = await client.PostAsync("/api/study/undo", null);

        undone.StatusCode.Should().Be(HttpStatusCode.OK);
        (await undone.Content.ReadFromJsonAsync<ReviewResponse>())!.State.Should().Be("New");
        (await Next(client)).Card!.Id.Should().Be(card.Id, "the card is new again and first in line");
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Reviews.CountAsync(r => r.CardId == card.Id), await db.ReviewUndos.CountAsync()).Should().Be((1, 1));
    }

    [Fact]
    public async Task A_cards_stored_state_always_equals_the_replay_of_its_log()
    {
        var client = await LearnerWithDeck();
        var random = new Random(7);
        for (var i = 0; i < 60; i++)
        {
            var next = await Next(client);
            if (next.Card is null)
            {
                _app.Clock.Advance(TimeSpan.FromHours(random.Next(1, 30)));
                continue;
            }
            (await Answer(client, next.Card, (Rating)random.Next(1, 5))).EnsureSuccessStatusCode();
            if (i % 7 == 0)
            {
                (await client.PostAsync("/api/study/undo", null)).EnsureSuccessStatusCode();
            }
            _app.Clock.Advance(TimeSpan.FromMinutes(random.Next(1, 600)));
        }

        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var study = scope.ServiceProvider.GetRequiredService<StudyService>();
        var cards = await db.Cards.Where(c => c.Reviews > 0).ToListAsync();
        cards.Should().NotBeEmpty();
        foreach (var card in cards)
        {
            var stored = StudyService.ToSchedule(card);
            await study.ReplayAsync(card, await study.SettingsAsync(card.UserId, default), default);
            StudyService.ToSchedule(card).Should().Be(stored, $"card {card.Id}");
        }
    }

    [Fact]
    public async Task The_daily_limit_of_new_cards_holds()
    {
        var client = await LearnerWithDeck();
        (await client.PutAsJsonAsync("/api/study/settings", new SettingsDto(0.9, 2, 200, "1m 10m", "10m", "UTC", 4))).EnsureSuccessStatusCode();

        for (var i = 0; i < 2; i++)
        {
            (await Answer(client, (await Next(client)).Card!, Rating.Easy)).EnsureSuccessStatusCode();
        }
        var next = await Next(client);

        next.Card.Should().BeNull();
        next.Counts.New.Should().Be(0);
    }

    [Fact]
    public async Task The_day_the_clocks_skip_the_day_start_hour_the_queue_still_answers()
    {
        _app.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 14, 12, 0, 0, TimeSpan.Zero)); // before the app starts; 02:00 does not exist that day in New York
        var client = await LearnerWithDeck();
        (await client.PutAsJsonAsync("/api/study/settings", new SettingsDto(0.9, 20, 200, "1m 10m", "10m", "America/New_York", 2))).EnsureSuccessStatusCode();

        var response = await client.GetAsync("/api/study/next");

        response.StatusCode.Should().Be(HttpStatusCode.OK, "a day whose start hour is skipped starts when the clocks jump");
        (await response.Content.ReadFromJsonAsync<NextCardResponse>())!.Card.Should().NotBeNull();
    }

    [Fact]
    public async Task Bad_settings_are_refused_field_by_field()
    {
        var client = await LearnerWithDeck();

        var response = await client.PutAsJsonAsync("/api/study/settings", new SettingsDto(0.5, 20, 200, "1m ten", "10m", "Mars/Olympus", 30));
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        problem!.Errors.Keys.Should().BeEquivalentTo("desiredRetention", "learningSteps", "timeZone", "dayStartHour");
    }

    [Fact]
    public async Task A_card_that_lapses_eight_times_is_flagged_as_a_leech()
    {
        var client = await LearnerWithDeck(new { bankId = Starter, questionIds = new[] { "gas-delivered" } });
        var lapses = 0;
        ReviewResponse? last = null;
        for (var step = 0; step < 400 && lapses < 8; step++)
        {
            var card = (await Next(client)).Card;
            if (card is null)
            {
                _app.Clock.Advance(TimeSpan.FromDays(1)); // come back tomorrow (the sign-in cookie slides along)
                continue;
            }
            // Forget it every time it is due on a later day; pass it in its short relearning steps.
            var forget = card.State == "Review";
            last = await (await Answer(client, card, forget ? Rating.Again : Rating.Easy)).Content.ReadFromJsonAsync<ReviewResponse>();
            lapses += forget ? 1 : 0;
            _app.Clock.Advance(TimeSpan.FromMinutes(15));
        }

        lapses.Should().Be(8);
        last!.Leech.Should().BeTrue();
        (await client.GetFromJsonAsync<List<DeckSummary>>("/api/decks"))!.Single().Leeches.Should().Be(1);
    }

    [Fact]
    public async Task Deleting_the_account_deletes_its_decks_cards_and_reviews()
    {
        var client = await LearnerWithDeck();
        (await Answer(client, (await Next(client)).Card!, Rating.Good)).EnsureSuccessStatusCode();

        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/account") { Content = JsonContent.Create(new { password = Support.Accounts.Password }) })).EnsureSuccessStatusCode();

        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Decks.CountAsync(), await db.Cards.CountAsync(), await db.Reviews.CountAsync()).Should().Be((0, 0, 0));
    }
}
