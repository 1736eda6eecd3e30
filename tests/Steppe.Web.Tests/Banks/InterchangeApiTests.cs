using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Steppe.Domain.Banks;
using Steppe.Web.Banks;
using Steppe.Web.Interchange;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Banks;

/// <summary>Banks from and to other tools through the real app: an import previewed (nothing saved), saved through
/// the bank API, and a bank exported in each format to whoever may read it.</summary>
public sealed class InterchangeApiTests : IDisposable
{
    private const string Starter = "sino-kazakh-relations-starter";
    private readonly TestFolder _folder = new();
    private readonly SteppeFactory _app;

    public InterchangeApiTests()
    {
        _folder.CopyRepoBank("sino-kazakh-relations-starter.json");
        _app = new SteppeFactory(_folder);
    }

    public void Dispose()
    {
        _app.Dispose();
        _folder.Dispose();
    }

    private Task<HttpClient> Account() => _app.SignedUpClientAsync();

    [Fact]
    public async Task A_quizlet_list_is_previewed_line_by_line_saves_nothing_and_then_saves_as_a_private_bank()
    {
        var teacher = await Account();
        var pasted = "Astana\tcapital of Kazakhstan\nno tab on this line\nAlmaty\tlargest city\n";

        var response = await teacher.PostAsync("/api/import/preview?format=text&title=Kazakh%20cities", new StringContent(pasted, Encoding.UTF8, "text/plain"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var preview = (await response.Content.ReadFromJsonAsync<ImportPreview>())!;
        preview.Found.Select(f => (f.Line, f.Prompt, f.Answer)).Should().Equal((1, "Astana", "capital of Kazakhstan"), (3, "Almaty", "largest city"));
        preview.NotConverted.Should().ContainSingle().Which.Should().Be(new Steppe.Domain.Interchange.NotConverted(2, "no tab on this line", "no tab between term and definition"));
        preview.Bank.GetProperty("id").GetString().Should().Be("kazakh-cities");
        (await teacher.GetAsync("/api/banks/kazakh-cities")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a preview saves nothing");

        var saved = await teacher.PostAsync("/api/banks", new StringContent(preview.Bank.GetRawText(), Encoding.UTF8, "application/json"));
        saved.StatusCode.Should().Be(HttpStatusCode.Created);
        (await saved.Content.ReadFromJsonAsync<BankSaved>())!.Bank.Access.Should().Be("private");
    }

    [Fact]
    public async Task A_file_that_is_not_text_or_of_an_unknown_format_is_refused_with_the_reason()
    {
        var teacher = await Account();

        var binary = await teacher.PostAsync("/api/import/preview?format=gift", new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFE, 0xC3]));
        var unknown = await teacher.PostAsync("/api/import/preview?format=xlsx", new StringContent("x", Encoding.UTF8, "text/plain"));
        var anonymous = await _app.CreateClient().PostAsync("/api/import/preview?format=gift", new StringContent("Q {T}", Encoding.UTF8, "text/plain"));

        binary.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await binary.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["body"].Single().Should().Contain("not UTF-8 text");
        (await unknown.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["format"].Single().Should().Contain("gift");
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("gift", "::expo-theme::", "text/plain")]
    [InlineData("text", "\t", "text/tab-separated-values")]
    [InlineData("csv", "id,type,prompt,answer,choices", "text/csv")]
    [InlineData("json", "\"format\": 1", "application/json")]
    public async Task A_bank_exports_in_each_format_to_whoever_may_read_it(string format, string expected, string type)
    {
        var response = await _app.CreateClient().GetAsync($"/api/banks/{Starter}/export/{format}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(type);
        (await response.Content.ReadAsStringAsync()).Should().Contain(expected);
        response.Content.Headers.ContentDisposition!.FileName.Should().StartWith(Starter);
    }

    [Fact]
    public async Task A_bank_exported_as_csv_imports_back_as_the_same_questions()
    {
        var teacher = await Account();
        var csv = await _app.CreateClient().GetByteArrayAsync($"/api/banks/{Starter}/export/csv");

        var response = await teacher.PostAsync("/api/import/preview?format=csv&title=Again", new ByteArrayContent(csv));
        var broken = await teacher.PostAsync("/api/import/preview?format=csv", new StringContent("question,reply\nA,B\n", Encoding.UTF8, "text/plain"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var preview = (await response.Content.ReadFromJsonAsync<ImportPreview>())!;
        var original = Steppe.Domain.Banks.BankReader.Read(await _app.CreateClient().GetByteArrayAsync($"/api/banks/{Starter}")).Bank!;
        preview.NotConverted.Should().BeEmpty();
        preview.Found.Select(f => (f.Id, f.Type, f.Prompt, f.Answer)).Should().Equal(original.Questions.Select(q => (q.Id, q.Type.Name(), q.Prompt, q.AnswerText)));
        preview.Found[0].Line.Should().Be(2, "line 1 is the header");
        broken.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await broken.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["body"].Single().Should().Contain("prompt and answer");
    }

    [Fact]
    public async Task A_private_bank_exports_to_its_author_only_and_csv_cells_cannot_run_as_formulas()
    {
        var teacher = await Account();
        var bank = """{ "format": 1, "id": "sheet", "title": "Sheet", "questions": [ { "id": "q1", "type": "short-answer", "prompt": "=HYPERLINK(\"http://evil.example\")", "answer": "x" } ] }""";
        (await teacher.PostAsync("/api/banks", new StringContent(bank, Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.Created);

        (await _app.CreateClient().GetAsync("/api/banks/sheet/export/csv")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var csv = await teacher.GetStringAsync("/api/banks/sheet/export/csv");

        csv.Should().Contain("'=HYPERLINK").And.NotContain(",=HYPERLINK");
    }
}
