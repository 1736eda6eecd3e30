using System.Text;
using Steppe.Domain.Banks;
using Steppe.Domain.Generation;

namespace Steppe.Domain.Tests.Generation;

public class SampleBankTests
{
    /// <summary>The committed generated bank is what the generator makes now: a change to the generator shows up as
    /// a diff of question-bank/sino-kazakh-relations.json, to be regenerated and read (README, "Generating a bank").</summary>
    [Fact]
    public void The_committed_sample_bank_equals_a_fresh_generation()
    {
        var committed = File.ReadAllText(Repo.File("question-bank", "sino-kazakh-relations.json"));
        var text = File.ReadAllText(Repo.File("question-bank", "articles", "sino-kazakh-relations.txt"));

        var fresh = BankGenerator.Generate(text, new GenerationOptions
        {
            Id = "sino-kazakh-relations",
            Title = "Fly on the wings of a dream: Sino-Kazakh relations (generated)",
            SourceFile = "articles/sino-kazakh-relations.txt",
        });

        Encoding.UTF8.GetString(BankWriter.ToUtf8(fresh.Bank!)).Should().Be(committed,
            "regenerate with: dotnet run --project src/Steppe.Cli -- generate question-bank/articles/sino-kazakh-relations.txt --id sino-kazakh-relations --title \"Fly on the wings of a dream: Sino-Kazakh relations (generated)\" -o question-bank/sino-kazakh-relations.json");
    }

    [Fact]
    public void The_hand_written_starter_bank_is_a_separate_bank_that_generation_never_touches()
    {
        var starter = BankReader.Read(File.ReadAllBytes(Repo.File("question-bank", "sino-kazakh-relations-starter.json"))).Bank!;
        var generated = BankReader.Read(File.ReadAllBytes(Repo.File("question-bank", "sino-kazakh-relations.json"))).Bank!;

        starter.Id.Should().NotBe(generated.Id);
        starter.Tags.Should().NotContain("generated");
    }
}
