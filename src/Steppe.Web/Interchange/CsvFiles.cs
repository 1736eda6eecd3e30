using System.Globalization;
using CsvHelper;
using Steppe.Domain.Banks;

namespace Steppe.Web.Interchange;

/// <summary>Questions as CSV, through CsvHelper: written one row a question, read back from the same columns.</summary>
public static class CsvFiles
{
    /// <summary>The data rows of a CSV file with a header row naming at least <c>prompt</c> and <c>answer</c>.</summary>
    public static List<Steppe.Domain.Interchange.CsvRow> Read(string text)
    {
        try
        {
            using var csv = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true, MissingField = CsvMissingFieldHandling.ReturnEmpty });
            var headers = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            if (!headers.Contains("prompt") || !headers.Contains("answer"))
            {
                throw new ImportFileException("needs a header row naming at least the columns prompt and answer (as Steppe's CSV export has them)");
            }
            var rows = new List<Steppe.Domain.Interchange.CsvRow>();
            while (csv.Read())
            {
                if (rows.Count == KahootSheet.MostRows)
                {
                    throw new ImportFileException($"has more than {KahootSheet.MostRows:N0} rows");
                }
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < headers.Count; i++)
                {
                    fields[headers[i]] = i < csv.FieldCount ? csv.GetString(i) : "";
                }
                rows.Add(new Steppe.Domain.Interchange.CsvRow((int)csv.LineNumber, fields));
            }
            return rows;
        }
        catch (CsvFormatException e)
        {
            throw new ImportFileException($"is not well-formed CSV ({e.Message.TrimEnd('.')})");
        }
    }

    /// <summary>One row a question: its id, type, prompt, answer, the choices (or an ordering's items) and other
    /// accepted answers joined by " | ", unit, tolerance, explanation and themes. Formula cells are escaped.</summary>
    public static byte[] Write(QuestionBank bank)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteHeader(["id", "type", "prompt", "answer", "choices", "accept", "unit", "tolerance", "explanation", "themes"]);
            foreach (var q in bank.Questions)
            {
                var (choices, accept, unit, tolerance) = q switch
                {
                    MultipleChoiceQuestion mc => (Join(mc.Choices), "", "", ""),
                    OrderingQuestion o => (Join(o.Answer), "", "", ""),
                    ClozeQuestion c => ("", Join(c.Accept), "", ""),
                    ShortAnswerQuestion s => ("", Join(s.Accept), "", ""),
                    NumericQuestion n => ("", "", n.Unit ?? "", n.Tolerance?.ToString(CultureInfo.InvariantCulture) ?? ""),
                    _ => ("", "", "", ""),
                };
                var answer = q is NumericQuestion number ? number.Answer.ToString(CultureInfo.InvariantCulture) : q.AnswerText;
                csv.WriteRecord([q.Id, q.Type.Name(), q.Prompt, answer, choices, accept, unit, tolerance, q.Explanation ?? "", Join(q.Themes)]);
            }
        }
        return buffer.ToArray();

        static string Join(IReadOnlyList<string>? items) => items is null ? "" : string.Join(" | ", items);
    }
}
