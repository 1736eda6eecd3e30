using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Steppe.Web.Study;

namespace Steppe.Benchmarks;

/// <summary>`study-http URL LEARNERS`: a load generator for a running server on this machine. LEARNERS
/// accounts sign up at once, each adds the starter bank and answers every card the server offers, all at the
/// same time; prints the latency of next-card and submit-review as the browser sees them, the throughput, and
/// the count of server errors. Stops by itself. The server's sign-in limit must allow the sign-ups
/// (Accounts__SignInAttemptsPerMinute).</summary>
public static class StudyHttpLoad
{
    public static async Task<int> RunAsync(Uri server, int learners)
    {
        if (!server.IsLoopback)
        {
            Console.Error.WriteLine("study-http only targets this machine (127.0.0.1 or localhost).");
            return 2;
        }
        var next = new ConcurrentBag<double>();
        var submit = new ConcurrentBag<double>();
        var errors = new ConcurrentBag<string>();
        var clients = Enumerable.Range(0, learners).Select(_ => new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) }).ToList();
        var run = Guid.NewGuid().ToString("N")[..8];
        await Task.WhenAll(clients.Select(async (client, i) =>
        {
            var signUp = await client.PostAsJsonAsync("/api/account/signup", new { email = $"load-{run}-{i}@example.org", password = "violet tangerine ladder" });
            signUp.EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync("/api/decks", new { bankId = "sino-kazakh-relations-starter" })).EnsureSuccessStatusCode();
        }));

        var total = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async (client, i) =>
        {
            var random = new Random(i);
            while (true)
            {
                var watch = Stopwatch.StartNew();
                var response = await client.GetAsync("/api/study/next");
                next.Add(watch.Elapsed.TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    errors.Add($"next: {(int)response.StatusCode}");
                    return;
                }
                var shown = await response.Content.ReadFromJsonAsync<NextCardResponse>();
                if (shown!.Card is not { } card)
                {
                    return;
                }
                watch.Restart();
                var answer = await client.PostAsJsonAsync("/api/study/reviews",
                    new { clientId = Guid.NewGuid(), cardId = card.Id, version = card.Version, rating = random.Next(3, 5), durationMs = 3000 });
                submit.Add(watch.Elapsed.TotalMilliseconds);
                if (!answer.IsSuccessStatusCode)
                {
                    errors.Add($"submit: {(int)answer.StatusCode}");
                }
            }
        }));
        var seconds = total.Elapsed.TotalSeconds;
        Report("next card", next.ToList());
        Report("submit review", submit.ToList());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{learners} learners, {submit.Count} reviews in {seconds:F1} s ({submit.Count / seconds:F0} reviews/s), errors: {errors.Count}"));
        foreach (var group in errors.GroupBy(e => e))
        {
            Console.WriteLine($"  {group.Key} × {group.Count()}");
        }
        return errors.IsEmpty ? 0 : 1;
    }

    internal static void Report(string what, List<double> ms)
    {
        ms.Sort();
        double At(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-14} n={ms.Count}  median {At(0.5):F2} ms  p95 {At(0.95):F2} ms  p99 {At(0.99):F2} ms  max {ms[^1]:F2} ms"));
    }
}
