using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Steppe.Web.Live;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Live;

/// <summary>The live hub with real SignalR connections to the real server process: the "fair and safe" rules
/// attempted by a misbehaving client and refused.</summary>
public sealed class LiveHubTests : IAsyncLifetime
{
    private const string Starter = "sino-kazakh-relations-starter";
    private readonly TestFolder _folder = new();
    private AppProcess _app = null!;
    private LiveClients _clients = null!;

    public async Task InitializeAsync()
    {
        _app = await AppProcess.StartAsync(Repo.Root,
            _folder.AppEnvironment(("Live__JoinsPerMinutePerAddress", JoinsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        _clients = new LiveClients(_app);
    }

    private const int JoinsPerMinute = 12;

    public async Task DisposeAsync()
    {
        await _clients.DisposeAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_host_plays_their_own_private_bank_and_nobody_else_can()
    {
        var cookies = new CookieContainer();
        var author = await _clients.SignedIn(cookies);
        using (var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = _app.BaseAddress })
        {
            (await http.PostAsync("/api/banks", new StringContent(BankJson.Minimal("exam", "Exam", "q1", "q2"), System.Text.Encoding.UTF8, "application/json")))
                .StatusCode.Should().Be(HttpStatusCode.Created);
        }
        var colleague = await _clients.SignedIn();

        (await FluentActions.Awaiting(() => colleague.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest("exam", 20, 1000, null, null)))
            .Should().ThrowAsync<HubException>()).Which.Message.Should().EndWith("There is no bank 'exam'.");
        (await author.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest("exam", 20, 1000, null, null))).Questions.Should().Be(2);
    }

    [Fact]
    public async Task Only_a_signed_in_host_creates_a_game_and_only_its_host_drives_it()
    {
        var anonymous = await _clients.Connect();
        await FluentActions.Awaiting(() => anonymous.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest(Starter, null, null, null, null)))
            .Should().ThrowAsync<HubException>();

        var host = await _clients.SignedIn();
        var game = await host.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest(Starter, 20, 1000, null, null));
        game.Pin.Should().MatchRegex("^[0-9]{6}$");
        game.Questions.Should().Be(24);

