using System.Text;
using Steppe.Domain.Banks;

namespace Steppe.Domain.Tests.Banks;

/// <summary>One row per rule of the format page: a question that breaks exactly that rule, the path and
/// message expected, and the text at which the problem is reported (its column is found in the row).</summary>
public class BankReaderRuleTests
{
    public static TheoryData<string, string, string, string> QuestionRules => new()
    {
        // question, expected path, message fragment, text the problem points at
        { """{ "id": "q", "type": "multiple-choice", "prompt": "Which?", "choices": ["a", "b", "c"], "answer": "d" }""", "$.questions[0].answer", "must equal one of choices", "\"d\"" },
        // answers compare exactly: "B" is not "b"
        { """{ "id": "q", "type": "multiple-choice", "prompt": "Which?", "choices": ["a", "b"], "answer": "B" }""", "$.questions[0].answer", "must equal one of choices", "\"B\"" },
        { """{ "id": "q", "type": "multiple-choice", "prompt": "Which?", "choices": ["a"], "answer": "a" }""", "$.questions[0].choices", "must hold 2 to 6 choices, not 1", "[\"a\"]" },
        { """{ "id": "q", "type": "multiple-choice", "prompt": "Which?", "choices": ["a", "b", "c", "d", "e", "f", "g"], "answer": "a" }""", "$.questions[0].choices", "must hold 2 to 6 choices, not 7", "[\"a\", \"b\", \"c\", \"d\"" },
        { """{ "id": "q", "type": "multiple-choice", "prompt": "Which?", "choices": ["a", "b", "a"], "answer": "a" }""", "$.questions[0].choices[2]", "repeats choice 1", "\"a\"]" },
        { """{ "id": "q", "type": "multiple-choice", "prompt": "Which?", "answer": "a" }""", "$.questions[0].choices", "is required", "{ \"id\"" },
        { """{ "id": "q", "type": "multiple-choice", "prompt": "Which?", "choices": ["a", ""], "answer": "a" }""", "$.questions[0].choices[1]", "must not be empty", "\"\"]" },
        { """{ "id": "q", "type": "cloze", "prompt": "No blank here.", "answer": "x" }""", "$.questions[0].prompt", "exactly one blank", "\"No blank" },
        { """{ "id": "q", "type": "cloze", "prompt": "Two ____ and ____.", "answer": "x" }""", "$.questions[0].prompt", "exactly one blank", "\"Two" },
        // five underscores are not a blank: a typo the author should see
        { """{ "id": "q", "type": "cloze", "prompt": "Five _____ here.", "answer": "x" }""", "$.questions[0].prompt", "5 underscores at character 6", "\"Five" },
        { """{ "id": "q", "type": "true-false", "prompt": "Oil.", "answer": "true" }""", "$.questions[0].answer", "must be true or false, not a string", "\"true\"" },
        { """{ "id": "q", "type": "true-false", "prompt": "Oil.", "answer": true, "correction": "Gas." }""", "$.questions[0].correction", "only for a false statement", "\"Gas.\"" },
        { """{ "id": "q", "type": "numeric", "prompt": "How many?", "answer": "183" }""", "$.questions[0].answer", "must be a number, not a string", "\"183\"" },
        { """{ "id": "q", "type": "numeric", "prompt": "How many?", "answer": 183, "tolerance": -1 }""", "$.questions[0].tolerance", "must not be negative", "-1" },
        { """{ "id": "q", "type": "ordering", "prompt": "Order.", "answer": ["a"] }""", "$.questions[0].answer", "at least 2 items", "[\"a\"]" },
        { """{ "id": "q", "type": "ordering", "prompt": "Order.", "answer": ["a", "b", "b"] }""", "$.questions[0].answer[2]", "repeats item 2", "\"b\"]" },
        { """{ "id": "q", "type": "ordering", "prompt": "Order.", "answer": "a, b" }""", "$.questions[0].answer", "must be an array, not a string", "\"a, b\"" },
        // a typo gets a suggestion
        { """{ "id": "q", "type": "multiple-choice", "prompt": "Which?", "choises": ["a", "b"], "choices": ["a", "b"], "answer": "a" }""", "$.questions[0].choises", "unknown field 'choises'; did you mean 'choices'?", "\"choises\"" },
        // a real field in the wrong type says so
        { """{ "id": "q", "type": "cloze", "prompt": "A ____.", "answer": "x", "choices": ["x", "y"] }""", "$.questions[0].choices", "is not a field of a cloze question", "\"choices\"" },
        { """{ "id": "q", "type": "essay", "prompt": "Write.", "answer": "x" }""", "$.questions[0].type", "'essay' is not a question type", "\"essay\"" },
        { """{ "id": "q", "type": "short-answer", "prompt": "Who?" }""", "$.questions[0].answer", "is required", "{ \"id\"" },
        { """{ "id": "q", "type": "short-answer", "prompt": "   ", "answer": "x" }""", "$.questions[0].prompt", "must not be empty", "\"   \"" },
        { """{ "id": "Q 1", "type": "short-answer", "prompt": "Who?", "answer": "x" }""", "$.questions[0].id", "'Q 1' is not a slug", "\"Q 1\"" },
        { """{ "id": "q", "type": "short-answer", "prompt": "Who?", "answer": "x", "themes": ["energy", "trade"] }""", "$.questions[0].themes[1]", "'trade' is not the id of a theme", "\"trade\"" },
        { """{ "id": "q", "type": "short-answer", "prompt": "Who?", "answer": "x", "difficulty": 1.5 }""", "$.questions[0].difficulty", "between 0 (easy) and 1 (hard)", "1.5" },
        { """{ "id": "q", "type": "short-answer", "prompt": "Who?", "answer": "x", "timeLimitSeconds": 3 }""", "$.questions[0].timeLimitSeconds", "between 5 and 240 seconds", "3 }" },
        { """{ "id": "q", "type": "short-answer", "prompt": "Who?", "answer": "x", "timeLimitSeconds": 10.5 }""", "$.questions[0].timeLimitSeconds", "must be a whole number", "10.5" },
        { """{ "id": "q", "type": "short-answer", "prompt": "Who?", "answer": "x", "points": 500 }""", "$.questions[0].points", "must be 0, 1000 or 2000", "500" },
        { """{ "id": "q", "type": "short-answer", "prompt": "Who?", "answer": "x", "source": { "paragraph": 0, "text": "t" } }""", "$.questions[0].source.paragraph", "must be 1 or more", "0," },
        { """{ "id": "q", "type": "short-answer", "prompt": "Who?", "answer": "x", "source": { "paragraph": 2 } }""", "$.questions[0].source.text", "is required", "{ \"paragraph\"" },
        // pictures (format 1.1)
        { """{ "id": "q", "type": "short-answer", "prompt": "Who?", "answer": "x", "image": { "src": "media/a.png" } }""", "$.questions[0].image.alt", "say in words what the picture shows", "{ \"src\"" },
        { """{ "id": "q", "type": "short-answer", "prompt": "Who?", "answer": "x", "image": { "src": "../etc/passwd.png", "alt": "A" } }""", "$.questions[0].image.src", "is not a picture of the bank's media", "\"../etc" },
        { """{ "id": "q", "type": "short-answer", "prompt": "Who?", "answer": "x", "image": { "src": "media/a.svg", "alt": "A" } }""", "$.questions[0].image.src", "ending in .png, .jpg", "\"media/a.svg\"" },
        { """{ "id": "q", "type": "short-answer", "prompt": "Who?", "answer": "x", "image": "media/a.png" }""", "$.questions[0].image", "must be an object", "\"media/a.png\"" },
        { """{ "id": "q", "type": "short-answer", "prompt": "Who?", "answer": "x", "image": { "src": "media/a.png", "alt": "A", "width": 3 } }""", "$.questions[0].image.width", "unknown field 'width'", "\"width\"" },
        { """{ "id": "q", "type": "short-answer", "prompt": "Who?", "answer": "x", "image": { "src": "media/a.png", "alt": " " } }""", "$.questions[0].image.alt", "must not be empty", "\" \" }" },
        { """{ "id": "q", "type": "multiple-choice", "prompt": "Which?", "choices": ["a", "b"], "answer": "a", "choiceImages": [{ "src": "media/a.png", "alt": "A" }] }""", "$.questions[0].choiceImages", "one entry per choice (2), a picture or null, not 1", "[{ \"src\"" },
        { """{ "id": "q", "type": "multiple-choice", "prompt": "Which?", "choices": ["a", "b"], "answer": "a", "choiceImages": [null, { "src": "media/b.png" }] }""", "$.questions[0].choiceImages[1].alt", "is required", "{ \"src\": \"media/b" },
        { """{ "id": "q", "type": "short-answer", "prompt": "Who?", "answer": "x", "choiceImages": [null, null] }""", "$.questions[0].choiceImages", "is not a field of a short-answer question", "\"choiceImages\"" },
        // the last of a repeated key would silently win; the author almost always meant something else
        { """{ "id": "q", "type": "short-answer", "prompt": "Who?", "answer": "x", "answer": "y" }""", "$.questions[0].answer", "duplicate key 'answer'", "\"answer\": \"y\"" },
    };

