using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Security;

/// <summary>Hostile files against the real server process: a bank file with half a surrogate pair, a chunked
/// upload over the limit, and who may read the files the server keeps.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes
public sealed class HostileFileTests : IDisposable
{
    private const string LoneSurrogate = """{ "format": 1, "id": "lone", "title": "Lone \ud800 surrogate", "questions": [{ "id": "q", "type": "short-answer", "prompt": "A?", "answer": "b" }] }""";

    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<AppProcess> Start() => AppProcess.StartAsync(Repo.Root, _folder.AppEnvironment(("Banks__Directory", _folder.Banks)));

    [Fact]
    public async Task A_bank_file_with_half_a_surrogate_pair_is_skipped_and_listed_while_the_server_starts()
    {
        _folder.WriteBank("lone.json", LoneSurrogate);
        _folder.CopyRepoBank("sino-kazakh-relations-starter.json");

        await using var app = await Start();
        var html = await app.CreateClient().GetStringAsync("/");

        html.Should().Contain("lone.json").And.Contain("$.title: not valid JSON text: a \\u escape names half of a surrogate pair");
        html.Should().Contain("Sino-Kazakh relations: starter questions", "the other banks load");
    }

    [Fact]
    public async Task The_same_text_uploaded_is_a_400_with_its_place_not_a_500()
    {
        await using var app = await Start();
        var client = app.CreateClient();
        await client.SignUpAsync();

        var response = await client.PostAsync("/api/banks", new StringContent(LoneSurrogate, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        problem!.Errors["$.title"].Should().ContainSingle().Which.Should().Contain("half of a surrogate pair (such as \\ud800 alone)").And.Contain("line 1, column 39");
    }

    [Fact]
    public async Task A_chunked_upload_over_the_limit_is_413_with_the_limit()
    {
        await using var app = await Start();
        var client = app.CreateClient();
        await client.SignUpAsync();
        var body = new StreamContent(new MemoryStream(new byte[6 * 1024 * 1024])); // no length: sent in chunks
        body.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/banks") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        problem!.Detail.Should().Contain("5 MB");
    }

    [Fact]
    public async Task The_database_and_the_cookie_keys_are_readable_by_the_service_user_alone()
    {
        var data = Path.Combine(_folder.Root, "data");
        await using (var app = await AppProcess.StartAsync(Repo.Root, _folder.AppEnvironment(("ConnectionStrings__Steppe", $"Data Source={data}/steppe.db"))))
        {
            await app.CreateClient().SignUpAsync(); // a sign-in cookie: the key ring is written
        }

        Mode(data).Should().Be("700");
        Mode(Path.Combine(data, "keys")).Should().Be("700");
        Mode(Path.Combine(data, "steppe.db")).Should().Be("600");
        Directory.GetFiles(data, "steppe.db*").Should().HaveCountGreaterThan(1).And.OnlyContain(f => Mode(f) == "600", "the WAL files too");
        Directory.GetFiles(Path.Combine(data, "keys")).Should().NotBeEmpty().And.OnlyContain(f => Mode(f) == "600");
    }

    [Fact]
    public async Task An_existing_database_left_readable_by_others_is_narrowed_at_start()
    {
        var data = Path.Combine(_folder.Root, "old");
        Directory.CreateDirectory(data);
        File.SetUnixFileMode(data, (UnixFileMode)0b111_101_101);
        await File.WriteAllBytesAsync(Path.Combine(data, "steppe.db"), []);
        File.SetUnixFileMode(Path.Combine(data, "steppe.db"), (UnixFileMode)0b110_100_100);

        await using (await AppProcess.StartAsync(Repo.Root, _folder.AppEnvironment(("ConnectionStrings__Steppe", $"Data Source={data}/steppe.db"))))
        {
        }

        (Mode(data), Mode(Path.Combine(data, "steppe.db"))).Should().Be(("700", "600"));
    }

    private static string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(path) & 0b111_111_111, 8);
}
