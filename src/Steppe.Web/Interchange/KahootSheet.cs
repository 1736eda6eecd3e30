using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Steppe.Domain.Interchange;

namespace Steppe.Web.Interchange;

/// <summary>Kahoot's quiz spreadsheet (.xlsx), read and written with the Open XML SDK. The reader finds the header
/// row by its titles ("Question", "Answer 1" … "Answer 4", "Time limit", "Correct answer(s)"), wherever the
/// template puts it, and reads the rows under it; a formula cell gives its stored value and is never evaluated.
/// Before the SDK opens the file, its ZIP is checked: few entries, none that unpacks past 16 MB, 24 MB in all (a quiz
/// of 5,000 rows is a few megabytes of XML; the SDK holds the sheet as a document, several times its size).</summary>
public static class KahootSheet
{
    public const int MostEntries = 200;
    public const long MostEntryBytes = 16L * 1024 * 1024;
    public const long MostTotalBytes = 24L * 1024 * 1024;
    public const int MostRows = 5_000;

    public static ImportResult Read(byte[] xlsx)
    {
        Check(xlsx);
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(new MemoryStream(xlsx, writable: false), isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new ImportFileException("is not an Excel spreadsheet (.xlsx)");
        }
        using (document)
        {
            try
            {
                return ReadRows(document);
            }
            catch (Exception e) when (e is OpenXmlPackageException or InvalidOperationException or ArgumentException or FormatException or System.Xml.XmlException or KeyNotFoundException)
            {
                throw new ImportFileException("is a spreadsheet whose sheet cannot be read");
            }
        }
    }

    private static ImportResult ReadRows(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw new ImportFileException("has no workbook");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new ImportFileException("has no sheet");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var rows = part.Worksheet.Descendants<Row>().ToList();
        if (rows.Count > MostRows)
        {
            throw new ImportFileException($"has {rows.Count:N0} rows; a quiz read here may have up to {MostRows:N0}");
        }
        var cells = rows.Select((r, i) => (Number: (int)(r.RowIndex?.Value ?? (uint)(i + 1)), Cells: CellsOf(r, strings))).ToList();
        var header = cells.FindIndex(r => r.Cells.Values.Any(v => v.StartsWith("Question", StringComparison.OrdinalIgnoreCase))
            && r.Cells.Values.Any(v => v.StartsWith("Answer 1", StringComparison.OrdinalIgnoreCase)));
        if (header < 0)
        {
            throw new ImportFileException("has no header row with \"Question\" and \"Answer 1\" (Kahoot's quiz template)");
        }
        var columns = cells[header].Cells;
        string Of(IReadOnlyDictionary<string, string> row, string title) =>
            columns.FirstOrDefault(c => c.Value.StartsWith(title, StringComparison.OrdinalIgnoreCase)) is { Key: { } column } && row.TryGetValue(column, out var value) ? value : "";
        var kahootRows = cells.Skip(header + 1)
            .Where(r => Of(r.Cells, "Question").Length > 0 || Of(r.Cells, "Answer 1").Length > 0)
            .Select(r => new KahootRow(r.Number, Of(r.Cells, "Question"), [Of(r.Cells, "Answer 1"), Of(r.Cells, "Answer 2"), Of(r.Cells, "Answer 3"), Of(r.Cells, "Answer 4")],
                Of(r.Cells, "Time limit"), Of(r.Cells, "Correct")));
        return Kahoot.Read(kahootRows);
    }

    /// <summary>Refuses a ZIP of too many entries, or one of whose entries unpacks past its limit (read, not trusted).</summary>
    private static void Check(byte[] xlsx)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(xlsx, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MostEntries)
            {
                throw new ImportFileException($"has {zip.Entries.Count:N0} parts; a spreadsheet read here may have up to {MostEntries:N0}");
            }
            long all = 0;
            foreach (var entry in zip.Entries)
            {
                using var part = new LimitedStream(entry.Open(), MostEntryBytes, entry.FullName);
                part.CopyTo(Stream.Null);
                if ((all += part.Position) > MostTotalBytes)
                {
                    throw new ImportFileException($"unpacks to more than {MostTotalBytes / (1024 * 1024)} MB in all: refused");
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException("is not an Excel spreadsheet (.xlsx)");
        }
    }

    /// <summary>A row's cells by column letter: from each cell's reference, or its place when a writer left the
    /// reference out (the first cell of a row may name the others' places, as the format allows).</summary>
    private static Dictionary<string, string> CellsOf(Row row, List<string> strings)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        var next = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = new string((cell.CellReference?.Value ?? "").TakeWhile(char.IsLetter).ToArray());
            var index = column.Length > 0 ? column.Aggregate(0, (n, c) => n * 26 + char.ToUpperInvariant(c) - 'A' + 1) - 1 : next;
            next = index + 1;
            cells[Letters(index)] = Text(cell, strings);
        }
        return cells;
    }

    private static string Letters(int index) => index < 26 ? ((char)('A' + index)).ToString() : Letters(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>A cell's text: a shared or inline string, else its stored value (a formula's last result, never run).</summary>
    private static string Text(Cell cell, List<string> strings)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText.Trim() ?? "";
        }
        var value = cell.CellValue?.Text ?? "";
        return cell.DataType?.Value == CellValues.SharedString && int.TryParse(value, out var i) && i >= 0 && i < strings.Count ? strings[i].Trim() : value.Trim();
    }

    /// <summary>The bank's multiple-choice and true/false questions in Kahoot's template layout: the header on row 8
    /// (as the template has it, with the columns Kahoot's importer reads), a question a row from row 9. Every cell is an
    /// inline string or a number, never a formula.</summary>
    public static (byte[] Xlsx, IReadOnlyList<string> LeftOut) Write(Steppe.Domain.Banks.QuestionBank bank)
    {
        var (rows, leftOut) = Kahoot.Write(bank);
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Line(1, ["", $"{bank.Title} (exported by Steppe for Kahoot's spreadsheet import)"]));
            if (leftOut.Count > 0)
            {
                data.Append(Line(2, ["", $"Left out, as Kahoot's template holds only quiz questions of up to four answers: {string.Join(", ", leftOut)}"]));
            }
            data.Append(Line(8, ["", "Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters", "Answer 3 - max 75 characters",
                "Answer 4 - max 75 characters", "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one"]));
            foreach (var row in rows)
            {
                data.Append(Line((uint)(8 + row.Row), [row.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Question,
                    .. row.Answers.Concat(Enumerable.Repeat("", 4)).Take(4), row.TimeLimit, row.Correct]));
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Sheet1" }));
        }
        return (buffer.ToArray(), leftOut);
    }

    private static Row Line(uint number, IReadOnlyList<string> values)
    {
        var row = new Row { RowIndex = number };
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Length > 0)
            {
                row.Append(new Cell
                {
                    CellReference = $"{(char)('A' + i)}{number}",
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(values[i])),
                });
            }
        }
        return row;
    }
}
