using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Security;

/// <summary>Someone finding out which addresses have an account, or locking a teacher out, against the real server
/// process with its real password hashing.</summary>
public sealed class EnumerationTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<AppProcess> Start(params (string, string)[] settings) =>
        AppProcess.StartAsync(Repo.Root, _folder.AppEnvironment([("Accounts__SignInAttemptsPerMinute", "10000"), .. settings]));

    /// <summary>A client whose connections come from <paramref name="source"/> (another loopback address stands for
    /// another network).</summary>
    private static HttpClient From(AppProcess app, string source) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = app.BaseAddress };

    private static Task<HttpResponseMessage> SignIn(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/account/signin", new { email, password });

    [Fact]
    public async Task Sign_in_takes_as_long_for_an_unknown_address_as_for_a_real_one()
    {
        // The production hash (210,000 iterations), as the probe met it; no lock, so that every try is a plain miss.
        await using var app = await Start(("Accounts__PasswordIterations", "210000"), ("Accounts__FailuresBeforeLock", "1000"));
        var client = app.CreateClient();
        var real = await client.SignUpAsync();
        await SignIn(client, "warm-up@example.org", "wrong password");
        var times = new Dictionary<string, List<double>> { [real] = [], ["nobody-here@example.org"] = [] };

        for (var i = 0; i < 50; i++)
        {
            foreach (var (email, list) in times) // alternating, so that any drift of the machine touches both alike
            {
                var watch = Stopwatch.StartNew();
                var response = await SignIn(client, email, $"wrong password {i}");
                list.Add(watch.Elapsed.TotalMilliseconds);
                response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            }
        }

        var (realMedian, unknownMedian) = (Median(times[real]), Median(times["nobody-here@example.org"]));
        realMedian.Should().BeGreaterThan(5, "a real hash was checked");
        unknownMedian.Should().BeInRange(realMedian * 0.6 - 5, realMedian * 1.6 + 5,
            $"the medians were {realMedian:F1} ms for the real address and {unknownMedian:F1} ms for the unknown one");
    }

    [Fact]
    public async Task Wrong_passwords_lock_a_real_and_an_unknown_address_alike_and_only_for_the_network_that_sent_them()
    {
        await using var app = await Start();
        var teacherEmail = await app.CreateClient().SignUpAsync();
        var attacker = From(app, "127.0.0.2");
        var teacher = From(app, "127.0.0.1");

        var answers = new Dictionary<string, HttpResponseMessage>();
        foreach (var email in new[] { teacherEmail, "nobody-here@example.org" })
        {
            for (var i = 0; i < 5; i++)
            {
                await SignIn(attacker, email, $"guess {i}");
            }
            answers[email] = await SignIn(attacker, email, Support.Accounts.Password);
        }

        var (real, unknown) = (answers[teacherEmail], answers["nobody-here@example.org"]);
        real.StatusCode.Should().Be(HttpStatusCode.Locked);
        unknown.StatusCode.Should().Be(real.StatusCode, "the lock answer does not tell a real address from an unknown one");
        var (realProblem, unknownProblem) = (await real.Content.ReadFromJsonAsync<ProblemDetails>(), await unknown.Content.ReadFromJsonAsync<ProblemDetails>());
        (unknownProblem!.Title, unknownProblem.Detail).Should().Be((realProblem!.Title, realProblem.Detail));
        (await SignIn(teacher, teacherEmail, Support.Accounts.Password)).StatusCode.Should().Be(HttpStatusCode.OK, "the attacker locked out only their own network");
    }

    [Fact]
    public async Task Sign_up_with_an_address_in_use_signs_its_owner_in_and_counts_other_passwords_as_guesses()
    {
        await using var app = await Start();
        var email = await app.CreateClient().SignUpAsync();
        var client = app.CreateClient();

        var owner = await client.PostAsJsonAsync("/api/account/signup", new { email, password = Support.Accounts.Password });
        var guesses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            guesses.Add(await app.CreateClient().PostAsJsonAsync("/api/account/signup", new { email, password = $"another long password {i}" }));
        }

        owner.StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/api/account")).StatusCode.Should().Be(HttpStatusCode.OK);
        guesses.Take(5).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.BadRequest);
        guesses[5].StatusCode.Should().Be(HttpStatusCode.Locked, "sign-up is no way around the sign-in lock");
    }

    [Fact]
    public async Task Sign_ups_are_limited_per_network_by_default()
    {
        await using var app = await Start(("Accounts__SignUpsPerHour", "60")); // the default, which the tests' settings raise
        var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 61; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/account/signup", new { email = $"probe-{i}@example.org", password = Support.Accounts.Password })).StatusCode);
        }

        statuses.Take(60).Should().OnlyContain(s => s == HttpStatusCode.OK);
        statuses[60].Should().Be(HttpStatusCode.TooManyRequests);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
