using Steppe.Domain.Generation.Entities;
using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>Questions about what a subject is or is called.</summary>
internal sealed partial class ClauseQuestions
{
    private static readonly string[] NamingWords = ["called", "known as", "named", "termed", "referred to as", "nicknamed", "dubbed"];

    /// <summary>What a subject is or is called, when that is a name: "The largest city is Nairobi" → "What is the
    /// largest city?"; "The key enzyme of the Calvin cycle is called Rubisco" → "What is the key enzyme of the
    /// Calvin cycle called?".</summary>
    private Draft? Complement(SentenceReading s, Clause c)
    {
        var t = s.Tokens;
        if (!c.IsCopula && !(c.IsPassive && NamingWords.Any(n => n.StartsWith(t[c.MainVerb].Lower, StringComparison.Ordinal))))
        {
            return null;
        }
        var start = c.Rest.Start;
        if (start >= c.Rest.End)
        {
            return null; // "The first machine was": a text cut off after the verb
        }
        var naming = "";
        foreach (var n in NamingWords)
        {
            var words = n.Split(' ');
            if (c.IsCopula && start + words.Length < c.Rest.End && words.Select((x, k) => t[start + k].Lower == x).All(x => x))
            {
                naming = " " + n;
                start += words.Length;
                break;
            }
        }
        if (c.IsPassive)
        {
            naming = " " + t[c.MainVerb].Lower + (t[c.MainVerb].Lower == "known" || t[c.MainVerb].Lower == "referred" ? (t[start].Lower is "as" or "to" ? "" : "") : "");
        }
        if (t[start].Lower is "as" && c.IsPassive)
        {
            start++;
        }
        if (start < c.Rest.End && t[start].Lower is "to" && t.Count > start + 1 && t[start + 1].Lower == "as")
        {
            start += 2;
        }
        if (start >= c.Rest.End)
        {
            return null;
        }
        var mention = s.Mentions.FirstOrDefault(m => m.Span.Start == start || (t[start].Lower == "the" && m.Span.Start == start + 1));
        // The name is the whole complement (up to the clause's end or a comma), not the start of a longer phrase.
        // A name given to a thing may be of no known kind ("is called Rubisco"); it is asked by its own name.
        if (mention?.Entity is not { } answer || mention.Possessive || !(Askable(answer) || naming.Length > 0 && answer != article.Topic && answer.Kind.Category == EntityCategory.Unknown)
            || (mention.Span.End < c.Rest.End && t[mention.Span.End].Text is not ("," or "(" or ";")))
        {
            return null;
        }
        var w = new Wording(article, s);
        if (Coreference.SubjectEntity(s, c) is not null || !w.ResolveAll(c.Subject.Start, c.Subject.End) || w.PointsOutside(c.Subject.Start, c.Subject.End) || c.Subject.Length < 2)
        {
            return null; // an entity subject is asked the other way round ("Which city is …?")
        }
        var be = t[c.Auxiliary >= 0 ? c.Auxiliary : c.MainVerb].Lower;
        var subject = Grammar.LowerFirst(t, c.Subject.Start, w.Render(c.Subject.Start, c.Subject.End));
        var what = answer.Kind.Category == EntityCategory.Person && naming.Length == 0 && !c.IsPassive ? "Who" : "What";
        var prompt = Grammar.AsQuestion($"{what} {be} {subject}{(c.IsPassive ? " " + t[c.MainVerb].Lower + (t[c.MainVerb].Lower is "referred" ? " to as" : "") : naming)}");
        return Finish(prompt, s, w, answer, c.Verbs.Start, Form.Which);
    }
}
