using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Security;

/// <summary>The probe's CPU attacks on POST /api/generate against the real server process: anonymous floods, one
/// user's flood, a sentence of half a megabyte, and more long articles at once than the generator takes.</summary>
public sealed class GenerationAbuseTests : IDisposable
{
    private static readonly string Article = File.ReadAllText(Repo.File("question-bank", "articles", "sino-kazakh-relations.txt"));
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<AppProcess> Start(params (string, string)[] settings) => AppProcess.StartAsync(Repo.Root, _folder.AppEnvironment(settings));

    [Fact]
    public async Task Generating_needs_a_signed_in_user()
    {
        await using var app = await Start();

        var response = await app.CreateClient().PostAsJsonAsync("/api/generate", new { text = Article });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task One_user_may_generate_only_so_many_banks_an_hour_and_is_told_the_limit()
    {
        await using var app = await Start(("Generation__PerUserPerHour", "2"));
        var user = app.CreateClient();
        await user.SignUpAsync();
        var other = app.CreateClient();
        await other.SignUpAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await user.PostAsJsonAsync("/api/generate", new { text = Article })).StatusCode);
        }
        var refused = await user.PostAsJsonAsync("/api/generate", new { text = Article });

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.Should().NotBeNull();
        (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("may generate 2 banks an hour");
        (await other.PostAsJsonAsync("/api/generate", new { text = Article })).StatusCode.Should().Be(HttpStatusCode.OK, "each user has their own limit");
    }

    [Fact]
    public async Task A_sentence_of_half_a_megabyte_is_refused_at_once_saying_where()
    {
        await using var app = await Start();
        var client = app.CreateClient();
        await client.SignUpAsync();
        var words = Article.Replace(".", ",", StringComparison.Ordinal).Replace('\n', ' ');
        var sentence = new StringBuilder("Title\n\nA short first paragraph about Astana and Beijing in 2017.\n\n");
        while (sentence.Length < 500_000)
        {
            sentence.Append(words);
        }

        var response = await client.PostAsJsonAsync("/api/generate", new { text = sentence.Append('.').ToString() });
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        problem!.Errors["text"].Should().ContainSingle().Which.Should().StartWith("paragraph 3 has a sentence of").And.Contain("up to 2,000 characters");
    }

    [Fact]
    public async Task More_long_articles_at_once_than_the_generator_takes_are_refused_with_503_not_piled_up()
    {
        // One worker, one place in the queue: of three long articles sent at once, one runs, one waits, one is refused.
        await using var app = await Start(("Generation__Workers", "1"), ("Generation__QueueLength", "1"), ("Generation__MaxWaitSeconds", "600"));
        var clients = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            var client = app.CreateClient();
            await client.SignUpAsync();
            clients.Add(client);
        }
        var longArticle = string.Join("\n\n", Enumerable.Range(0, 8).Select(i => Article.Replace("2017", (1900 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync("/api/generate", new { text = longArticle })));

        responses.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable]);
        var busy = responses.Single(r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        busy.Headers.RetryAfter.Should().NotBeNull();
        (await busy.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("1 article(s) at a time with up to 1 waiting");
    }
}
