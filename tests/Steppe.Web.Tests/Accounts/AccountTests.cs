using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Steppe.Web.Accounts;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Accounts;

public sealed class AccountTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly SteppeFactory _app;

    public AccountTests() => _app = new SteppeFactory(_folder);

    public void Dispose()
    {
        _app.Dispose();
        _folder.Dispose();
    }

    private static Task<HttpResponseMessage> SignIn(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/account/signin", new { email, password });

    [Fact]
    public async Task Signing_up_signs_in_and_the_account_is_then_known()
    {
        var client = _app.CreateClient();

        var email = await client.SignUpAsync();
        var me = await client.GetFromJsonAsync<AccountResponse>("/api/account");

        me!.Email.Should().Be(email);
    }

    [Theory]
    // too short: at least 12 characters
    [InlineData("short words", "password", "at least 12")]
    // long enough but among the most common passwords
    [InlineData("password1234", "password", "too common")]
    [InlineData("qwertyuiop123", "password", "too common")]
    // one character repeated
    [InlineData("aaaaaaaaaaaaaaaa", "password", "too common")]
    public async Task Weak_passwords_are_refused_with_the_reason_on_the_field(string password, string field, string reason)
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/account/signup", new { email = "a@example.org", password });
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        string.Join(" ", problem!.Errors[field]).Should().Contain(reason);
    }

    [Fact]
    public async Task No_composition_rules_a_long_lower_case_passphrase_is_fine()
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/account/signup", new { email = "words@example.org", password = "mountain river quietly" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_address_in_use_with_another_password_is_refused_on_the_email_field()
    {
        await _app.CreateClient().SignUpAsync("same@example.org");

        var response = await _app.CreateClient().PostAsJsonAsync("/api/account/signup", new { email = "same@example.org", password = "another long passphrase" });
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        problem!.Errors["email"].Should().ContainSingle().Which.Should().Contain("sign in instead");
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_answer()
    {
        var email = await _app.CreateClient().SignUpAsync();

        var wrong = await SignIn(_app.CreateClient(), email, "not the password at all");
        var unknown = await SignIn(_app.CreateClient(), "nobody@example.org", "not the password at all");

        (wrong.StatusCode, unknown.StatusCode).Should().Be((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized));
        (await wrong.Content.ReadAsStringAsync()).Should().Contain("Wrong e-mail or password");
        (await unknown.Content.ReadFromJsonAsync<ProblemDetails>())!.Title.Should().Be("Wrong e-mail or password");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var email = await _app.CreateClient().SignUpAsync();
        var client = _app.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            await SignIn(client, email, "a wrong password " + i);
        }
        var withRightPassword = await SignIn(client, email, Support.Accounts.Password);

        withRightPassword.StatusCode.Should().Be(HttpStatusCode.Locked);
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address_with_retry_after()
    {
        _app.Settings["Accounts:SignInAttemptsPerMinute"] = "3";
        var client = _app.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await SignIn(client, "nobody@example.org", "wrong password " + i));
        }

        answers.Take(3).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Unauthorized);
        answers[3].StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        answers[3].Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
    }

    [Fact]
    public async Task The_api_answers_401_to_anonymous_calls_and_pages_redirect_to_sign_in()
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        (await client.GetAsync("/api/account")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var page = await client.GetAsync("/account");
        page.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().Should().StartWith("http://localhost/signin?ReturnUrl=%2Faccount");
    }

    [Fact]
    public async Task Changing_the_password_retires_the_old_one()
    {
        var client = _app.CreateClient();
        var email = await client.SignUpAsync();

        var changed = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = Support.Accounts.Password, newPassword = "granite orchard lantern" });

        changed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await SignIn(_app.CreateClient(), email, Support.Accounts.Password)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SignIn(_app.CreateClient(), email, "granite orchard lantern")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Deleting_the_account_needs_the_password_and_then_signing_in_fails()
    {
        var client = _app.CreateClient();
        var email = await client.SignUpAsync();

        var refused = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/account") { Content = JsonContent.Create(new { password = "wrong" }) });
        var deleted = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/account") { Content = JsonContent.Create(new { password = Support.Accounts.Password }) });

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await SignIn(_app.CreateClient(), email, Support.Accounts.Password)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Passwords_are_stored_as_pbkdf2_hmac_sha512_with_the_configured_iterations()
    {
        var email = await _app.CreateClient().SignUpAsync();
        using var scope = _app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);

        var hash = Convert.FromBase64String(user!.PasswordHash!);

        hash[0].Should().Be(0x01, "Identity's v3 format: PBKDF2");
        BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)).Should().Be(2u, "the PRF is HMAC-SHA512");
        BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)).Should().Be(1000u, "the tests' setting");
        new AccountsOptions().PasswordIterations.Should().Be(210_000, "the default for real use");
    }
}
