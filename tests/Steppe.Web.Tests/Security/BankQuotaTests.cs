using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Security;

/// <summary>A free account filling the server with banks, and anonymous visitors reading the home page after it
/// did, against the real server process.</summary>
public sealed class BankQuotaTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<AppProcess> Start(params (string, string)[] settings) =>
        AppProcess.StartAsync(Repo.Root, _folder.AppEnvironment([("Banks__Directory", _folder.Banks), .. settings]));

    private static StringContent Bank(string id, int questions, int promptLength = 1) =>
        new(BankJson.Large(id, questions, promptLength), Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_bank_of_more_questions_than_a_bank_may_hold_is_refused_with_the_limit()
    {
        await using var app = await Start();
        var attacker = app.CreateClient();
        await attacker.SignUpAsync();

        var response = await attacker.PostAsync("/api/banks", Bank("huge", 62_500)); // the probe's bank, under 5 MB
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        problem!.Errors["$.questions"].Should().ContainSingle().Which.Should().Contain("has 62,500 questions; a bank may hold up to 5,000");
        (await attacker.GetAsync("/api/banks/huge")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_account_may_add_only_so_many_banks_and_bytes_and_another_account_is_not_held_back()
    {
        await using var app = await Start(("Banks__MaxBanksPerAccount", "2"), ("Banks__MaxBytesPerAccount", "300000"));
        var attacker = app.CreateClient();
        await attacker.SignUpAsync();
        var teacher = app.CreateClient();
        await teacher.SignUpAsync();

        var first = await attacker.PostAsync("/api/banks", Bank("a1", 10));
        var second = await attacker.PostAsync("/api/banks", Bank("a2", 10));
        var third = await attacker.PostAsync("/api/banks", Bank("a3", 10));
        var big = await teacher.PostAsync("/api/banks", Bank("t1", 1000, promptLength: 300)); // ~350 KB stored

        (first.StatusCode, second.StatusCode).Should().Be((HttpStatusCode.Created, HttpStatusCode.Created));
        third.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await third.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("up to 2 banks");
        big.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await big.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("up to 0.3 MB together");
        (await teacher.PostAsync("/api/banks", Bank("t2", 10))).StatusCode.Should().Be(HttpStatusCode.Created, "the teacher's own quota is untouched");
    }

    [Fact]
    public async Task The_home_page_reads_summaries_a_page_at_a_time_whatever_the_banks_hold()
    {
        await using var app = await Start(("Banks__MaxBanksPerAccount", "100"), ("Banks__MaxBytesPerAccount", "100000000"));
        var attacker = app.CreateClient();
        await attacker.SignUpAsync();
        for (var i = 0; i < 21; i++)
        {
            (await attacker.PostAsync("/api/banks", Bank($"b{i:00}", 1_000, promptLength: 20))).StatusCode.Should().Be(HttpStatusCode.Created);
            (await attacker.PutAsJsonAsync($"/api/banks/b{i:00}/sharing", new { access = "public" })).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var anonymous = app.CreateClient();
        var first = await anonymous.GetStringAsync("/");
        var second = await anonymous.GetStringAsync("/?page=2");
        var bankPage = await anonymous.GetStringAsync("/banks/b07?page=20");

        Encoding.UTF8.GetByteCount(first).Should().BeLessThan(64 * 1024, "the page holds summaries, not 21,000 questions");
        first.Should().Contain("21 banks with 21,000 questions").And.Contain("Page 1 of 2").And.Contain("href=\"/?page=2\"").And.NotContain("Q1 xxx");
        CountOf(first, "class=\"bank\"").Should().Be(20);
        CountOf(second, "class=\"bank\"").Should().Be(1);
        CountOf(bankPage, "class=\"question\"").Should().Be(50);
        bankPage.Should().Contain("Q950 ").And.Contain("Q999 ").And.Contain("Page 20 of 20");
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
