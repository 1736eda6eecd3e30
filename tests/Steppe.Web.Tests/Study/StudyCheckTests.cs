using System.Net;
using System.Net.Http.Json;
using Steppe.Web.Study;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Study;

public sealed class StudyCheckTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly SteppeFactory _app;

    public StudyCheckTests()
    {
        _folder.CopyRepoBank("sino-kazakh-relations-starter.json");
        _app = new SteppeFactory(_folder);
    }

    public void Dispose()
    {
        _app.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("gas-delivered", "183", true)]
    [InlineData("gas-delivered", "138", false)]
    [InlineData("expo-theme", "future energy", true)]
    [InlineData("investment-total", "42.8 billion dollars", true)]
    [InlineData("investment-total", "50 billion dollars", false)]
    public async Task An_answer_is_graded_on_the_server_with_the_right_answer_shown(string questionId, string answer, bool correct)
    {
        var client = _app.CreateClient();
        await client.SignUpAsync();
        await client.PostAsJsonAsync("/api/decks", new { bankId = "sino-kazakh-relations-starter", questionIds = new[] { questionId } });
        var card = (await client.GetFromJsonAsync<NextCardResponse>("/api/study/next"))!.Card!;

        var result = await (await client.PostAsJsonAsync("/api/study/check", new { cardId = card.Id, text = answer })).Content.ReadFromJsonAsync<CheckResponse>();

        result!.Correct.Should().Be(correct);
        result.Answer.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task The_study_page_needs_a_signed_in_user_and_then_shows()
    {
        var anonymous = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await anonymous.GetAsync("/study")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var client = _app.CreateClient();
        await client.SignUpAsync();
        (await client.GetStringAsync("/study")).Should().Contain("id=\"ratings\"").And.Contain("/js/study.js");
    }
}
