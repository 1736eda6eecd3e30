using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Steppe.Web.Study;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Study;

/// <summary>Fifty learners answering at once against the real server process: no 5xx, each acknowledged
/// review stored exactly once (retries included), and none lost when the server is killed (SIGKILL) in the
/// middle.</summary>
public sealed class ConcurrentReviewsTests : IDisposable
{
    private const int Learners = 50;
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<AppProcess> Start() =>
        AppProcess.StartAsync(Repo.Root, _folder.AppEnvironment(("Accounts__SignInAttemptsPerMinute", "1000")));

    private sealed class Tally
    {
        public ConcurrentBag<Guid> Acknowledged { get; } = [];
        public ConcurrentBag<string> ServerErrors { get; } = [];
    }

    private static async Task<List<HttpClient>> Learners50(AppProcess app)
    {
        var clients = Enumerable.Range(0, Learners).Select(_ => app.CreateClient()).ToList();
        foreach (var client in clients)
        {
            await client.SignUpAsync();
            (await client.PostAsJsonAsync("/api/decks", new { bankId = "sino-kazakh-relations-starter" })).EnsureSuccessStatusCode();
        }
        return clients;
    }

    /// <summary>One learner answers every card the server offers. Every third answer is sent twice at once,
    /// as a client retrying after a lost response would.</summary>
    private static async Task Study(HttpClient client, int learner, Tally tally, CancellationToken stop)
    {
        var random = new Random(learner);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var next = await client.GetFromJsonAsync<NextCardResponse>("/api/study/next", stop);
            if (next!.Card is not { } card)
            {
                return;
            }
            var body = new { clientId = Guid.NewGuid(), cardId = card.Id, version = card.Version, rating = random.Next(3, 5), durationMs = 3000 };
            var sends = Enumerable.Range(0, i % 3 == 0 ? 2 : 1).Select(_ => client.PostAsJsonAsync("/api/study/reviews", body, stop)).ToList();
            foreach (var response in await Task.WhenAll(sends))
            {
                if ((int)response.StatusCode >= 500)
                {
                    tally.ServerErrors.Add($"{response.StatusCode}: {await response.Content.ReadAsStringAsync(stop)}");
                }
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    tally.Acknowledged.Add(body.clientId);
                }
            }
        }
    }

    /// <summary>Cards whose review count differs from their log: a card changed without its review row, or
    /// the other way round (they are written in one transaction).</summary>
    private long CardsOutOfStepWithTheirLog()
    {
        using var connection = new SqliteConnection($"Data Source={_folder.Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Cards c WHERE c.Reviews <> (SELECT COUNT(*) FROM Reviews r WHERE r.CardId = c.Id)";
        return (long)command.ExecuteScalar()!;
    }

    private List<Guid> StoredReviewIds()
    {
        using var connection = new SqliteConnection($"Data Source={_folder.Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ClientId FROM Reviews";
        using var reader = command.ExecuteReader();
        var ids = new List<Guid>();
        while (reader.Read())
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }
        return ids;
    }

    [Fact]
    public async Task Fifty_learners_at_once_get_no_server_error_and_each_acknowledged_review_is_stored_once()
    {
        var tally = new Tally();
        await using (var app = await Start())
        {
            var clients = await Learners50(app);
            await Task.WhenAll(clients.Select((c, i) => Study(c, i, tally, CancellationToken.None)));
        }

        tally.ServerErrors.Should().BeEmpty();
        var acknowledged = tally.Acknowledged.Distinct().ToList();
        acknowledged.Should().HaveCount(Learners * 20, "each learner answers their 20 new cards of the day");
        var stored = StoredReviewIds();
        stored.Should().OnlyHaveUniqueItems("a retried answer is stored once");
        stored.Should().BeEquivalentTo(acknowledged);
        CardsOutOfStepWithTheirLog().Should().Be(0);
    }

    [Fact]
    public async Task Killing_the_server_in_the_middle_loses_no_acknowledged_review()
    {
        var tally = new Tally();
        var app = await Start();
        try
        {
            var clients = await Learners50(app);
            using var stop = new CancellationTokenSource();
            var studying = clients.Select((c, i) => Task.Run(async () =>
            {
                try
                {
                    await Study(c, i, tally, stop.Token);
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    // The server went away mid-request: that answer was not acknowledged.
                }
            })).ToList();
            while (tally.Acknowledged.Count < 300)
            {
                await Task.Delay(5);
            }
            await app.KillAsync();
            var acknowledgedAtKill = tally.Acknowledged.Distinct().ToList();
            await Task.WhenAll(studying);
            var acknowledged = tally.Acknowledged.Distinct().ToList();
            acknowledged.Should().HaveCountGreaterThanOrEqualTo(acknowledgedAtKill.Count);

            var stored = StoredReviewIds();
            stored.Should().Contain(acknowledged, "every review the server acknowledged survives the kill");
            stored.Should().OnlyHaveUniqueItems();
            CardsOutOfStepWithTheirLog().Should().Be(0);
            tally.ServerErrors.Should().BeEmpty();
        }
        finally
        {
            await app.DisposeAsync();
        }

        // And the server starts again on the same file.
        await using var again = await Start();
        (await again.CreateClient().GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
