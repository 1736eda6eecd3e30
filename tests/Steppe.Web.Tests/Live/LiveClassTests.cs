using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Steppe.Web.Live;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Live;

/// <summary>A host and twenty players on real SignalR connections to the real server process play four picked
/// questions (multiple choice, true/false, numeric, ordering) while every player records every message: no
/// answer before its reveal, a kick, a pause, a drop and rejoin, a late answer; then the stored results, the
/// CSV and "keep what I missed".</summary>
public sealed class LiveClassTests : IAsyncLifetime
{
    private const string Starter = "sino-kazakh-relations-starter";
    private const int Players = 20;
    private static readonly string[] Events = ["lobby", "question", "open", "answers", "reveal", "you", "paused", "ended", "summary", "kicked"];

    private readonly TestFolder _folder = new();
    private AppProcess _app = null!;
    private LiveClients _clients = null!;

    public async Task InitializeAsync()
    {
        _app = await AppProcess.StartAsync(Repo.Root, _folder.AppEnvironment());
        _clients = new LiveClients(_app);
    }

    public async Task DisposeAsync()
    {
        await _clients.DisposeAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    private sealed class Phone(HubConnection connection)
    {
        public HubConnection Connection { get; set; } = connection;
        public ConcurrentQueue<(string Event, JsonElement Payload)> Seen { get; } = new();
        public Joined Me { get; set; } = null!;

        public bool Has(string name, Func<JsonElement, bool>? where = null) => Seen.Any(m => m.Event == name && (where?.Invoke(m.Payload) ?? true));
    }

    /// <summary>A phone's connection, recording every message it is sent.</summary>
    private Task<HubConnection> Connect(Phone recorder) => _clients.Connect(handlers: connection =>
    {
        foreach (var name in Events)
        {
            switch (name)
            {
                case "answers":
                    connection.On<int, int>(name, (n, of) => recorder.Seen.Enqueue((name, JsonSerializer.SerializeToElement(new { n, of }))));
                    break;
                case "kicked":
                    connection.On(name, () => recorder.Seen.Enqueue((name, JsonSerializer.SerializeToElement(new { }))));
                    break;
                default:
                    connection.On<JsonElement>(name, payload => recorder.Seen.Enqueue((name, payload)));
                    break;
            }
        }
    });

    [Fact]
    public async Task Twenty_players_play_to_the_end_and_the_results_are_kept()
    {
        var cookies = new CookieContainer();
        using var hostHttp = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = _app.BaseAddress };
        await hostHttp.SignUpAsync();
        var host = await _clients.Connect(cookies);
        var hostSeen = new Phone(host);

        // Four questions picked from the bank, one of each kind, with what is right and what is wrong for each.
        var bank = JsonNode.Parse(await hostHttp.GetStringAsync($"/api/banks/{Starter}"))!["questions"]!.AsArray();
        var picked = new[] { "multiple-choice", "true-false", "numeric", "ordering" }
            .Select(type => bank.First(q => (string)q!["type"]! == type && q["timeLimitSeconds"] is null)!).ToList();
        var rightAnswers = picked.Select(Right).ToList();
        var wrongAnswers = picked.Select(Wrong).ToList();

        await FluentActions.Awaiting(() => host.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest(Starter, 5, 1000, true, true, Themes: ["no-such-theme"])))
            .Should().ThrowAsync<HubException>().WithMessage("*no-such-theme*");
        var game = await host.InvokeAsync<GameCreated>("CreateGame",
            new CreateGameRequest(Starter, 5, 1000, true, true, QuestionIds: picked.Select(q => (string)q["id"]!).ToList()));
        game.Questions.Should().Be(4);
        host.On<JsonElement>("reveal", r => hostSeen.Seen.Enqueue(("reveal", r)));
        host.On<JsonElement>("ended", r => hostSeen.Seen.Enqueue(("ended", r)));

        var phones = new List<Phone>();
        for (var i = 0; i < Players; i++)
        {
            var phone = new Phone(null!);
            phone.Connection = await Connect(phone);
            // The last player's name would be a formula in a spreadsheet opening the CSV.
            phone.Me = await phone.Connection.InvokeAsync<Joined>("Join", game.Pin, i == Players - 1 ? "=1+2" : $"Player {i + 1:D2}");
            phones.Add(phone);
        }
        (await FluentActions.Awaiting(() => _clients.Connect().ContinueWith(c => c.Result.InvokeAsync<Joined>("Join", game.Pin, "player 01")).Unwrap())
            .Should().ThrowAsync<HubException>()).Which.Message.Should().Contain("taken");
        await FluentActions.Awaiting(() => phones[0].Connection.InvokeAsync("Start", game.Pin)).Should().ThrowAsync<HubException>("players do not drive the game");

