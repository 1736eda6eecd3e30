using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Steppe.Cli.Load;

/// <summary><c>steppe loadtest live --url URL --players N [--games G] [--questions Q]</c>: a load generator for
/// a Steppe server on this machine. Signs up a host, creates G games from the largest bank, connects N SignalR
/// players to each, plays Q questions with random answers after random think times (fixed seed), and prints
/// p50/p95/p99 of join time, question fan-out (the host's "next" to the last player receiving the question)
/// and answer-to-acknowledgement time, plus the server's peak memory. Stops by itself.</summary>
internal static class LiveLoadTest
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The server (this machine only).", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
        var players = new Option<int>("--players") { Description = "Players per game.", Required = true };
        var games = new Option<int>("--games") { Description = "Games played at once.", DefaultValueFactory = _ => 1 };
        var questions = new Option<int>("--questions") { Description = "Questions per game.", DefaultValueFactory = _ => 5 };
        var seconds = new Option<int>("--seconds") { Description = "Time per question (5-240).", DefaultValueFactory = _ => 20 };
        var think = new Option<double>("--think") { Description = "Longest think time in seconds (each answer waits 0.5 s to this, at random).", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { Description = "Seed of the think times and answers.", DefaultValueFactory = _ => 2017 };
        var pid = new Option<int?>("--server-pid") { Description = "The server's process id, for its peak memory (found by name when omitted)." };
        var live = new Command("live", "Play live games against a running server and measure join, fan-out and answer times.")
        {
            url, players, games, questions, seconds, think, seed, pid,
        };
        live.SetAction((parse, ct) => RunAsync(new Settings(new Uri(parse.GetValue(url)!), parse.GetValue(players), parse.GetValue(games), parse.GetValue(questions),
            parse.GetValue(seconds), parse.GetValue(think), parse.GetValue(seed), parse.GetValue(pid)), ct));
        return new Command("loadtest", "Load generators for a running Steppe server.") { live };
    }

    internal sealed record Settings(Uri Url, int Players, int Games, int Questions, int Seconds, double Think, int Seed, int? ServerPid);

    private sealed class Measures
    {
        public ConcurrentBag<double> Join { get; } = [];
        public ConcurrentBag<double> Delivery { get; } = [];
        public ConcurrentBag<double> FanOut { get; } = [];
        public ConcurrentBag<double> Ack { get; } = [];
        public ConcurrentBag<string> Errors { get; } = [];
        public int Accepted;
        public double JoinSeconds;
        public int Answers;
    }

    public static async Task<int> RunAsync(Settings s, CancellationToken ct)
    {
        if (!s.Url.IsLoopback)
        {
            Console.Error.WriteLine("loadtest only targets this machine (127.0.0.1 or localhost).");
            return 2;
        }
        if (s.Players < 1 || s.Games < 1 || s.Questions < 1 || s.Seconds is < 5 or > 240 || s.Think < 0.5)
        {
            Console.Error.WriteLine("--players, --games and --questions are at least 1, --seconds 5 to 240, --think at least 0.5.");
            return 2;
        }
        ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 16), 64);
        var server = ServerProcess.Find(s.ServerPid);
        using var memory = new MemorySampler(server);

        // A host account and the largest bank's first questions.
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = s.Url, Timeout = TimeSpan.FromSeconds(30) };
        var signUp = await http.PostAsJsonAsync("/api/account/signup", new { email = $"loadtest-{Guid.NewGuid():N}@example.org", password = "loadtest violet tangerine ladder" }, ct);
        if (!signUp.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"Could not sign up a host: {(int)signUp.StatusCode} {await signUp.Content.ReadAsStringAsync(ct)}");
            return 1;
        }
        var banks = await http.GetFromJsonAsync<JsonElement>("/api/banks", ct);
        var bankId = banks.EnumerateArray().OrderByDescending(b => b.GetProperty("questionCount").GetInt32()).Select(b => b.GetProperty("id").GetString()).FirstOrDefault();
        if (bankId is null)
        {
            Console.Error.WriteLine("The server has no bank.");
            return 1;
        }
        var bank = await http.GetFromJsonAsync<JsonElement>($"/api/banks/{Uri.EscapeDataString(bankId)}", ct);
        var questions = bank.GetProperty("questions").EnumerateArray().Where(q => !q.TryGetProperty("timeLimitSeconds", out _)).Take(s.Questions).ToList();
        var byId = questions.ToDictionary(q => q.GetProperty("id").GetString()!);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{s.Games} game(s) × {s.Players} players, {questions.Count} questions of '{bankId}', {s.Seconds} s each, think 0.5–{s.Think} s, seed {s.Seed}; server pid {server?.ToString(CultureInfo.InvariantCulture) ?? "not found"}"));

        var m = new Measures();
        var total = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, s.Games).Select(g => PlayGameAsync(s, g, cookies, bankId, questions, m, ct)));
        var elapsed = total.Elapsed;
        memory.Stop();

        Console.WriteLine();
        Report("join (connect + Join)", m.Join);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"",-34} all {m.Join.Count} joined in {m.JoinSeconds:F1} s ({m.Join.Count / Math.Max(0.001, m.JoinSeconds):F0} joins/s, at most 50 at once per game)"));
        Report("question delivery (each player)", m.Delivery);
        Report("question fan-out (last player)", m.FanOut);
        Report("answer to acknowledgement", m.Ack);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"answers sent {m.Answers}, accepted {m.Accepted}; games finished {results.Count(r => r)} of {s.Games}; {elapsed.TotalSeconds:F1} s"));
        if (memory.PeakMb is { } peak)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"server memory: peak RSS while playing {peak:F0} MB (process high-water mark {memory.HighWaterMb:F0} MB)"));
        }
        else
        {
            Console.WriteLine("server memory: not measured (pass --server-pid)");
        }
        Console.WriteLine($"errors: {m.Errors.Count}");
        foreach (var group in m.Errors.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(10))
        {
            Console.WriteLine($"  {group.Key} × {group.Count()}");
        }
        if (m.Errors.Any(e => e.Contains("Too many joins", StringComparison.Ordinal)))
        {
            Console.WriteLine("All players come from one address here: start the server with Live__JoinsPerMinutePerAddress above the player count.");
        }
        return m.Errors.IsEmpty && results.All(r => r) ? 0 : 1;
    }

    private static async Task<bool> PlayGameAsync(Settings s, int gameNumber, CookieContainer cookies, string bankId, List<JsonElement> questions, Measures m, CancellationToken ct)
    {
        var hubUrl = new Uri(s.Url, "/hubs/live");
        await using var host = new HubConnectionBuilder().WithUrl(hubUrl, HttpTransportType.WebSockets, o => o.Cookies = cookies).Build();
        var revealed = new ConcurrentDictionary<int, TaskCompletionSource>();
        TaskCompletionSource Revealed(int i) => revealed.GetOrAdd(i, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        host.On<JsonElement>("reveal", r => Revealed(r.GetProperty("index").GetInt32()).TrySetResult());
        await host.StartAsync(ct);
        var created = await host.InvokeAsync<JsonElement>("CreateGame", new
        {
            bankId, secondsPerQuestion = s.Seconds, pointsPerQuestion = 1000, speedScoring = true, streakBonus = true,
            questionIds = questions.Select(q => q.GetProperty("id").GetString()).ToList(),
        }, ct);
        var pin = created.GetProperty("pin").GetString()!;

        // Per question: when the host said "next", and when each player received it.
        var shownAt = new long[questions.Count];
        var received = Enumerable.Range(0, questions.Count).Select(_ => new ConcurrentBag<long>()).ToArray();
        var players = new HubConnection[s.Players];
        using var connecting = new SemaphoreSlim(50);
        var joining = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, s.Players).Select(async i =>
        {
            var random = new Random(HashCode.Combine(s.Seed, gameNumber, i));
            var connection = new HubConnectionBuilder().WithUrl(hubUrl, HttpTransportType.WebSockets)
                .WithServerTimeout(TimeSpan.FromSeconds(120)).Build();
            players[i] = connection;
            connection.On<JsonElement>("question", q =>
            {
                var index = q.GetProperty("index").GetInt32();
                received[index].Add(Stopwatch.GetTimestamp());
                _ = AnswerAsync(connection, pin, index, q, random, s, m);
            });
            await connecting.WaitAsync(ct);
            try
            {
                var watch = Stopwatch.StartNew();
                await connection.StartAsync(ct);
                await connection.InvokeAsync<JsonElement>("Join", pin, $"P{gameNumber}-{i}", ct);
                m.Join.Add(watch.Elapsed.TotalMilliseconds);
            }
            catch (Exception e)
            {
                m.Errors.Add($"join: {Short(e)}");
            }
            finally
            {
                connecting.Release();
            }
        }));

        lock (m)
        {
            m.JoinSeconds = Math.Max(m.JoinSeconds, joining.Elapsed.TotalSeconds);
        }
        var ok = true;
        try
        {
            for (var q = 0; q < questions.Count; q++)
            {
                shownAt[q] = Stopwatch.GetTimestamp();
                await host.InvokeAsync(q == 0 ? "Start" : "Next", pin, ct);
                var reveal = Revealed(q).Task;
                if (await Task.WhenAny(reveal, Task.Delay(TimeSpan.FromSeconds(s.Seconds + 30), ct)) != reveal)
                {
                    m.Errors.Add("no reveal before the deadline + 30 s");
                    ok = false;
                    break;
                }
                await Task.Delay(TimeSpan.FromSeconds(1), ct); // the class looks at the leaderboard
                var times = received[q].ToArray();
                foreach (var t in times)
                {
                    m.Delivery.Add(Stopwatch.GetElapsedTime(shownAt[q], t).TotalMilliseconds);
                }
                if (times.Length > 0)
                {
                    m.FanOut.Add(Stopwatch.GetElapsedTime(shownAt[q], times.Max()).TotalMilliseconds);
                }
                if (times.Length < players.Count(p => p.State == HubConnectionState.Connected))
                {
                    m.Errors.Add("a connected player never received a question");
                }
            }
            await host.InvokeAsync("Next", pin, ct); // after the last question: the end
        }
        catch (Exception e)
        {
            m.Errors.Add($"host: {Short(e)}");
            ok = false;
        }
        await Task.WhenAll(players.Select(p => p.DisposeAsync().AsTask()));
        return ok;
    }

    private static async Task AnswerAsync(HubConnection connection, string pin, int index, JsonElement question, Random random, Settings s, Measures m)
    {
        double wait;
        object given;
        lock (random)
        {
            wait = 0.5 + random.NextDouble() * (Math.Min(s.Think, s.Seconds - 1) - 0.5);
            given = RandomAnswer(question, random);
        }
        await Task.Delay(TimeSpan.FromSeconds(wait));
        var watch = Stopwatch.StartNew();
        Interlocked.Increment(ref m.Answers);
        try
        {
            var ack = await connection.InvokeAsync<JsonElement>("Answer", pin, given);
            m.Ack.Add(watch.Elapsed.TotalMilliseconds);
            if (ack.GetProperty("status").GetString() == "Accepted")
            {
                Interlocked.Increment(ref m.Accepted);
            }
        }
        catch (Exception e)
        {
            m.Errors.Add($"answer {index}: {Short(e)}");
        }
    }

    /// <summary>A plausible answer of the question's type: a random choice, true or false, a number, a word, or a
    /// random order.</summary>
    private static object RandomAnswer(JsonElement q, Random random)
    {
        switch (q.GetProperty("type").GetString())
        {
            case "MultipleChoice":
                var choices = q.GetProperty("choices").EnumerateArray().Select(c => c.GetString()).ToList();
                return new { text = choices[random.Next(choices.Count)] };
            case "TrueFalse":
                return new { choice = random.Next(2) == 0 };
            case "Ordering":
                var items = q.GetProperty("items").EnumerateArray().Select(c => c.GetString()).ToArray();
                random.Shuffle(items);
                return new { order = items };
            default:
                return new { text = random.Next(1, 3000).ToString(CultureInfo.InvariantCulture) };
        }
    }

    private static string Short(Exception e) => e.GetBaseException().Message.Split('\n')[0];

    internal static void Report(string what, IEnumerable<double> values)
    {
        var ms = values.Order().ToList();
        if (ms.Count == 0)
        {
            Console.WriteLine($"{what,-34} no samples");
            return;
        }
        double At(double q) => ms[Math.Min(ms.Count - 1, Math.Max(0, (int)Math.Ceiling(q * ms.Count) - 1))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-34} n={ms.Count,6}  p50 {At(0.5),8:F1} ms  p95 {At(0.95),8:F1} ms  p99 {At(0.99),8:F1} ms  max {ms[^1],8:F1} ms"));
    }
}
