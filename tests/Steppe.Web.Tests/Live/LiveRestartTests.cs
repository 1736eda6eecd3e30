using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Steppe.Web.Live;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Live;

/// <summary>A server killed in the middle of a game keeps what was revealed: after a restart the host finds the
/// game among past games as stopped, with its players and the revealed question's answers, still signed in
/// (the cookie keys are kept beside the database).</summary>
public sealed class LiveRestartTests : IDisposable
{
    private const string Starter = "sino-kazakh-relations-starter";
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Home(string name) => Directory.CreateDirectory(Path.Combine(_folder.Root, name)).FullName;

    [Fact]
    public async Task A_game_cut_short_by_a_crash_keeps_its_revealed_answers()
    {
        long gameId;
        var cookies = new CookieContainer();
        // Each start has another home folder: the cookie keys must come from beside the database, not from ~/.aspnet.
        var app = await AppProcess.StartAsync(Repo.Root, _folder.AppEnvironment(("HOME", Home("before"))));
        try
        {
            await using var clients = new LiveClients(app);
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app.BaseAddress };
            var host = await clients.SignedIn(cookies);
            var game = await host.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest(Starter, 20, 1000, null, null));
            gameId = game.GameId;
            var phones = new List<HubConnection>();
            var shown = new TaskCompletionSource<JsonElement>();
            foreach (var name in new[] { "Aruzhan", "Dana" })
            {
                var phone = await clients.Connect(handlers: c => c.On<JsonElement>("question", q => shown.TrySetResult(q)));
                await phone.InvokeAsync<Joined>("Join", game.Pin, name);
                phones.Add(phone);
            }
            await host.InvokeAsync("Start", game.Pin);
            var prompt = (await shown.Task.WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("prompt").GetString();
            var bank = await http.GetFromJsonAsync<JsonElement>($"/api/banks/{Starter}");
            var choice = bank.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("prompt").GetString() == prompt).GetProperty("answer").GetString();
            foreach (var phone in phones)
            {
                (await phone.InvokeAsync<AnswerAck>("Answer", game.Pin, new { text = choice })).Status.Should().Be("Accepted");
            }
            await host.InvokeAsync("Next", game.Pin); // the second question is on screen, unanswered, when the server dies

            // The reveal's answers are written in the background: wait until they are in, then kill.
            for (var i = 0; i < 200; i++)
            {
                var stored = await http.GetFromJsonAsync<GameResults>($"/api/live/games/{gameId}");
                if (stored!.Questions.FirstOrDefault()?.Answered == 2)
                {
                    break;
                }
                await Task.Delay(25);
            }
            await app.KillAsync();
        }
        finally
        {
            await app.DisposeAsync();
        }

        await using var again = await AppProcess.StartAsync(Repo.Root, _folder.AppEnvironment(("HOME", Home("after"))));
        using var teacher = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = again.BaseAddress };
        (await teacher.GetAsync("/api/account")).StatusCode.Should().Be(HttpStatusCode.OK, "a restart does not sign the teacher out");

        var results = (await teacher.GetFromJsonAsync<GameResults>($"/api/live/games/{gameId}"))!;
        results.Game.Status.Should().Be("stopped");
        results.Game.QuestionsAsked.Should().Be(1, "the question on screen at the crash was never revealed");
        results.Questions.Select(q => q.Answered).Should().Equal(2);
        results.Players.Select(p => p.Nickname).Should().BeEquivalentTo("Aruzhan", "Dana");
        results.Players.Sum(p => p.Score).Should().BeGreaterThan(0, "the scores are the sum of the stored answers");
        var csv = await teacher.GetStringAsync($"/api/live/games/{gameId}/results.csv");
        foreach (var player in results.Players)
        {
            csv.Should().Contain($",{player.Nickname},,{player.Score},", "the CSV gives the same scores as the page (no rank: never finished)");
        }
        (await teacher.GetFromJsonAsync<List<PastGame>>("/api/live/games"))!.Should().ContainSingle(g => g.Id == gameId && g.Status == "stopped");
    }
}