        var kicked = phones[19];
        await host.InvokeAsync("Kick", game.Pin, kicked.Me.PlayerId);
        await LiveClients.WaitFor(() => kicked.Has("kicked"));
        await host.InvokeAsync("Start", game.Pin);
        var active = phones.Take(19).ToList();

        for (var q = 0; q < 4; q++)
        {
            var index = q;
            await LiveClients.WaitFor(() => active.All(p => p.Has("question", m => m.GetProperty("index").GetInt32() == index)));
            kicked.Has("question").Should().BeFalse("a kicked player is out of the game");
            (await kicked.Connection.InvokeAsync<AnswerAck>("Answer", game.Pin, rightAnswers[q]).ContinueWith(t => t.IsFaulted)).Should().BeTrue();

            if (q == 1) // paused: no answers, then on again with a later deadline
            {
                var before = active[0].Seen.Last(m => m.Event == "question").Payload.GetProperty("deadline").GetDateTimeOffset();
                await host.InvokeAsync("Pause", game.Pin);
                await LiveClients.WaitFor(() => active.All(p => p.Has("paused", m => m.GetProperty("paused").GetBoolean())));
                (await active[0].Connection.InvokeAsync<AnswerAck>("Answer", game.Pin, rightAnswers[q])).Status.Should().Be("NotOpen");
                await Task.Delay(300);
                await host.InvokeAsync("Resume", game.Pin);
                await LiveClients.WaitFor(() => active.All(p => p.Has("paused", m => !m.GetProperty("paused").GetBoolean())));
                active[0].Seen.Last(m => m.Event == "paused").Payload.GetProperty("deadline").GetDateTimeOffset().Should().BeAfter(before.AddMilliseconds(250));
            }
            if (q == 2) // player 17's phone drops; it comes back with its token, and no one else can take its place
            {
                var dropped = phones[16];
                var score = dropped.Seen.Last(m => m.Event == "you").Payload.GetProperty("score").GetInt32();
                await dropped.Connection.StopAsync();
                var impostor = await _clients.Connect();
                (await FluentActions.Awaiting(() => impostor.InvokeAsync<Joined>("Join", game.Pin, dropped.Me.Nickname)).Should().ThrowAsync<HubException>())
                    .Which.Message.Should().Contain("taken");
                await FluentActions.Awaiting(() => impostor.InvokeAsync<Joined>("Rejoin", game.Pin, "AAAAAAAAAAAAAAAAAAAAAA")).Should().ThrowAsync<HubException>();
                dropped.Connection = await Connect(dropped);
                var back = await dropped.Connection.InvokeAsync<Joined>("Rejoin", game.Pin, dropped.Me.RejoinToken);
                (back.PlayerId, back.Nickname, back.Score).Should().Be((dropped.Me.PlayerId, dropped.Me.Nickname, score));
            }

            // Every third player is wrong; player 19 stays silent on the last question and answers after the deadline.
            var answering = active.Where((_, i) => !(q == 3 && i == 18)).ToList();
            var acks = await Task.WhenAll(answering.Select((p, i) => p.Connection.InvokeAsync<AnswerAck>("Answer", game.Pin, i % 3 == 0 ? wrongAnswers[q] : rightAnswers[q])));
            acks.Should().OnlyContain(a => a.Status == "Accepted");
            await LiveClients.WaitFor(() => active.All(p => p.Has("reveal", m => m.GetProperty("index").GetInt32() == index)), seconds: 15);
            if (q == 3)
            {
                (await active[18].Connection.InvokeAsync<AnswerAck>("Answer", game.Pin, rightAnswers[q])).Status.Should().Be("TooLate");
            }
            await LiveClients.WaitFor(() => active.All(p => p.Has("you") && p.Seen.Count(m => m.Event == "you") >= index + 1 - (p == phones[16] && index >= 2 ? 1 : 0)));
            if (q < 3)
            {
                await host.InvokeAsync("Next", game.Pin);
            }
        }
        await host.InvokeAsync("Next", game.Pin); // after the last question: the end
        await LiveClients.WaitFor(() => active.All(p => p.Has("summary")));

