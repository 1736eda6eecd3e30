using Steppe.Domain.Banks;

namespace Steppe.Domain.Live;

/// <summary>Which questions of a bank a game asks, and in what order: all of them, those of chosen themes, or a
/// picked list (in the order picked), then shuffled if the host asks.</summary>
public static class GameQuestions
{
    /// <summary>The questions to ask, or why none can be (an unknown theme or question id is named).</summary>
    public static (IReadOnlyList<Question>? Questions, string? Error) Choose(
        IReadOnlyList<Question> bank, IReadOnlyList<string>? themes, IReadOnlyList<string>? questionIds, bool shuffle, Random random)
    {
        List<Question> chosen;
        if (questionIds is { Count: > 0 })
        {
            var byId = bank.GroupBy(q => q.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var unknown = questionIds.Where(id => !byId.ContainsKey(id)).ToList();
            if (unknown.Count > 0)
            {
                return (null, $"This bank has no question {string.Join(", ", unknown.Take(5).Select(u => $"'{u}'"))}.");
            }
            chosen = questionIds.Distinct(StringComparer.Ordinal).Select(id => byId[id]).ToList();
        }
        else
        {
            chosen = [.. bank];
        }
        if (themes is { Count: > 0 })
        {
            var known = bank.SelectMany(q => q.Themes ?? []).ToHashSet(StringComparer.Ordinal);
            var unknown = themes.Where(t => !known.Contains(t)).ToList();
            if (unknown.Count > 0)
            {
                return (null, $"No question of this bank has the theme {string.Join(", ", unknown.Take(5).Select(u => $"'{u}'"))}.");
            }
            chosen = chosen.Where(q => q.Themes?.Any(themes.Contains) == true).ToList();
        }
        if (chosen.Count == 0)
        {
            return (null, "No question of this bank matches the chosen themes and questions.");
        }
        if (shuffle)
        {
            var array = chosen.ToArray();
            random.Shuffle(array);
            chosen = [.. array];
        }
        return (chosen, null);
    }
}
