using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Steppe.Web.Live;
using Steppe.Web.Study;

namespace Steppe.Benchmarks;

/// <summary>`attack URL PID [SECONDS]`: the outside probe's availability attacks (issue 11, items 1–3) against a
/// running server on this machine, all at once for SECONDS (90 by default), while one learner studies:
/// <list type="bullet">
/// <item>an account fills its bank quota with the largest banks it may add (after trying the probe's 62,500-question bank),
/// and ten anonymous clients read the home page without pause;</item>
/// <item>eight accounts each keep a 1 MB article in generation (re-sent as soon as it is answered, after a second when refused);</item>
/// <item>one account tries to open 2,000 live games of the largest bank.</item>
/// </list>
/// Prints the server's resident memory (from /proc/PID/status, every 250 ms) and the learner's next-card latency.
/// The server must let this address sign up a dozen accounts (its default does). Stops by itself.</summary>
public static class AttackLoad
{
    public static async Task<int> RunAsync(Uri server, int pid, int seconds)
    {
        if (!server.IsLoopback)
        {
            Console.Error.WriteLine("attack only targets this machine (127.0.0.1 or localhost).");
            return 2;
        }
        ThreadPool.SetMinThreads(64, 64);
        var run = Guid.NewGuid().ToString("N")[..8];
        var attacker = await Account(server, $"attacker-{run}");
        var learner = await Account(server, $"learner-{run}");
        var flooder = await Account(server, $"flooder-{run}");
        var generators = new List<(HttpClient Client, CookieContainer Cookies)>();
        for (var i = 0; i < 8; i++)
        {
            generators.Add(await Account(server, $"generator-{run}-{i}"));
        }
        (await learner.Client.PostAsJsonAsync("/api/decks", new { bankId = "sino-kazakh-relations-starter" })).EnsureSuccessStatusCode();

        // Item 1: the probe's bank, then the quota filled with the largest banks allowed.
        var huge = await attacker.Client.PostAsync("/api/banks", Bank($"huge-{run}", 62_500));
        Console.WriteLine($"62,500-question bank: {(int)huge.StatusCode}");
        var added = 0;
        HttpResponseMessage upload;
        while ((upload = await attacker.Client.PostAsync("/api/banks", Bank($"big-{run}-{added}", 5_000))).StatusCode == HttpStatusCode.Created)
        {
            added++;
        }
        Console.WriteLine($"5,000-question banks added before the quota: {added} (then {(int)upload.StatusCode})");

        var article = Article();
        using var memory = new Sampler(pid);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var home = new ConcurrentBag<double>();
        var homeBytes = new ConcurrentBag<long>();
        var next = new ConcurrentBag<double>();
        var generated = new ConcurrentDictionary<int, int>();
        var errors = new ConcurrentBag<string>();
        var games = new ConcurrentDictionary<string, int>();
        var started = Stopwatch.StartNew();

        var readers = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            using var anonymous = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(120) };
            while (!stop.IsCancellationRequested)
            {
                var watch = Stopwatch.StartNew();
                var bytes = (await anonymous.GetByteArrayAsync("/", CancellationToken.None)).LongLength;
                home.Add(watch.Elapsed.TotalMilliseconds);
                homeBytes.Add(bytes);
            }
        }));
        var generations = generators.Select(g => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var response = await g.Client.PostAsJsonAsync("/api/generate", new { text = article }, stop.Token);
                    generated.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                    if (!response.IsSuccessStatusCode)
                    {
                        await Task.Delay(1000, stop.Token);
                    }
                }
                catch (OperationCanceledException)
                {
                }
            }
        }));
        var flood = Task.Run(() => Flood(server, flooder.Cookies, games, stop.Token));
        var study = Task.Run(async () =>
        {
            var random = new Random(2017);
            while (!stop.IsCancellationRequested)
            {
                var watch = Stopwatch.StartNew();
                var response = await learner.Client.GetAsync("/api/study/next", CancellationToken.None);
                next.Add(watch.Elapsed.TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    errors.Add($"next card: {(int)response.StatusCode}");
                    continue;
                }
                var card = (await response.Content.ReadFromJsonAsync<NextCardResponse>())!.Card;
                if (card is not null)
                {
                    var answer = await learner.Client.PostAsJsonAsync("/api/study/reviews",
                        new { clientId = Guid.NewGuid(), cardId = card.Id, version = card.Version, rating = random.Next(1, 5), durationMs = 3000 });
                    if (!answer.IsSuccessStatusCode)
                    {
                        errors.Add($"answer: {(int)answer.StatusCode}");
                    }
                }
                await Task.Delay(200, CancellationToken.None); // a quick learner
            }
        });
        await Task.WhenAll([.. readers, .. generations, flood, study]);
        memory.Stop();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{started.Elapsed.TotalSeconds:F0} s of attack on {Environment.ProcessorCount} cores"));
        Report("learner next card", next.ToList());
        Report("anonymous GET /", home.ToList());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"",-20} page size {homeBytes.DefaultIfEmpty().Max() / 1024.0:F1} KB"));
        Console.WriteLine($"1 MB generations answered: {string.Join(", ", generated.OrderBy(g => g.Key).Select(g => $"{g.Key} × {g.Value}"))}");
        Console.WriteLine($"games: {string.Join(", ", games.OrderByDescending(g => g.Value).Select(g => $"{g.Key} × {g.Value}"))}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"server memory (RSS): median {memory.Median:F0} MB, peak {memory.Peak:F0} MB (process high-water mark {Sampler.Read(pid, "VmHWM"):F0} MB)"));
        Console.WriteLine($"learner errors: {errors.Count}");
        return 0;
    }

    /// <summary>2,000 attempts to open a game, over ten connections (a connection the server closes for flooding is
    /// opened again).</summary>
    private static async Task Flood(Uri server, CookieContainer cookies, ConcurrentDictionary<string, int> outcomes, CancellationToken stop)
    {
        var attempts = 0;
        await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            while (Interlocked.Increment(ref attempts) <= 2000 && !stop.IsCancellationRequested)
            {
                await using var hub = new HubConnectionBuilder().WithUrl(new Uri(server, "/hubs/live"), o => o.Cookies = cookies).Build();
                try
                {
                    await hub.StartAsync(stop);
                    while (hub.State == HubConnectionState.Connected && !stop.IsCancellationRequested)
                    {
                        try
                        {
                            await hub.InvokeAsync<GameCreated>("CreateGame", new CreateGameRequest("sino-kazakh-relations", 20, 1000, true, true), stop);
                            outcomes.AddOrUpdate("created", 1, (_, n) => n + 1);
                        }
                        catch (HubException e)
                        {
                            outcomes.AddOrUpdate("refused: " + Regex.Replace(e.Message, @"\d+", "N"), 1, (_, n) => n + 1);
                        }
                        if (Interlocked.Increment(ref attempts) > 2000)
                        {
                            return;
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                    return; // the attack's time is up
                }
                catch (Exception e)
                {
                    outcomes.AddOrUpdate("connection closed: " + e.GetType().Name, 1, (_, n) => n + 1);
                }
            }
        }));
    }

    internal static async Task<(HttpClient Client, CookieContainer Cookies)> Account(Uri server, string name)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(300) };
        var response = await client.PostAsJsonAsync("/api/account/signup", new { email = $"{name}@example.org", password = "violet tangerine ladder" });
        response.EnsureSuccessStatusCode();
        return (client, cookies);
    }

    private static StringContent Bank(string id, int questions)
    {
        var json = new StringBuilder($$"""{"format":1,"id":"{{id}}","title":"Bank {{id}}","questions":[""");
        for (var i = 0; i < questions; i++)
        {
            json.Append(i == 0 ? "" : ",").Append($$"""{"id":"q{{i}}","type":"short-answer","prompt":"Q{{i}}?","answer":"a"}""");
        }
        return new StringContent(json.Append("]}").ToString(), Encoding.UTF8, "application/json");
    }

    /// <summary>About a megabyte of English: the sample article again and again, its figures moved each time.</summary>
    private static string Article()
    {
        var sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sino-kazakh-relations.txt"));
        var text = new StringBuilder();
        for (var copy = 0; text.Length < 990_000; copy++)
        {
            text.Append(Regex.Replace(sample, @"\b\d+\b", m => (int.Parse(m.Value, CultureInfo.InvariantCulture) + copy).ToString(CultureInfo.InvariantCulture))).Append("\n\n");
        }
        return text.ToString(0, 990_000);
    }

    private static void Report(string what, List<double> ms)
    {
        ms.Sort();
        double At(double q) => ms.Count == 0 ? double.NaN : ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-20} n={ms.Count}  median {At(0.5):F1} ms  p95 {At(0.95):F1} ms  p99 {At(0.99):F1} ms  max {(ms.Count > 0 ? ms[^1] : double.NaN):F1} ms"));
    }

    /// <summary>The server's resident memory every 250 ms.</summary>
    internal sealed class Sampler : IDisposable
    {
        private readonly List<double> _samples = [];
        private readonly Timer _timer;

        public Sampler(int pid) => _timer = new Timer(_ =>
        {
            if (Read(pid, "VmRSS") is { } mb)
            {
                lock (_samples)
                {
                    _samples.Add(mb);
                }
            }
        }, null, 0, 250);

        public double Peak { get { lock (_samples) { return _samples.DefaultIfEmpty().Max(); } } }

        public double Median { get { lock (_samples) { var s = _samples.Order().ToList(); return s.Count == 0 ? 0 : s[s.Count / 2]; } } }

        public void Stop() => _timer.Change(Timeout.Infinite, Timeout.Infinite);

        public void Dispose() => _timer.Dispose();

        public static double? Read(int pid, string field)
        {
            try
            {
                var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
                return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}