        // Nothing a player received before a question's reveal carried its answer or explanation.
        foreach (var phone in phones)
        {
            var revealed = new HashSet<int>();
            foreach (var (name, payload) in phone.Seen)
            {
                if (name == "reveal")
                {
                    revealed.Add(payload.GetProperty("index").GetInt32());
                }
                else if (name is "question" or "open" or "paused" or "lobby" or "answers")
                {
                    payload.ToString().Should().NotContainAny("\"answer\"", "\"explanation\"", "\"accept\"");
                }
                if (name == "question")
                {
                    revealed.Should().NotContain(payload.GetProperty("index").GetInt32(), "a question is shown before its reveal");
                }
            }
        }

        // The phones' own results add up to the stored ones.
        var results = (await hostHttp.GetFromJsonAsync<GameResults>($"/api/live/games/{game.GameId}"))!;
        results.Game.Status.Should().Be("ended");
        results.Questions.Select(q => q.Answered).Should().Equal(19, 19, 19, 18);
        results.Questions.Select(q => q.Correct).Should().Equal(12, 12, 12, 12);
        results.Questions.Should().OnlyContain(q => q.ShareCorrect == 12.0 / 19 && q.AverageSeconds >= 0);
        foreach (var phone in active)
        {
            var summary = phone.Seen.Last(m => m.Event == "summary").Payload;
            var stored = results.Players.Single(p => p.Nickname == phone.Me.Nickname);
            summary.GetProperty("score").GetInt32().Should().Be(stored.Score);
            summary.GetProperty("rank").GetInt32().Should().Be(stored.Rank);
            summary.GetProperty("correct").GetInt32().Should().Be(stored.Correct);
            summary.GetProperty("missed").GetArrayLength().Should().Be(4 - stored.Correct);
        }
        results.Players.Should().ContainSingle(p => p.Kicked);
        hostSeen.Seen.Single(m => m.Event == "ended").Payload.GetProperty("podium").GetArrayLength().Should().Be(3);

        var csv = (await hostHttp.GetStringAsync($"/api/live/games/{game.GameId}/results.csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        csv.Should().HaveCount(1 + 4 * Players);
        csv[0].Should().StartWith("game_id,started_utc,question_number");
        csv.Where(l => l.Contains("1+2")).Should().HaveCount(4).And.OnlyContain(l => !l.Contains(",=1+2,"), "a cell is never a formula");
        csv.Count(l => l.Contains(",yes,yes,") || l.Contains(",no,yes,")).Should().Be(19 + 19 + 19 + 18, "answered rows");

        // A student keeps what they missed (player 1 was wrong every time), once; another account cannot.
        var student = phones[0];
        using var studentHttp = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _app.BaseAddress };
        await studentHttp.SignUpAsync();
        var kept = await studentHttp.PostAsJsonAsync($"/api/live/games/{game.GameId}/keep-missed", new { rejoinToken = student.Me.RejoinToken });
        kept.StatusCode.Should().Be(HttpStatusCode.OK);
        (await kept.Content.ReadFromJsonAsync<KeptMissed>())!.Added.Should().Be(4);
        (await (await studentHttp.PostAsJsonAsync($"/api/live/games/{game.GameId}/keep-missed", new { rejoinToken = student.Me.RejoinToken }))
            .Content.ReadFromJsonAsync<KeptMissed>())!.Added.Should().Be(0);
        using var otherHttp = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _app.BaseAddress };
        await otherHttp.SignUpAsync();
        (await otherHttp.PostAsJsonAsync($"/api/live/games/{game.GameId}/keep-missed", new { rejoinToken = student.Me.RejoinToken })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await otherHttp.PostAsJsonAsync($"/api/live/games/{game.GameId}/keep-missed", new { rejoinToken = "not-a-token" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await otherHttp.GetAsync($"/api/live/games/{game.GameId}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "only the host sees a game's results");
    }

    private static object Right(JsonNode q) => (string)q["type"]! switch
    {
        "multiple-choice" => new { text = (string)q["answer"]! },
        "true-false" => new { choice = (bool)q["answer"]! },
        "numeric" => new { text = q["answer"]!.ToJsonString() },
        _ => new { order = q["answer"]!.AsArray().Select(x => (string)x!).ToList() },
    };

    private static object Wrong(JsonNode q) => (string)q["type"]! switch
    {
        "multiple-choice" => new { text = q["choices"]!.AsArray().Select(x => (string)x!).First(c => c != (string)q["answer"]!) },
        "true-false" => new { choice = !(bool)q["answer"]! },
        "numeric" => new { text = "-123456789" },
        _ => new { order = q["answer"]!.AsArray().Select(x => (string)x!).Reverse().ToList() },
    };
}