    [Theory]
    [MemberData(nameof(QuestionRules))]
    public void A_question_that_breaks_one_rule_is_refused_with_its_path_line_and_column(string question, string path, string message, string at)
    {
        var result = BankReader.Read(Samples.WithQuestion(question));

        result.IsValid.Should().BeFalse();
        result.Bank.Should().BeNull("a bank is accepted whole or not at all");
        result.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Path = path,
            Line = Samples.QuestionLine,
            Column = Samples.QuestionColumn + question.IndexOf(at, StringComparison.Ordinal),
        });
        result.Problems[0].Message.Should().Contain(message);
    }

    public static TheoryData<string, string, string, int, int> BankRules => new()
    {
        // document, path, message fragment, line, column
        { "{\n  \"format\": 2,\n  \"id\": \"b\",\n  \"title\": \"T\",\n  \"questions\": [" + Samples.ValidCloze + "]\n}", "$.format", "must be 1", 2, 13 },
        { "{\n  \"format\": 1,\n  \"id\": \"b\",\n  \"questions\": [" + Samples.ValidCloze + "]\n}", "$.title", "is required", 1, 1 },
        { "{\n  \"format\": 1,\n  \"id\": \"b\",\n  \"title\": \"T\",\n  \"questions\": []\n}", "$.questions", "at least one question", 5, 16 },
        { "{\n  \"format\": 1,\n  \"id\": \"b\",\n  \"title\": \"T\",\n  \"questions\": {}\n}", "$.questions", "must be an array, not an object", 5, 16 },
        { "[1, 2]", "$", "must be an object (a bank), not an array", 1, 1 },
        // pictures need 1.1, so that a reader of format 1 refuses the file instead of showing questions without them
        { "{\n  \"format\": 1,\n  \"id\": \"b\",\n  \"title\": \"T\",\n  \"questions\": [" + Samples.ValidCloze + ",\n    { \"id\": \"p\", \"type\": \"short-answer\", \"prompt\": \"Who?\", \"image\": { \"src\": \"media/a.png\", \"alt\": \"A\" }, \"answer\": \"x\" }]\n}", "$.questions[1].image", "needs \"format\": 1.1", 6, 69 },
        { "{\n  \"format\": 1.2,\n  \"id\": \"b\",\n  \"title\": \"T\",\n  \"questions\": [" + Samples.ValidCloze + "]\n}", "$.format", "must be 1 or 1.1", 2, 13 },
        { "{\n  \"format\": 1,\n  \"id\": \"b\",\n  \"title\": \"T\",\n  \"titel\": \"T\",\n  \"questions\": [" + Samples.ValidCloze + "]\n}", "$.titel", "did you mean 'title'?", 5, 3 },
        { "{\n  \"format\": 1,\n  \"id\": \"b\",\n  \"title\": \"T\",\n  \"language\": \"english!\",\n  \"questions\": [" + Samples.ValidCloze + "]\n}", "$.language", "not a language tag", 5, 15 },
        { "{\n  \"format\": 1,\n  \"id\": \"b\",\n  \"title\": \"T\",\n  \"source\": { \"sha256\": \"abc\" },\n  \"questions\": [" + Samples.ValidCloze + "]\n}", "$.source.sha256", "64 hexadecimal digits", 5, 25 },
        { "{\n  \"format\": 1,\n  \"id\": \"b\",\n  \"title\": \"T\",\n  \"questions\": [" + Samples.ValidCloze + ",\n    " + Samples.ValidNumeric + "]\n}", "$.questions[1].id", "duplicate question id 'q' (first at $.questions[0])", 6, 13 },
        { "{\n  \"format\": 1,\n  \"id\": \"b\",\n  \"title\": \"T\",\n  \"themes\": [{ \"id\": \"t\", \"title\": \"A\" }, { \"id\": \"t\", \"title\": \"B\" }],\n  \"questions\": [" + Samples.ValidCloze + "]\n}", "$.themes[1].id", "duplicate theme id 't'", 5, 51 },
        // syntax: the reader says where the JSON broke and what it was reading
        { "{\n  \"format\": 1,\n  \"id\": \"b\",\n}", "$", "not valid JSON", 4, 1 },
        { "{\n  // a comment\n  \"format\": 1\n}", "$", "not valid JSON", 2, 3 },
        { "{\n  \"format\": 1,\n  \"title\": \"unterminated\n}", "$.title", "not valid JSON", 3, 25 },
        { "format: 1", "$", "not valid JSON", 1, 2 },
        { "{\"format\": 1} {}", "$", "is invalid after a single JSON value", 1, 15 },
        { "", "$", "the file is empty", 1, 1 },
    };

    [Theory]
    [MemberData(nameof(BankRules))]
    public void A_bank_that_breaks_one_rule_is_refused_with_its_path_line_and_column(string json, string path, string message, int line, int column)
    {
        var result = BankReader.Read(json);

        result.Bank.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Path = path, Line = line, Column = column });
        result.Problems[0].Message.Should().Contain(message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_not_only_the_first()
    {
        var json = Samples.WithQuestion(
            """{ "id": "Bad Id", "type": "multiple-choice", "prompt": "", "choices": ["a"], "answer": "z", "colour": 1 }""");

        var problems = BankReader.Read(json).Problems.Select(p => p.Path).ToList();

        problems.Should().BeEquivalentTo(
            "$.questions[0].id", "$.questions[0].prompt", "$.questions[0].choices", "$.questions[0].answer", "$.questions[0].colour");
    }

    [Fact]
    public void A_problem_renders_as_path_message_line_and_column()
    {
        var problem = BankReader.Read(Samples.WithQuestion(
            """{ "id": "q", "type": "multiple-choice", "prompt": "Which?", "choices": ["a", "b"], "answer": "c" }""")).Problems.Single();

        problem.ToString().Should().Be("$.questions[0].answer: must equal one of choices (line 7, column 98)");
    }

    [Fact]
    public void Columns_count_characters_not_bytes_after_non_ascii_text()
    {
        // “ and ” are three bytes each in UTF-8 but one column in an editor
        var question = """{ "id": "q", "type": "multiple-choice", "prompt": "“Which”?", "choices": ["a", "b"], "answer": "c" }""";

        var problem = BankReader.Read(Samples.WithQuestion(question)).Problems.Single();

        problem.Column.Should().Be(Samples.QuestionColumn + question.IndexOf("\"c\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_property_name_that_needs_quoting_is_shown_with_brackets()
    {
        var problem = BankReader.Read(Samples.WithQuestion(
            """{ "id": "q", "type": "cloze", "prompt": "A ____.", "answer": "x", "my field": 1 }""")).Problems.Single();

        problem.Path.Should().Be("$.questions[0]['my field']");
    }

    [Fact]
    public void A_picture_whose_file_is_not_there_is_refused_at_its_place_and_one_that_is_there_is_kept()
    {
        const string question = """{ "id": "q", "type": "multiple-choice", "prompt": "Which?", "image": { "src": "media/here.png", "alt": "A" }, "choices": ["a", "b"], "choiceImages": [null, { "src": "media/gone.png", "alt": "B" }], "answer": "a" }""";
        var json = Samples.WithQuestion(question);

        var refused = BankReader.Read(Encoding.UTF8.GetBytes(json), mediaExists: file => file == "here.png");
        var kept = BankReader.Read(Encoding.UTF8.GetBytes(json), mediaExists: _ => true);

        refused.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Path = "$.questions[0].choiceImages[1].src",
            Line = Samples.QuestionLine,
            Column = Samples.QuestionColumn + question.IndexOf("\"media/gone", StringComparison.Ordinal),
        });
        var mc = (MultipleChoiceQuestion)kept.Bank!.Questions[0];
        mc.Image.Should().Be(new QuestionImage("media/here.png", "A"));
        mc.ChoiceImages.Should().Equal(null, new QuestionImage("media/gone.png", "B"));
    }
}