        var player = await _clients.Connect();
        await player.InvokeAsync<Joined>("Join", game.Pin, "Aruzhan");
        await FluentActions.Awaiting(() => player.InvokeAsync("Start", game.Pin)).Should().ThrowAsync<HubException>("a player is not signed in");
        var otherTeacher = await _clients.SignedIn();
        (await FluentActions.Awaiting(() => otherTeacher.InvokeAsync("Start", game.Pin)).Should().ThrowAsync<HubException>())
            .Which.Message.Should().Contain("Only this game's host");
        await FluentActions.Awaiting(() => host.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest(Starter, 3, 1000, null, null)))
            .Should().ThrowAsync<HubException>().WithMessage("*5 to 240 seconds*");

        await host.InvokeAsync("Start", game.Pin);

        // The projector's QR code exists for this game only.
        using var http = _app.CreateClient();
        var qr = await http.GetAsync($"/live/{game.Pin}/qr.svg");
        qr.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        (await qr.Content.ReadAsStringAsync()).Should().StartWith("<svg");
        (await http.GetAsync($"/live/{(game.Pin == "123456" ? "654321" : "123456")}/qr.svg")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Fifty_copies_of_an_answer_count_once_and_no_answer_is_sent_before_its_reveal()
    {
        var host = await _clients.SignedIn();
        var game = await host.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest(Starter, 20, 1000, null, null));
        var messages = new ConcurrentQueue<(string Event, string Json)>();
        var player = await _clients.Connect();
        foreach (var name in new[] { "question", "reveal", "open", "ended", "lobby" })
        {
            player.On<JsonElement>(name, payload => messages.Enqueue((name, payload.GetRawText())));
        }
        var bystander = await _clients.Connect();
        await player.InvokeAsync<Joined>("Join", game.Pin, "Dana");
        await bystander.InvokeAsync<Joined>("Join", game.Pin, "Erlan");
        (await FluentActions.Awaiting(() => bystander.InvokeAsync<Joined>("Join", game.Pin, "DANA")).Should().ThrowAsync<HubException>())
            .Which.Message.Should().Contain("taken");

        await host.InvokeAsync("Start", game.Pin);
        await LiveClients.WaitFor(() => messages.Any(m => m.Event == "question"));
        var question = JsonDocument.Parse(messages.First(m => m.Event == "question").Json).RootElement;
        question.EnumerateObject().Select(p => p.Name).Should().NotContain(["answer", "explanation", "accept", "source"]);
        messages.Should().NotContain(m => m.Event == "reveal");

        var choice = question.GetProperty("choices")[0].GetString();
        var acks = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => player.InvokeAsync<AnswerAck>("Answer", game.Pin, new { text = choice })));
        acks.Count(a => a.Status == "Accepted").Should().Be(1);
        acks.Count(a => a.Status == "AlreadyAnswered").Should().Be(49);
        messages.Should().NotContain(m => m.Event == "reveal", "the bystander has not answered and time is not up");

        await bystander.InvokeAsync<AnswerAck>("Answer", game.Pin, new { text = choice });
        await LiveClients.WaitFor(() => messages.Any(m => m.Event == "reveal"));
        var reveal = JsonDocument.Parse(messages.First(m => m.Event == "reveal").Json).RootElement;
        reveal.GetProperty("answer").GetString().Should().NotBeNullOrEmpty();
        reveal.GetProperty("top").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task An_oversized_message_disconnects_only_its_sender()
    {
        var host = await _clients.SignedIn();
        var game = await host.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest(Starter, 20, 1000, null, null));
        var bad = await _clients.Connect();
        var good = await _clients.Connect();
        await bad.InvokeAsync<Joined>("Join", game.Pin, "Bad");
        await good.InvokeAsync<Joined>("Join", game.Pin, "Good");
        await host.InvokeAsync("Start", game.Pin);

        var closed = new TaskCompletionSource();
        bad.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        _ = bad.InvokeAsync<AnswerAck>("Answer", game.Pin, new { text = new string('x', (int)LiveSetup.MaxMessageBytes + 1) }).ContinueWith(_ => { }, TaskScheduler.Default);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        (await good.InvokeAsync<AnswerAck>("Answer", game.Pin, new { text = "anything" })).Status.Should().Be("Accepted");
    }

    [Fact]
    public async Task A_player_who_drops_rejoins_with_the_token_and_keeps_the_score_and_no_one_else_can()
    {
        var host = await _clients.SignedIn();
        var game = await host.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest(Starter, 20, 1000, null, null));
        var phone = await _clients.Connect();
        var question = new TaskCompletionSource<JsonElement>();
        phone.On<JsonElement>("question", q => question.TrySetResult(q));
        var joined = await phone.InvokeAsync<Joined>("Join", game.Pin, "Timur");
        var other = await _clients.Connect();
        await other.InvokeAsync<Joined>("Join", game.Pin, "Other");
        await host.InvokeAsync("Start", game.Pin);
        var shown = await question.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var choices = shown.GetProperty("choices").EnumerateArray().Select(c => c.GetString()!).ToList();
        var ack = await phone.InvokeAsync<AnswerAck>("Answer", game.Pin, new { text = choices[0] });
        ack.Status.Should().Be("Accepted");

        var otherTab = await _clients.Connect();
        var replaced = new TaskCompletionSource<string>();
        phone.On<string>("replaced", text => replaced.TrySetResult(text));
        (await otherTab.InvokeAsync<Joined>("Rejoin", game.Pin, joined.RejoinToken)).PlayerId.Should().Be(joined.PlayerId);
        (await replaced.Task.WaitAsync(TimeSpan.FromSeconds(10))).Should().Contain("from another tab or device", "the old tab is told, not left hanging");
        await FluentActions.Awaiting(() => phone.InvokeAsync<AnswerAck>("Answer", game.Pin, new { text = choices[1] }))
            .Should().ThrowAsync<HubException>("the replaced connection no longer plays");

        await phone.DisposeAsync(); // the phone sleeps
        var woken = await _clients.Connect();
        var back = await woken.InvokeAsync<Joined>("Rejoin", game.Pin, joined.RejoinToken);

        back.PlayerId.Should().Be(joined.PlayerId);
        back.Nickname.Should().Be("Timur");
        back.Score.Should().Be(0, "nothing scored is told before the reveal");
        (await woken.InvokeAsync<AnswerAck>("Answer", game.Pin, new { text = choices[1] })).Status.Should().Be("AlreadyAnswered", "the rejoined player is the same player");
        var impostor = await _clients.Connect();
        (await FluentActions.Awaiting(() => impostor.InvokeAsync<Joined>("Join", game.Pin, "timur")).Should().ThrowAsync<HubException>()).Which.Message.Should().Contain("taken");
        await FluentActions.Awaiting(() => impostor.InvokeAsync<Joined>("Rejoin", game.Pin, GameRegistry.NewRejoinToken())).Should().ThrowAsync<HubException>();
        joined.RejoinToken.Length.Should().BeGreaterThanOrEqualTo(22, "128 random bits in base64url");
    }

    [Fact]
    public async Task A_flooding_client_is_disconnected_and_the_game_goes_on()
    {
        var host = await _clients.SignedIn();
        var game = await host.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest(Starter, 20, 1000, null, null));
        var flood = await _clients.Connect();
        var good = await _clients.Connect();
        await flood.InvokeAsync<Joined>("Join", game.Pin, "Flood");
        await good.InvokeAsync<Joined>("Join", game.Pin, "Good");
        await host.InvokeAsync("Start", game.Pin);
        var closed = new TaskCompletionSource();
        flood.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        var sends = Enumerable.Range(0, 300).Select(_ => flood.InvokeAsync<AnswerAck>("Answer", game.Pin, new { text = "x" })).ToList();
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAll(sends.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

        sends.Count(t => t.IsCompletedSuccessfully && t.Result.Status == "Accepted").Should().Be(1);
        (await good.InvokeAsync<AnswerAck>("Answer", game.Pin, new { text = "anything" })).Status.Should().Be("Accepted");
    }

    [Fact]
    public async Task Joins_from_one_address_are_limited_per_minute()
    {
        var host = await _clients.SignedIn();
        var game = await host.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest(Starter, 20, 1000, null, null));
        var phone = await _clients.Connect();
        for (var i = 0; i < JoinsPerMinute; i++)
        {
            await phone.InvokeAsync<Joined>("Join", game.Pin, $"Player {i}");
        }

        (await FluentActions.Awaiting(() => phone.InvokeAsync<Joined>("Join", game.Pin, "One more")).Should().ThrowAsync<HubException>())
            .Which.Message.Should().Contain("Too many joins");
    }

    [Fact]
    public async Task With_reading_time_answers_open_only_when_the_server_says_so()
    {
        var host = await _clients.SignedIn();
        var game = await host.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest(Starter, 20, 1000, null, null, ReadingSeconds: 1));
        var phone = await _clients.Connect();
        var opened = new TaskCompletionSource<int>();
        phone.On<int>("open", i => opened.TrySetResult(i));
        var shown = new TaskCompletionSource<JsonElement>();
        phone.On<JsonElement>("question", q => shown.TrySetResult(q));
        await phone.InvokeAsync<Joined>("Join", game.Pin, "Reader");
        await host.InvokeAsync("Start", game.Pin);

        (await shown.Task.WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("open").GetBoolean().Should().BeFalse();
        (await phone.InvokeAsync<AnswerAck>("Answer", game.Pin, new { text = "x" })).Status.Should().Be("NotOpen");
        (await opened.Task.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(0);
        (await phone.InvokeAsync<AnswerAck>("Answer", game.Pin, new { text = "x" })).Status.Should().Be("Accepted");
    }

    [Fact]
    public async Task Locking_the_lobby_and_pausing_do_not_end_the_game_or_show_the_question_again()
    {
        var host = await _clients.SignedIn();
        var game = await host.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest(Starter, 20, 1000, null, null));
        var phone = await _clients.Connect();
        var events = new ConcurrentQueue<string>();
        foreach (var name in new[] { "question", "ended" })
        {
            phone.On<JsonElement>(name, _ => events.Enqueue(name));
        }
        await phone.InvokeAsync<Joined>("Join", game.Pin, "Calm");

        await host.InvokeAsync("Lock", game.Pin, true);
        (await host.InvokeAsync<JsonElement>("Watch", game.Pin)).GetProperty("locked").GetBoolean().Should().BeTrue("a reloaded host page shows the lock as it is");
        await host.InvokeAsync("Lock", game.Pin, false);
        (await host.InvokeAsync<JsonElement>("Watch", game.Pin)).GetProperty("locked").GetBoolean().Should().BeFalse();
        await host.InvokeAsync("Start", game.Pin);
        await LiveClients.WaitFor(() => events.Contains("question"));
        await host.InvokeAsync("Pause", game.Pin);
        await host.InvokeAsync("Resume", game.Pin);
        await Task.Delay(300);

        events.Should().Equal("question");
    }

    [Fact]
    public async Task The_servers_clock_scores_an_answer_and_nothing_before_the_reveal_tells_whether_it_was_right()
    {
        var host = await _clients.SignedIn();
        using var http = _app.CreateClient();
        var bank = await http.GetFromJsonAsync<JsonElement>($"/api/banks/{Starter}");
        var game = await host.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest(Starter, 20, 1000, true, false));
        var phone = await _clients.Connect();
        var shown = new TaskCompletionSource<JsonElement>();
        phone.On<JsonElement>("question", q => shown.TrySetResult(q));
        var joined = await phone.InvokeAsync<Joined>("Join", game.Pin, "Clocky");
        await _clients.Connect().ContinueWith(c => c.Result.InvokeAsync<Joined>("Join", game.Pin, "Waiting")).Unwrap(); // keeps the question open
        await host.InvokeAsync("Start", game.Pin);
        var prompt = (await shown.Task.WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("prompt").GetString();
        var right = bank.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("prompt").GetString() == prompt).GetProperty("answer").GetString();

        await Task.Delay(TimeSpan.FromSeconds(2));
        (await FluentActions.Awaiting(() => phone.InvokeAsync<AnswerAck>("Answer", game.Pin, null)).Should().ThrowAsync<HubException>())
            .Which.Message.Should().EndWith("Send an answer: a text, true or false, or the items in order.");
        var ack = await phone.InvokeAsync<JsonElement>("Answer", game.Pin,
            new { text = right, elapsed = 0, elapsedMs = 0, answeredAt = DateTimeOffset.UtcNow.AddSeconds(-2), clientTime = 0 });
        var you = new TaskCompletionSource<JsonElement>();
        var woken = await _clients.Connect(handlers: c => c.On<JsonElement>("you", y => you.TrySetResult(y)));
        var rejoined = await woken.InvokeAsync<Joined>("Rejoin", game.Pin, joined.RejoinToken); // the phone, reloaded

        // The acknowledgement and a rejoin tell nothing that depends on the answer being right: whispering the
        // answer to the class after testing each choice with a throwaway nickname gains nothing.
        ack.EnumerateObject().Select(p => p.Name).Should().Equal("status");
        ack.GetProperty("status").GetString().Should().Be("Accepted");
        rejoined.Score.Should().Be(0);
        you.Task.IsCompleted.Should().BeFalse("the result comes with the reveal");
        await host.InvokeAsync("Skip", game.Pin); // closes the question: the reveal
        var points = (await you.Task.WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("points").GetInt32();
        // 1000 × (1 − (t / 20) / 2) for the server's t of a little over 2 s; full points were the client's claim.
        points.Should().BeInRange(900, 950);
    }

    [Fact]
    public async Task A_kicked_player_leaves_the_hosts_lobby_list()
    {
        var lobbies = new ConcurrentQueue<JsonElement>();
        var host = await _clients.SignedIn();
        host.On<JsonElement>("lobby", l => lobbies.Enqueue(l));
        var game = await host.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest(Starter, 20, 1000, null, null));
        var names = (JsonElement l) => l.GetProperty("players").EnumerateArray().Select(p => p.GetProperty("nickname").GetString()).ToList();
        var stays = await (await _clients.Connect()).InvokeAsync<Joined>("Join", game.Pin, "Stays");
        var goes = await (await _clients.Connect()).InvokeAsync<Joined>("Join", game.Pin, "Goes");
        await LiveClients.WaitFor(() => lobbies.Any(l => names(l).Count == 2));

        await host.InvokeAsync("Kick", game.Pin, goes.PlayerId);

        await LiveClients.WaitFor(() => lobbies.Any(l => names(l).SequenceEqual(["Stays"])));
        stays.Nickname.Should().Be("Stays");
    }

    [Fact]
    public async Task A_host_racing_ahead_never_gets_a_reveal_out_of_order()
    {
        var host = await _clients.SignedIn();
        var game = await host.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest(Starter, 20, 1000, null, null));
        var phone = await _clients.Connect();
        var events = new ConcurrentQueue<(string Event, int Index)>();
        var shown = new ConcurrentQueue<JsonElement>();
        phone.On<JsonElement>("question", q => { shown.Enqueue(q); events.Enqueue(("question", q.GetProperty("index").GetInt32())); });
        phone.On<JsonElement>("reveal", r => events.Enqueue(("reveal", r.GetProperty("index").GetInt32())));
        phone.On<JsonElement>("ended", _ => events.Enqueue(("ended", -1)));
        await phone.InvokeAsync<Joined>("Join", game.Pin, "Solo");
        await host.InvokeAsync("Start", game.Pin);

        for (var q = 0; q < 5; q++)
        {
            var index = q;
            await LiveClients.WaitFor(() => shown.Count > index);
            var question = shown.ElementAt(q);
            // The only player answers (which closes the question and sends the reveal in the background) and the
            // host moves on at once, without waiting to see the reveal.
            (await phone.InvokeAsync<AnswerAck>("Answer", game.Pin, new { text = question.TryGetProperty("choices", out var c) && c.ValueKind == JsonValueKind.Array ? c[0].GetString() : "1" }))
                .Status.Should().Be("Accepted");
            if (q < 4)
            {
                await host.InvokeAsync("Next", game.Pin);
            }
        }
        await host.InvokeAsync("End", game.Pin);
        await LiveClients.WaitFor(() => events.Any(e => e.Event == "ended"));

        events.Should().Equal(Enumerable.Range(0, 5).SelectMany(i => new[] { ("question", i), ("reveal", i) }).Append(("ended", -1)),
            "every question's reveal comes before the next question, and describes that question");
    }
}
