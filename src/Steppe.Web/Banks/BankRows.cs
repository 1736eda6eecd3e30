using Steppe.Domain.Banks;
using Steppe.Web.Data;

namespace Steppe.Web.Banks;

/// <summary>Maps a bank of the domain to its database rows.</summary>
internal static class BankRows
{
    public static BankEntity From(QuestionBank bank, string sha, string? file, DateTimeOffset now)
    {
        var entity = new BankEntity
        {
            Id = bank.Id,
            Title = bank.Title,
            Language = bank.EffectiveLanguage,
            FileSha256 = sha,
        };
        Update(entity, bank, sha, file, now);
        return entity;
    }

    /// <summary>Replaces the bank's columns and questions; EF Core deletes the questions that left the file.</summary>
    public static void Update(BankEntity entity, QuestionBank bank, string sha, string? file, DateTimeOffset now)
    {
        entity.Title = bank.Title;
        entity.Language = bank.EffectiveLanguage;
        entity.Description = bank.Description;
        entity.QuestionCount = bank.Questions.Count;
        entity.Themes = (bank.Themes ?? []).Select(t => new ThemeEntity
        {
            Id = t.Id,
            Title = t.Title,
            Keywords = t.Keywords?.ToList() ?? [],
            QuestionCount = bank.Questions.Count(q => q.Themes?.Contains(t.Id) == true),
        }).ToList();
        entity.Contents ??= new BankContentEntity { BankId = bank.Id, Content = [] };
        entity.Contents.Content = BankWriter.ToUtf8(bank);
        entity.FileSha256 = sha;
        entity.SourceFile = file;
        entity.UpdatedAt = now;

        var byId = entity.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var kept = new List<QuestionEntity>();
        for (var i = 0; i < bank.Questions.Count; i++)
        {
            var q = bank.Questions[i];
            if (!byId.TryGetValue(q.Id, out var row))
            {
                row = new QuestionEntity { BankId = bank.Id, Id = q.Id, Type = "", Prompt = "", Content = "" };
            }
            row.Position = i;
            row.Type = q.Type.Name();
            row.Prompt = q.Prompt;
            row.Themes = q.Themes?.ToList() ?? [];
            row.Content = BankWriter.QuestionToJson(q);
            kept.Add(row);
        }
        entity.Questions = kept;
    }
}
