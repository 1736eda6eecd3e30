using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Entities;

/// <summary>What the article's own wording says a name is, where the word lists cannot tell or a one-word name
/// has many senses: a name followed by "program" or "river" is one; a name that was born, married and died,
/// or is someone's son, is a person.</summary>
internal static class KindEvidence
{
    private static readonly HashSet<string> PersonVerbs = new(StringComparer.Ordinal)
    {
        "bear", "die", "marry", "flee", "write", "say", "study", "graduate", "resign", "reign", "rule", "kill", "murder", "live", "travel",
        "claim", "argue", "believe", "serve", "meet", "return", "succeed", "invent", "propose", "tell", "ask", "command", "defeat", "escape",
    };

    private static readonly HashSet<string> Kin = new(StringComparer.Ordinal)
    {
        "son", "daughter", "wife", "husband", "brother", "sister", "father", "mother", "uncle", "aunt", "nephew", "niece", "cousin", "grandson",
        "granddaughter", "grandfather", "grandmother", "friend", "ally", "rival", "widow", "heir", "successor", "predecessor",
    };

    public static void Refine(IReadOnlyList<Entity> entities, IReadOnlyList<SentenceReading> sentences)
    {
        foreach (var e in entities)
        {
            var followed = e.Mentions.Select(m => FollowingHead(sentences[m.SentenceIndex].Tokens, m)).Where(k => k is not null).ToList();
            if (followed.Count > 0 && followed.Count * 2 >= e.Mentions.Count)
            {
                e.Kind = followed.GroupBy(k => k!.Noun).OrderByDescending(g => g.Count()).First().First()!;
                continue;
            }
            var person = e.Mentions.Count(m => IsPersonLike(sentences[m.SentenceIndex], m));
            var weak = !e.Kind.IsKnown || (e.Sense is not null && !e.Name.Contains(' ', StringComparison.Ordinal) && e.Kind.Category != EntityCategory.Person);
            // "Folklore says …": a word the dictionary has as a common noun is not somebody's name.
            var acronym = e.Name.All(ch => char.IsUpper(ch) || char.IsDigit(ch) || ch == '-')
                || (!e.Name.Contains(' ', StringComparison.Ordinal) && WordNet.Senses(e.Name).Any(x => !x.IsInstance && char.IsLower(x.Lemmas[0][0])));
            if (weak && !acronym && e.Kind != EntityTyper.Nationality && e.Kind != EntityTyper.People && person >= (e.Kind.IsKnown ? 3 : 2))
            {
                e.Kind = EntityKind.Person();
            }
        }
    }

    /// <summary>"Apollo program", "Rhine river": a lower-case word after the name that says what it is.</summary>
    private static EntityKind? FollowingHead(IReadOnlyList<TaggedToken> t, Mention m)
    {
        if (m.Possessive || m.Span.End >= t.Count)
        {
            return null;
        }
        var next = m.Span.End;
        while (next < t.Count && t[next].Pos == Pos.CD)
        {
            next++; // "Apollo 11 mission"
        }
        if (next >= t.Count || !t[next].IsNoun || char.IsUpper(t[next].Text[0]))
        {
            return null;
        }
        var word = t[next].Text;
        return EntityTyper.HeadNoun(char.ToUpperInvariant(word[0]) + word[1..]);
    }

    private static bool IsPersonLike(SentenceReading s, Mention m)
    {
        var t = s.Tokens;
        if (m.Span.Start >= 2 && t[m.Span.Start - 1].Text == "," && Kin.Contains(t[m.Span.Start - 2].Lower))
        {
            return true; // "his son, Jochi"
        }
        if (m.Span.Start >= 1 && Kin.Contains(t[m.Span.Start - 1].Lower))
        {
            return true; // "his son Jochi"
        }
        if (m.Span.End + 2 < t.Count && t[m.Span.End].Text == "," && Kin.Contains(t[m.Span.End + 2].Lower) && t[m.Span.End + 1].Pos is Pos.PRPS)
        {
            return true; // "Jochi, his eldest son" (adjective skipped below)
        }
        if (m.Span.End + 1 < t.Count && t[m.Span.End].Text == "," && t[m.Span.End + 1].Lower == "who")
        {
            return true;
        }
        if (s.Clause is { } c && c.Subject.Contains(m.Span.Start) && m.Span.End >= c.Subject.End - 1
            && Morphology.VerbLemma(t[c.MainVerb].Text) is { } verb && PersonVerbs.Contains(verb))
        {
            return true;
        }
        return false;
    }
}
