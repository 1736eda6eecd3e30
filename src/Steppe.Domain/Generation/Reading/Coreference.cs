using Steppe.Domain.Generation.Entities;
using Steppe.Domain.Generation.Language;

namespace Steppe.Domain.Generation.Reading;

/// <summary>Who "he", "she" and "it" stand for, when the sentences just before leave one choice: the nearest
/// person of the right sex named in the same paragraph (the subject of the sentence before first), or the thing
/// the sentence before is about. Anything less clear stays unresolved, and questions then avoid the sentence.</summary>
internal static class Coreference
{
    /// <summary>The entity a pronoun at the start of <paramref name="s"/>'s subject stands for, and the sentence
    /// that names it.</summary>
    public static (Entity Entity, SentenceReading Antecedent)? Resolve(ArticleReading article, SentenceReading s, string pronoun)
    {
        var lower = pronoun.ToLowerInvariant();
        var person = lower is "he" or "she" or "his" or "her" or "him" or "hers";
        if (!person && lower is not ("it" or "its"))
        {
            return null;
        }
        var sex = lower is "he" or "his" or "him" ? "m" : lower is "she" or "her" or "hers" ? "f" : null;
        if (lower == "it" && s.Clause is { } own && (own.IsPassive || own.IsCopula) && s.Tokens.Skip(own.Rest.Start).Take(3).Any(x => x.Lower is "that" or "to"))
        {
            return null; // "It is expected that …", "It was easy to …": nothing is referred to
        }
        // "Before Genghis Khan died, he assigned …": the one person of the lead is the subject's pronoun.
        if (person && s.Clause is { Lead: { } lead } main && main.Subject.Length == 1 && string.Equals(s.Tokens[main.Subject.Start].Text, pronoun, StringComparison.OrdinalIgnoreCase))
        {
            var inLead = s.Mentions.Where(m => lead.Contains(m.Span.Start) && m.Entity is { Kind.Category: EntityCategory.Person } e && (sex is null || e.Gender is null || e.Gender == sex))
                .Select(m => m.Entity!).Distinct().ToList();
            if (inLead.Count == 1)
            {
                return (inLead[0], s);
            }
        }
        // Look back at most three sentences, within the paragraph.
        for (var i = s.Index - 1; i >= Math.Max(0, s.Index - 3); i--)
        {
            var before = article.Sentences[i];
            if (before.Paragraph != s.Paragraph)
            {
                break;
            }
            // "… he assigned Ögedei Khan as his successor. He died in 1227.": the same pronoun as the subject
            // before means what that one means.
            if (before.Clause is { } previous && previous.Subject.Length == 1 && string.Equals(before.Tokens[previous.Subject.Start].Text, pronoun, StringComparison.OrdinalIgnoreCase))
            {
                return Resolve(article, before, pronoun);
            }
            var candidates = before.Mentions.Select(m => m.Entity).OfType<Entity>().Distinct()
                .Where(e => person ? e.Kind.Category == EntityCategory.Person && (sex is null || e.Gender is null || e.Gender == sex)
                    : e.Kind.Category is not (EntityCategory.Person or EntityCategory.Unknown or EntityCategory.Thing))
                .ToList();
            if (before.Clause is { } clause && SubjectEntity(before, clause) is { } subject && candidates.Contains(subject))
            {
                return (subject, before);
            }
            if (!person)
            {
                return null; // "it" stands for the subject before it, or is not resolved
            }
            if (candidates.Count == 1)
            {
                return (candidates[0], before);
            }
            if (candidates.Count > 1)
            {
                return null;
            }
            // A sentence that itself opens with the same pronoun passes the reference on.
            if (before.Clause is { } c && c.Subject.Length == 1 && !string.Equals(before.Tokens[c.Subject.Start].Text, pronoun, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
        }
        // A person article's "he" or "she" in its first sentences is the person it is about.
        if (person && article.Topic is { Kind.Category: EntityCategory.Person } topic && (sex is null || topic.Gender is null || topic.Gender == sex)
            && article.Sentences.Where(x => x.Paragraph == s.Paragraph && x.Index < s.Index).SelectMany(x => x.Mentions).All(m => m.Entity == topic || m.Entity?.Kind.Category != EntityCategory.Person))
        {
            var named = article.Sentences.Take(s.Index).LastOrDefault(x => x.Mentions.Any(m => m.Entity == topic));
            if (named is not null && s.Index - named.Index <= 4)
            {
                return (topic, named);
            }
        }
        return null;
    }

    /// <summary>The entity that is the whole subject of a clause ("Tesla", "The University of Warsaw"), if any.</summary>
    public static Entity? SubjectEntity(SentenceReading s, Clause c)
    {
        var start = c.Subject.Start;
        if (s.Tokens[start].Lower == "the")
        {
            start++;
        }
        var mention = s.Mentions.FirstOrDefault(m => m.Span.Start == start);
        return mention is not null && mention.Span.End == c.Subject.End && !mention.Possessive ? mention.Entity : null;
    }
}
