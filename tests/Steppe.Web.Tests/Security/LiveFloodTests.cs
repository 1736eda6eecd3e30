using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Steppe.Web.Live;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Security;

/// <summary>One account opening games by the thousand, and games of a huge bank, against the real server process.</summary>
public sealed class LiveFloodTests : IAsyncLifetime
{
    private readonly TestFolder _folder = new();
    private AppProcess _app = null!;
    private LiveClients _clients = null!;

    public async Task InitializeAsync()
    {
        _app = await AppProcess.StartAsync(Repo.Root, _folder.AppEnvironment(("Live__CallBurst", "1000"), ("Live__CallsPerSecond", "1000")));
        _clients = new LiveClients(_app);
    }

    public async Task DisposeAsync()
    {
        await _clients.DisposeAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_flood_of_games_from_one_account_stops_at_the_hosts_limit_with_a_message()
    {
        var host = await _clients.SignedIn();

        var created = 0;
        HubException? refusal = null;
        for (var i = 0; i < 200 && refusal is null; i++) // the probe opened 2,000
        {
            try
            {
                await host.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest("sino-kazakh-relations-starter", 20, 1000, true, true));
                created++;
            }
            catch (HubException e)
            {
                refusal = e;
            }
        }

        created.Should().Be(5);
        refusal!.Message.Should().Contain("You have 5 games open, the most a host may have (5)");
        var other = await _clients.SignedIn();
        (await other.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest("sino-kazakh-relations-starter", 20, 1000, true, true))).Pin
            .Should().MatchRegex("^[0-9]{6}$", "another teacher is not held back");
    }

    [Fact]
    public async Task A_game_of_a_huge_bank_is_refused_unless_it_picks_questions()
    {
        var cookies = new System.Net.CookieContainer();
        var host = await _clients.SignedIn(cookies);
        using (var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = _app.BaseAddress })
        {
            (await http.PostAsync("/api/banks", new StringContent(BankJson.Large("huge", 5_000), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }

        var whole = () => host.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest("huge", 20, 1000, true, true));
        var picked = await host.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest("huge", 20, 1000, true, true, QuestionIds: ["q1", "q4999"]));

        (await whole.Should().ThrowAsync<HubException>()).Which.Message.Should().Contain("A game asks at most 300 questions, and this choice has 5,000");
        picked.Questions.Should().Be(2);
    }
}
