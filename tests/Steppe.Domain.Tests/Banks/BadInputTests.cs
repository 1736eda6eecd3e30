using System.Text;
using Steppe.Domain.Banks;

namespace Steppe.Domain.Tests.Banks;

/// <summary>Files that are not banks at all get one clear reason, never an exception.</summary>
public class BadInputTests
{
    [Fact]
    public void A_utf16_file_is_named_as_such()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Samples.WithQuestion(Samples.ValidCloze))).ToArray();

        var problem = BankReader.Read(bytes).Problems.Should().ContainSingle().Subject;

        problem.Message.Should().Be("the file is UTF-16 encoded; save it as UTF-8");
    }

    [Fact]
    public void A_utf16_file_without_a_byte_order_mark_is_named_as_such()
    {
        var bytes = Encoding.Unicode.GetBytes(Samples.WithQuestion(Samples.ValidCloze));

        BankReader.Read(bytes).Problems.Should().ContainSingle().Which.Message.Should().Contain("UTF-16");
    }

    [Fact]
    public void A_binary_file_is_not_utf8_text()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00];

        var problem = BankReader.Read(png).Problems.Should().ContainSingle().Subject;

        problem.Message.Should().Be("the file is not UTF-8 text (byte 0x89 at offset 0)");
        (problem.Line, problem.Column).Should().Be((1, 1));
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Samples.WithQuestion(Samples.ValidCloze))).ToArray();

        BankReader.Read(bytes).IsValid.Should().BeTrue();
    }

    [Fact]
    public void A_file_nested_ten_thousand_levels_deep_is_refused_at_the_limit()
    {
        var json = new string('[', 10_000) + new string(']', 10_000);

        var problem = BankReader.Read(json).Problems.Should().ContainSingle().Subject;

        problem.Message.Should().Be("nested more than 64 levels deep");
        problem.Path.Should().Be("$", "a path of 64 [0] segments helps nobody; the column says where");
        problem.Column.Should().Be(65, "the 65th bracket is the first one too deep");
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused_before_parsing()
    {
        var bytes = new byte[50 * 1024 * 1024];
        bytes.AsSpan().Fill((byte)' ');

        var problem = BankReader.Read(bytes).Problems.Should().ContainSingle().Subject;

        problem.Message.Should().Be("the file is 50 MB, larger than the 16 MB a bank may be");
    }

    [Fact]
    public void Whitespace_alone_is_no_json_value()
    {
        BankReader.Read("  \n ").Problems.Should().ContainSingle().Which.Message.Should().StartWith("not valid JSON");
    }

    [Theory]
    // a lone high surrogate in a value: valid JSON syntax, but no text (System.Text.Json throws a non-JSON exception)
    [InlineData("""{ "format": 1, "id": "x", "title": "\ud800", "questions": [] }""", "$.title", 36)]
    // a lone low surrogate in a key
    [InlineData("""{ "format": 1, "\udc00": 1 }""", "$", 16)]
    // a pair in the wrong order
    [InlineData("""{ "format": 1, "id": "x", "title": "ok", "questions": [{ "prompt": "\udc00\ud800" }] }""", "$.questions[0].prompt", 68)]
    public void Half_a_surrogate_pair_is_a_problem_with_its_place_not_a_crash(string json, string path, int column)
    {
        var problem = BankReader.Read(json).Problems.Should().ContainSingle().Subject;

        problem.Path.Should().Be(path);
        problem.Message.Should().Contain("half of a surrogate pair");
        (problem.Line, problem.Column).Should().Be((1, column));
    }
}
