using System.Text.Json;
using Json.Schema;
using Steppe.Domain.Banks;
using Steppe.Domain.Tests.Support;

namespace Steppe.Domain.Tests.Banks;

/// <summary>The JSON Schema that editors use and the reader that Steppe uses must say the same thing.</summary>
public class SchemaAgreementTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Repo.File("question-bank", "schema", "question-bank.schema.json"));

    // Rules a JSON Schema cannot express (they compare one value with another); the schema's description
    // names them, and these rows are left out of the agreement check.
    private static readonly string[] ReaderOnly =
    [
        "must equal one of choices", "duplicate key", "duplicate question id", "duplicate theme id", "is not the id of a theme",
        "one entry per choice", "needs \"format\": 1.1",
    ];

    private static bool SchemaAccepts(string json) =>
        Schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;

    public static TheoryData<int> Seeds => new(Enumerable.Range(100, 25));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Both_accept_a_valid_generated_bank(int seed)
    {
        var json = BankWriter.ToJson(new BankFaker(seed).Bank(questions: 8));

        BankReader.Read(json).Problems.Should().BeEmpty();
        SchemaAccepts(json).Should().BeTrue();
    }

    public static TheoryData<string> BrokenQuestions()
    {
        var rows = new TheoryData<string>();
        foreach (var row in BankReaderRuleTests.QuestionRules)
        {
            var (question, message) = ((string)row[0], (string)row[2]);
            if (!ReaderOnly.Any(message.Contains))
            {
                rows.Add(Samples.WithQuestion(question));
            }
        }
        foreach (var row in BankReaderRuleTests.BankRules)
        {
            var (json, message) = ((string)row[0], (string)row[2]);
            if (!ReaderOnly.Any(message.Contains) && !message.Contains("JSON", StringComparison.Ordinal)
                && !message.Contains("empty", StringComparison.Ordinal) && !message.Contains("single JSON value", StringComparison.Ordinal))
            {
                rows.Add(json);
            }
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(BrokenQuestions))]
    public void Both_refuse_a_bank_that_breaks_one_rule(string json)
    {
        BankReader.Read(json).IsValid.Should().BeFalse();
        SchemaAccepts(json).Should().BeFalse();
    }

    [Theory]
    [InlineData(Samples.ValidMultipleChoice)]
    [InlineData(Samples.ValidTrueFalse)]
    [InlineData(Samples.ValidCloze)]
    [InlineData(Samples.ValidShortAnswer)]
    [InlineData(Samples.ValidNumeric)]
    [InlineData(Samples.ValidOrdering)]
    [InlineData("""{ "id": "q", "type": "cloze", "prompt": "snake_case ____ here_", "answer": "x" }""")]
    [InlineData("""{ "id": "q", "type": "true-false", "prompt": "Gas.", "answer": false, "correction": "Oil." }""")]
    public void Both_accept_each_valid_question_type(string question)
    {
        var json = Samples.WithQuestion(question);

        BankReader.Read(json).Problems.Should().BeEmpty();
        SchemaAccepts(json).Should().BeTrue();
    }

    [Fact]
    public void The_samples_checked_number_at_least_forty()
    {
        (Seeds.Count + BrokenQuestions().Count + 8).Should().BeGreaterThanOrEqualTo(40);
    }

    [Fact]
    public void The_starter_bank_is_valid_under_the_schema()
    {
        SchemaAccepts(File.ReadAllText(Repo.File("question-bank", "sino-kazakh-relations-starter.json"))).Should().BeTrue();
    }
}
