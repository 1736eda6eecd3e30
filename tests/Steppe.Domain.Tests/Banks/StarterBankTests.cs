using Steppe.Domain.Banks;

namespace Steppe.Domain.Tests.Banks;

/// <summary>The hand-written starter bank is content people study: check what a reviewer would.</summary>
public class StarterBankTests
{
    private static readonly QuestionBank Bank =
        BankReader.Read(File.ReadAllBytes(Repo.File("question-bank", "sino-kazakh-relations-starter.json"))).Bank!;

    private static readonly string[] Paragraphs = File.ReadAllLines(Repo.File("question-bank", "articles", "sino-kazakh-relations.txt"))
        .Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();

    [Fact]
    public void It_has_at_least_fifteen_questions_of_all_six_types_each_explained()
    {
        Bank.Id.Should().Be("sino-kazakh-relations-starter");
        Bank.Questions.Should().HaveCountGreaterThanOrEqualTo(15);
        Bank.Questions.Select(q => q.Type).Distinct().Should().HaveCount(6);
        Bank.Questions.Should().OnlyContain(q => !string.IsNullOrWhiteSpace(q.Explanation) && q.Source != null && q.Themes!.Count > 0);
    }

    [Fact]
    public void Every_source_is_verbatim_in_the_paragraph_it_names()
    {
        foreach (var q in Bank.Questions)
        {
            Paragraphs[q.Source!.Paragraph!.Value - 1].Should().Contain(q.Source.Text, $"question {q.Id}");
        }
    }

    [Fact]
    public void The_source_hash_is_that_of_the_article()
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            File.ReadAllBytes(Repo.File("question-bank", Bank.Source!.File!))));

        Bank.Source.Sha256.Should().Be(hash);
    }

    [Fact]
    public void Every_theme_is_used_by_at_least_one_question()
    {
        Bank.Themes!.Select(t => t.Id).Should().BeSubsetOf(Bank.Questions.SelectMany(q => q.Themes!));
    }
}
