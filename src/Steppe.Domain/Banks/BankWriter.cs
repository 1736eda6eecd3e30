using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Steppe.Domain.Banks;

/// <summary>Writes a bank in its one canonical form: 2-space indent, the field order of the format page,
/// UTF-8 without BOM, "\n" line ends and a final newline. Reading then writing a canonical file gives
/// the same bytes, so a regenerated bank diffs cleanly.</summary>
public static class BankWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Keep “typographic quotes”, dashes and non-Latin text readable instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] ToUtf8(QuestionBank bank)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            WriteBank(w, bank);
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    public static string ToJson(QuestionBank bank) => Encoding.UTF8.GetString(ToUtf8(bank));

    /// <summary>One question alone, in the same canonical form (no final newline).</summary>
    public static string QuestionToJson(Question question)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            WriteQuestion(w, question);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteBank(Utf8JsonWriter w, QuestionBank bank)
    {
        w.WriteStartObject();
        Text(w, "$schema", bank.Schema);
        // A bank with pictures is format 1.1 whatever it was read as; one without keeps the number it was written with.
        w.WriteNumber("format", bank.Questions.Any(QuestionImage.AnyIn) && bank.Format < QuestionBank.Format11 ? QuestionBank.Format11 : bank.Format);
        w.WriteString("id", bank.Id);
        w.WriteString("title", bank.Title);
        Text(w, "language", bank.Language);
        Text(w, "description", bank.Description);
        List(w, "tags", bank.Tags);
        if (bank.Source is { } source)
        {
            w.WriteStartObject("source");
            Text(w, "title", source.Title);
            Text(w, "file", source.File);
            Text(w, "sha256", source.Sha256);
            Text(w, "url", source.Url);
            w.WriteEndObject();
        }
        if (bank.Themes is { } themes)
        {
            w.WriteStartArray("themes");
            foreach (var theme in themes)
            {
                w.WriteStartObject();
                w.WriteString("id", theme.Id);
                w.WriteString("title", theme.Title);
                List(w, "keywords", theme.Keywords);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteStartArray("questions");
        foreach (var question in bank.Questions)
        {
            WriteQuestion(w, question);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteQuestion(Utf8JsonWriter w, Question q)
    {
        w.WriteStartObject();
        w.WriteString("id", q.Id);
        w.WriteString("type", q.Type.Name());
        w.WriteString("prompt", q.Prompt);
        if (q.Image is { } image)
        {
            w.WritePropertyName("image");
            Image(w, image);
        }
        switch (q)
        {
            case MultipleChoiceQuestion mc:
                List(w, "choices", mc.Choices);
                if (mc.ChoiceImages is { } images)
                {
                    w.WriteStartArray("choiceImages");
                    foreach (var i in images)
                    {
                        Image(w, i);
                    }
                    w.WriteEndArray();
                }
                w.WriteString("answer", mc.Answer);
                break;
            case TrueFalseQuestion tf:
                w.WriteBoolean("answer", tf.Answer);
                Text(w, "correction", tf.Correction);
                break;
            case ClozeQuestion cloze:
                w.WriteString("answer", cloze.Answer);
                List(w, "accept", cloze.Accept);
                break;
            case ShortAnswerQuestion sa:
                w.WriteString("answer", sa.Answer);
                List(w, "accept", sa.Accept);
                break;
            case NumericQuestion n:
                w.WriteNumber("answer", n.Answer);
                Text(w, "unit", n.Unit);
                if (n.Tolerance is { } tolerance)
                {
                    w.WriteNumber("tolerance", tolerance);
                }
                break;
            case OrderingQuestion o:
                List(w, "answer", o.Answer);
                break;
        }
        Text(w, "explanation", q.Explanation);
        if (q.Source is { } source)
        {
            w.WriteStartObject("source");
            if (source.Paragraph is { } paragraph)
            {
                w.WriteNumber("paragraph", paragraph);
            }
            w.WriteString("text", source.Text);
            w.WriteEndObject();
        }
        List(w, "themes", q.Themes);
        List(w, "tags", q.Tags);
        if (q.Difficulty is { } difficulty)
        {
            w.WriteNumber("difficulty", difficulty);
        }
        if (q.TimeLimitSeconds is { } limit)
        {
            w.WriteNumber("timeLimitSeconds", limit);
        }
        if (q.Points is { } points)
        {
            w.WriteNumber("points", points);
        }
        w.WriteEndObject();
    }

    private static void Image(Utf8JsonWriter w, QuestionImage? image)
    {
        if (image is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteString("src", image.Src);
        w.WriteString("alt", image.Alt);
        w.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void List(Utf8JsonWriter w, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }
        w.WriteEndArray();
    }
}
