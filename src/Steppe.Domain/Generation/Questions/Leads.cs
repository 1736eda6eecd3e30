using Steppe.Domain.Generation.Entities;
using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>The opening phrase of a clause ("In 1455,", "During the war,", "However,"): kept when it sets the time or
/// place, dropped when it only links, and the question or statement not made when it sets the time but cannot be kept.</summary>
internal static class Leads
{
    /// <summary>The lead to keep: "" when there is none or it only links ("However,"); null when it sets the time
    /// or place the question needs ("At the time of his death, …") but cannot be kept, so that no question is
    /// asked without it.</summary>
    public static string? Of(Wording w, Clause c)
    {
        if (c.Lead is not { } lead || w.Sentence.Tokens[lead.Start].Pos is Pos.RB && lead.Length <= 2)
        {
            return "";
        }
        var tokens = w.Sentence.Tokens;
        // "Three years later, in 1888,": the year says it all; the part that counts from the sentence before goes.
        var comma = Enumerable.Range(lead.Start, lead.Length - 1).FirstOrDefault(k => tokens[k].Text == ",", -1);
        if (comma > lead.Start && w.PointsOutside(lead.Start, comma) && tokens[comma + 1].Pos == Pos.IN
            && Enumerable.Range(comma + 1, lead.End - comma - 1).Any(k => tokens[k].Pos == Pos.CD && Grammar.IsYearLike(tokens[k].Text)))
        {
            lead = new TokenSpan(comma + 1, lead.End);
        }
        var raw = w.Render(lead.Start, lead.End);
        if (ConnectiveLeads.Any(l => raw.StartsWith(l, StringComparison.OrdinalIgnoreCase) || raw.StartsWith(char.ToUpperInvariant(l[0]) + l[1..], StringComparison.Ordinal)))
        {
            return "";
        }
        // "Among his criticisms, who …?": the pronoun would come before the one it means.
        if (Enumerable.Range(lead.Start, lead.Length).Any(k => w.Sentence.Tokens[k].Pos is Pos.PRPS or Pos.PRP)
            || !w.ResolveAll(lead.Start, lead.End) || w.PointsOutside(lead.Start, lead.End))
        {
            return null;
        }
        // "By December 25, …": which year is said elsewhere.
        if (Enumerable.Range(lead.Start, lead.Length).Any(k => Lexicon.Months.Contains(tokens[k].Text))
            && !Enumerable.Range(lead.Start, lead.Length).Any(k => tokens[k].Pos == Pos.CD && Grammar.IsYearLike(tokens[k].Text)))
        {
            return null;
        }
        var text = w.Render(lead.Start, lead.End).Trim().TrimEnd(',');
        return text.Split(' ').Length > 10 ? null : text + ",";
    }

    private static readonly string[] ConnectiveLeads = ["as a result", "in addition", "however", "thus", "therefore", "consequently", "for example", "for instance", "as an example", "in turn", "in contrast", "instead", "meanwhile", "despite", "in response", "unlike", "like", "as with", "in spite of", "by contrast", "so", "also", "moreover", "furthermore"];
}
