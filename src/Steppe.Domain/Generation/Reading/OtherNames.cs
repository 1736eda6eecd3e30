using Steppe.Domain.Generation.Entities;
using Steppe.Domain.Generation.Language;

namespace Steppe.Domain.Generation.Reading;

/// <summary>Second names the article gives a thing: "Toghrul, who … is better known by the Chinese title 'Wang
/// Khan'", "Temüjin, later known as Genghis Khan", "the Treaty of Rome, also called the EEC Treaty". The two are
/// one entity, so that one is never offered as a wrong answer beside the other.</summary>
internal static class OtherNames
{
    private static readonly string[][] Cues = [["known", "as"], ["known", "by"], ["called"], ["nicknamed"], ["dubbed"], ["renamed"], ["aka"]];
    private static readonly HashSet<string> CueStarts = Cues.Select(c => c[0]).ToHashSet(StringComparer.Ordinal);

    private static bool OpensAside(IReadOnlyList<TaggedToken> t, int end) =>
        end < t.Count && (t[end].Text == "(" || t[end].Text == "," && end + 1 < t.Count && t[end + 1].Lower is "who" or "which" or "later" or "also" or "now" or "formerly" or "officially" or "often" or "commonly" or "better" or "known" or "called");

    /// <summary>Each second name → the first name, for the mentions of one sentence.</summary>
    public static IEnumerable<(string Other, string First)> Find(IReadOnlyList<TaggedToken> t, IReadOnlyList<Mention> mentions)
    {
        for (var i = 1; i < t.Count; i++)
        {
            if (!CueStarts.Contains(t[i].Lower))
            {
                continue; // most words: no cue, and no work
            }
            var cue = Cues.FirstOrDefault(c => i + c.Length <= t.Count && c.Select((w, k) => t[i + k].Lower == w).All(x => x));
            if (cue is null)
            {
                continue;
            }
            // The name before: one an aside opens on ("Toghrul, who …", "Temüjin, later", "X (also"), the
            // nearest such before the cue, with no full stop or bracket closing between.
            // Not the end of a longer phrase: "an interpretation of Islam, known as Wahhabism" names the interpretation.
            var first = mentions.Where(m => m.Span.End < i && !m.Possessive && OpensAside(t, m.Span.End) && !(m.Span.Start > 0 && t[m.Span.Start - 1].Pos is Pos.IN or Pos.TO)
                    && !Enumerable.Range(m.Span.End, i - m.Span.End).Any(k => t[k].Text is ";" or ")" or ":"))
                .MaxBy(m => m.Span.End);
            // The name after: the nearest that is no people's adjective ("the Chinese title 'Wang Khan'").
            var after = i + cue.Length;
            var other = mentions.Where(m => m.Span.Start >= after && m.Span.Start <= after + 6 && Gazetteer.PlaceOf(m.Text) is null).MinBy(m => m.Span.Start);
            if (first is null || other is null || first.Text == other.Text || i - first.Span.End > 14
                || Enumerable.Range(after, other.Span.Start - after).Any(k => t[k].IsFiniteVerb)
                || Gazetteer.FindCountry(other.Text) is not null || Gazetteer.FindCountry(first.Text) is not null)
            {
                continue;
            }
            yield return (other.Text, first.Text);
        }
    }
}
