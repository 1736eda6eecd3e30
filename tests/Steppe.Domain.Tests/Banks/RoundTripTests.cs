using System.Text;
using Steppe.Domain.Banks;
using Steppe.Domain.Tests.Support;

namespace Steppe.Domain.Tests.Banks;

public class RoundTripTests
{
    [Fact]
    public void Every_question_type_is_read_into_its_model()
    {
        var json = """
            {
              "format": 1, "id": "all-types", "title": "All types",
              "themes": [{ "id": "energy", "title": "Energy", "keywords": ["oil"] }],
              "questions": [
                { "id": "mc", "type": "multiple-choice", "prompt": "Which?", "choices": ["a", "b"], "answer": "b", "points": 2000 },
                { "id": "tf", "type": "true-false", "prompt": "41 thousand.", "answer": false, "correction": "14 thousand." },
                { "id": "cz", "type": "cloze", "prompt": "Theme “____”.", "answer": "Future Energy", "accept": ["future energy"] },
                { "id": "sa", "type": "short-answer", "prompt": "Who?", "answer": "Dimash", "accept": ["Dimash Kudaibergen"] },
                { "id": "nu", "type": "numeric", "prompt": "How much?", "answer": 42.80, "unit": "billion dollars", "tolerance": 0.1 },
                { "id": "or", "type": "ordering", "prompt": "Order.", "answer": ["2002", "2007", "2013"],
                  "explanation": "By year.", "source": { "paragraph": 19, "text": "This year." }, "themes": ["energy"],
                  "tags": ["dates"], "difficulty": 0.5, "timeLimitSeconds": 30 }
              ]
            }
            """;

        var bank = BankReader.Read(json).Bank!;

        bank.Questions.Select(q => q.Type).Should().Equal(
            QuestionType.MultipleChoice, QuestionType.TrueFalse, QuestionType.Cloze,
            QuestionType.ShortAnswer, QuestionType.Numeric, QuestionType.Ordering);
        bank.Questions[0].Should().BeOfType<MultipleChoiceQuestion>().Which.Choices.Should().Equal("a", "b");
        bank.Questions[0].Points.Should().Be(2000);
        bank.Questions[1].Should().BeOfType<TrueFalseQuestion>().Which.Correction.Should().Be("14 thousand.");
        bank.Questions[2].Should().BeOfType<ClozeQuestion>().Which.Filled.Should().Be("Theme “Future Energy”.");
        bank.Questions[3].Should().BeOfType<ShortAnswerQuestion>().Which.Accept.Should().Equal("Dimash Kudaibergen");
        var numeric = bank.Questions[4].Should().BeOfType<NumericQuestion>().Subject;
        (numeric.Answer, numeric.Unit, numeric.Tolerance).Should().Be((42.80m, "billion dollars", 0.1m));
        var ordering = bank.Questions[5].Should().BeOfType<OrderingQuestion>().Subject;
        ordering.Answer.Should().Equal("2002", "2007", "2013");
        ordering.Source.Should().Be(new QuestionSource("This year.", 19));
        (ordering.Difficulty, ordering.TimeLimitSeconds).Should().Be((0.5m, 30));
        bank.Language.Should().BeNull("an absent field stays absent");
        bank.EffectiveLanguage.Should().Be("en");
    }

    [Fact]
    public void Read_write_read_gives_the_same_bank_and_writing_again_the_same_bytes()
    {
        for (var seed = 1; seed <= 30; seed++)
        {
            var bank = new BankFaker(seed).Bank(questions: 12);

            var written = BankWriter.ToUtf8(bank);
            var reread = BankReader.Read(written);

            reread.Problems.Should().BeEmpty($"seed {seed} makes a valid bank");
            reread.Bank.Should().Be(bank, $"seed {seed}");
            BankWriter.ToUtf8(reread.Bank!).Should().Equal(written, $"seed {seed}");
        }
    }

    [Fact]
    public void Numbers_keep_the_precision_they_were_written_with()
    {
        var json = Samples.WithQuestion("""{ "id": "q", "type": "numeric", "prompt": "How many?", "answer": 42.80, "tolerance": 0.50 }""");

        var written = BankWriter.ToJson(BankReader.Read(json).Bank!);

        written.Should().Contain("\"answer\": 42.80,").And.Contain("\"tolerance\": 0.50");
    }

    [Fact]
    public void The_writer_uses_two_spaces_the_page_order_no_bom_and_a_final_newline()
    {
        var json = Samples.WithQuestion(
            """{ "points": 1000, "choiceImages": [null, { "alt": "B", "src": "media/b.png" }], "answer": "b", "choices": ["a", "b"], "image": { "alt": "A map", "src": "media/map.png" }, "prompt": "Which “one”?", "type": "multiple-choice", "id": "q" }""");

        var bytes = BankWriter.ToUtf8(BankReader.Read(json).Bank!);
        var text = Encoding.UTF8.GetString(bytes);

        bytes.Take(3).Should().NotEqual(Encoding.UTF8.GetPreamble());
        text.Should().EndWith("}\n").And.NotContain("\r");
        text.Should().Contain(string.Join("\n",
            "    {",
            "      \"id\": \"q\",",
            "      \"type\": \"multiple-choice\",",
            "      \"prompt\": \"Which “one”?\",",
            "      \"image\": {",
            "        \"src\": \"media/map.png\",",
            "        \"alt\": \"A map\"",
            "      },",
            "      \"choices\": [",
            "        \"a\",",
            "        \"b\"",
            "      ],",
            "      \"choiceImages\": [",
            "        null,",
            "        {",
            "          \"src\": \"media/b.png\",",
            "          \"alt\": \"B\"",
            "        }",
            "      ],",
            "      \"answer\": \"b\",",
            "      \"points\": 1000",
            "    }"));
        text.Should().StartWith("{\n  \"format\": 1.1,\n  \"id\": \"bank\",\n  \"title\": \"A bank\",\n  \"themes\": [");
    }

    [Theory]
    [InlineData("sino-kazakh-relations-starter.json")]
    public void Committed_banks_are_in_canonical_form(string file)
    {
        var bytes = File.ReadAllBytes(Repo.File("question-bank", file));

        var result = BankReader.Read(bytes);

        result.Problems.Should().BeEmpty();
        Encoding.UTF8.GetString(BankWriter.ToUtf8(result.Bank!)).Should().Be(Encoding.UTF8.GetString(bytes),
            "a bank written by hand or by the generator is kept as the writer writes it, so regenerating diffs cleanly");
    }
}
