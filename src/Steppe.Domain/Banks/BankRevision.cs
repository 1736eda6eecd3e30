namespace Steppe.Domain.Banks;

/// <summary>What a new version of a bank does to the questions of the old one, told by question id: what a
/// learner's deck must do about it. A question kept with the same answer keeps its cards' progress; one whose
/// answer changed is learned again; one removed is put aside (its history kept), and comes back if its id does.</summary>
public sealed record BankRevision(
    IReadOnlyList<string> Kept, IReadOnlyList<string> AnswerChanged, IReadOnlyList<string> Removed, IReadOnlyList<string> Added)
{
    public static BankRevision Between(QuestionBank before, QuestionBank after)
    {
        var old = before.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var (kept, changed, added) = (new List<string>(), new List<string>(), new List<string>());
        foreach (var question in after.Questions)
        {
            if (!old.Remove(question.Id, out var previous))
            {
                added.Add(question.Id);
            }
            else if (ChangesAnswer(previous, question))
            {
                changed.Add(question.Id);
            }
            else
            {
                kept.Add(question.Id);
            }
        }
        var removed = before.Questions.Where(q => old.ContainsKey(q.Id)).Select(q => q.Id).ToList();
        return new BankRevision(kept, changed, removed, added);
    }

    /// <summary>Whether a learner who knew the answer to <paramref name="before"/> would now answer
    /// <paramref name="after"/> wrongly: the right answer changed, not only its wording around it (prompt,
    /// explanation, the wrong choices, other accepted spellings, a change of type with the same answer).</summary>
    public static bool ChangesAnswer(Question before, Question after) => (before, after) switch
    {
        (NumericQuestion a, NumericQuestion b) => a.Answer != b.Answer || !Same(a.Unit ?? "", b.Unit ?? ""),
        (OrderingQuestion a, OrderingQuestion b) => a.Answer.Count != b.Answer.Count || a.Answer.Zip(b.Answer).Any(p => !Same(p.First, p.Second)),
        _ => !Same(before.AnswerText, after.AnswerText),
    };

    private static bool Same(string a, string b) =>
        string.Equals(string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            string.Join(' ', b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
}
