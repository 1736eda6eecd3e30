using System.IO.Compression;
using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Steppe.Domain.Banks;
using Steppe.Web.Interchange;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Banks;

/// <summary>Kahoot's quiz spreadsheet read as Kahoot's template lays it out (shared strings, a formula cell),
/// written and read back, and hostile spreadsheets refused.</summary>
public sealed class KahootSheetTests
{
    /// <summary>A sheet as Kahoot's template has it: notes above, the header on row 8 from column B, shared strings,
    /// and a correct-answer cell that is a formula with its stored result.</summary>
    private static byte[] Template()
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var shared = new List<string>();
            Cell S(string reference, string text)
            {
                if (!shared.Contains(text))
                {
                    shared.Add(text);
                    strings.SharedStringTable.Append(new SharedStringItem(new Text(text)));
                }
                return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(shared.IndexOf(text)) };
            }
            Cell N(string reference, int n) => new() { CellReference = reference, CellValue = new CellValue(n) };
            var data = new SheetData(
                new Row(S("B2", "Quiz template")) { RowIndex = 2 },
                new Row(S("B8", "Question - max 120 characters"), S("C8", "Answer 1 - max 75 characters"), S("D8", "Answer 2 - max 75 characters"),
                    S("E8", "Answer 3 - max 75 characters"), S("F8", "Answer 4 - max 75 characters"), S("G8", "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs"),
                    S("H8", "Correct answer(s) - choose at least one")) { RowIndex = 8 },
                new Row(N("A9", 1), S("B9", "Capital of Kazakhstan?"), S("C9", "Almaty"), S("D9", "Astana"), N("G9", 30),
                    new Cell { CellReference = "H9", CellFormula = new CellFormula("1+1"), CellValue = new CellValue(2) }) { RowIndex = 9 },
                new Row(N("A10", 2), S("B10", "=HYPERLINK(\"http://evil.example\")"), S("C10", "True"), S("D10", "False"), N("G10", 20), N("H10", 2)) { RowIndex = 10 });
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" }));
        }
        return buffer.ToArray();
    }

    [Fact]
    public void Kahoots_template_is_read_by_its_header_and_a_formula_gives_its_stored_value()
    {
        var result = KahootSheet.Read(Template());

        result.NotConverted.Should().BeEmpty();
        result.Found.Select(f => (f.Line, f.Question.Type, f.Question.Prompt, f.Question.AnswerText, f.Question.TimeLimitSeconds)).Should().Equal(
            (9, QuestionType.MultipleChoice, "Capital of Kazakhstan?", "Astana", 30),
            (10, QuestionType.TrueFalse, "=HYPERLINK(\"http://evil.example\")", "False", 20));
    }

    [Fact]
    public void A_bank_written_for_kahoot_reads_back_with_its_multiple_choice_and_true_false()
    {
        var bank = BankReader.Read(File.ReadAllBytes(Repo.File("question-bank", "sino-kazakh-relations-starter.json"))).Bank!;

        var (xlsx, leftOut) = KahootSheet.Write(bank);
        var back = KahootSheet.Read(xlsx);

        var fits = bank.Questions.Where(q => q is TrueFalseQuestion || q is MultipleChoiceQuestion { Choices.Count: <= 4 }).ToList();
        back.Found.Select(f => (f.Question.Prompt, f.Question.AnswerText)).Should().Equal(fits.Select(q => (q.Prompt, q.AnswerText)));
        leftOut.Should().HaveCount(bank.Questions.Count - fits.Count);
    }

    [Fact]
    public void A_spreadsheet_bomb_or_a_file_that_is_no_spreadsheet_is_refused_with_a_sentence()
    {
        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 40; i++)
            {
                entry.Write(zeros);
            }
        }

        FluentActions.Invoking(() => KahootSheet.Read(bomb.ToArray())).Should().Throw<ImportFileException>().Which.Message.Should().Contain("unpacks to more than 16 MB");
        FluentActions.Invoking(() => KahootSheet.Read("Question,Answer 1"u8.ToArray())).Should().Throw<ImportFileException>().Which.Message.Should().Be("is not an Excel spreadsheet (.xlsx)");
    }

    [Fact]
    public async Task Through_the_app_a_spreadsheet_over_five_megabytes_is_a_413_before_it_is_read()
    {
        using var folder = new TestFolder();
        using var app = new SteppeFactory(folder);
        var teacher = app.CreateClient();
        await teacher.SignUpAsync();

        var large = await teacher.PostAsync("/api/import/preview?format=kahoot", new ByteArrayContent(new byte[50 * 1024 * 1024]));
        var template = await teacher.PostAsync("/api/import/preview?format=kahoot", new ByteArrayContent(Template()));

        large.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        template.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
