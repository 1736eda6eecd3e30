using System.Net;
using System.Net.Http.Json;
using Steppe.Domain.Banks;
using Steppe.Domain.Scheduling;
using Steppe.Web.Study;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Study;

public sealed class StatisticsTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly SteppeFactory _app;

    public StatisticsTests()
    {
        _folder.CopyRepoBank("sino-kazakh-relations-starter.json");
        _app = new SteppeFactory(_folder);
    }

    public void Dispose()
    {
        _app.Dispose();
        _folder.Dispose();
    }

    /// <summary>A learner who studies every day for <paramref name="days"/> days, answering every card.</summary>
    private async Task<HttpClient> StudyFor(int days, Func<int, Rating> rate)
    {
        var client = _app.CreateClient();
        await client.SignUpAsync();
        (await client.PostAsJsonAsync("/api/decks", new { bankId = "sino-kazakh-relations-starter" })).EnsureSuccessStatusCode();
        var answered = 0;
        for (var day = 0; day < days; day++)
        {
            for (var n = 0; n < 60; n++)
            {
                var card = (await client.GetFromJsonAsync<NextCardResponse>("/api/study/next"))!.Card;
                if (card is null)
                {
                    break;
                }
                (await client.PostAsJsonAsync("/api/study/reviews", new { clientId = Guid.NewGuid(), cardId = card.Id, version = card.Version, rating = (int)rate(answered++), durationMs = 5000 })).EnsureSuccessStatusCode();
                _app.Clock.Advance(TimeSpan.FromMinutes(11));
            }
            _app.Clock.Advance(TimeSpan.FromHours(22));
        }
        return client;
    }

    [Fact]
    public async Task Statistics_count_reviews_per_day_retention_due_cards_states_and_time()
    {
        var client = await StudyFor(3, i => i % 5 == 0 ? Rating.Again : Rating.Good);

        var stats = (await client.GetFromJsonAsync<StatisticsResponse>("/api/statistics"))!;

        stats.ReviewsPerDay.Should().HaveCount(365);
        stats.ReviewsPerDay.Sum(d => d.Count).Should().Be(stats.TotalReviews);
        stats.ReviewsPerDay.Count(d => d.Count > 0).Should().BeGreaterThanOrEqualTo(2);
        stats.DueNext30Days.Should().HaveCount(30);
        (stats.Cards.New + stats.Cards.Learning + stats.Cards.Review + stats.Cards.Relearning + stats.Cards.Suspended).Should().Be(24);
        stats.Time.TotalSeconds.Should().Be(stats.TotalReviews * 5);
        stats.TrueRetention30Days.Reviews.Should().BeGreaterThan(0);
        stats.TrueRetention30Days.Rate.Should().BeInRange(0, 1);
    }

    [Fact]
    public async Task The_review_log_exports_as_csv_in_the_scheduling_format()
    {
        var client = await StudyFor(1, _ => Rating.Good);

        var csv = await client.GetStringAsync("/api/export/reviews.csv");
        var log = ReviewLogCsv.Read(new StringReader(csv));

        log.Should().NotBeEmpty();
        log.Should().OnlyContain(r => r.Rating == Rating.Good && r.DurationMs == 5000);
    }

    [Fact]
    public async Task A_deck_exports_as_a_valid_bank_of_its_questions()
    {
        var client = _app.CreateClient();
        await client.SignUpAsync();
        var deck = await (await client.PostAsJsonAsync("/api/decks", new { bankId = "sino-kazakh-relations-starter", themes = new[] { "energy" } })).Content.ReadFromJsonAsync<DeckSummary>();

        var bank = BankReader.Read(await client.GetByteArrayAsync($"/api/export/decks/{deck!.Id}"));

        bank.Problems.Should().BeEmpty();
        bank.Bank!.Questions.Should().HaveCount(3).And.OnlyContain(q => q.Themes!.Contains("energy"));
    }

    [Fact]
    public async Task The_optimizer_runs_in_the_background_with_progress_and_reports_the_change()
    {
        var client = await StudyFor(12, i => i % 4 == 0 ? Rating.Again : i % 7 == 0 ? Rating.Hard : Rating.Good);
        var readiness = (await client.GetFromJsonAsync<OptimizationReadiness>("/api/study/optimize"))!;

        var started = await client.PostAsync("/api/study/optimize", null);
        OptimizationStatus? status = null;
        for (var i = 0; i < 100 && status?.Done != true; i++)
        {
            await Task.Delay(50);
            status = await client.GetFromJsonAsync<OptimizationStatus>(started.Headers.Location);
        }

        started.StatusCode.Should().Be(HttpStatusCode.Accepted);
        readiness.CrossDayReviews.Should().BeGreaterThan(0);
        status!.Done.Should().BeTrue();
        status.Progress.Should().Be(1);
        status.Result!.Parameters.Should().HaveCount(21);
        status.Result.Reviews.Should().BeGreaterThan(0);
        (await client.PutAsJsonAsync("/api/study/parameters", new { parameters = status.Result.Parameters })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.PutAsJsonAsync("/api/study/parameters", new { parameters = new double[20] })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Another_users_optimization_and_deck_export_are_404()
    {
        var owner = _app.CreateClient();
        await owner.SignUpAsync();
        var deck = await (await owner.PostAsJsonAsync("/api/decks", new { bankId = "sino-kazakh-relations-starter" })).Content.ReadFromJsonAsync<DeckSummary>();
        var job = (await owner.PostAsync("/api/study/optimize", null)).Headers.Location!;
        var other = _app.CreateClient();
        await other.SignUpAsync();

        (await other.GetAsync($"/api/export/decks/{deck!.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync(job)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
