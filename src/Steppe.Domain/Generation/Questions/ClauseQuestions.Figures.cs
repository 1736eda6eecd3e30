using Steppe.Domain.Generation.Entities;
using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>Questions about a figure: how many, how much, what percentage.</summary>
internal sealed partial class ClauseQuestions
{
    /// <summary>"About 180 copies were made …" → "About how many copies were made …?"</summary>
    private Draft? HowManySubject(SentenceReading s, Clause c, Wording w)
    {
        var t = s.Tokens;
        var figure = s.Facts.FirstOrDefault(f => f.Kind == FactKind.Count && c.Subject.Contains(TokenAt(s, f.AnswerStart)));
        if (figure is null || figure.Unit is null)
        {
            return null;
        }
        var number = TokenAt(s, figure.AnswerStart);
        var first = c.Subject.Start;
        var qualifier = number > first ? w.Render(first, number).ToLowerInvariant() : "";
        if (qualifier.Length > 0 && qualifier is not ("about" or "around" or "approximately" or "nearly" or "almost" or "roughly" or "some"))
        {
            return null;
        }
        var wh = (qualifier is "" or "some" ? "" : "about ") + "how many";
        if (number + 1 >= c.Subject.End || !t[number + 1].IsNoun || t[number + 1].IsProper)
        {
            return null;
        }
        var rest = w.Render(number + 1, c.Subject.End);
        var body = Body(w, c.Verbs.Start, c);
        if (body is null || w.PointsOutside(number + 1, c.Subject.End))
        {
            return null;
        }
        if (Leads.Of(w, c) is not { } howManyLead)
        {
            return No("a time or place the question would need but cannot keep");
        }
        var prompt = w.Framed(Grammar.AsQuestion(Join(howManyLead, $"{wh} {rest}", body)), Wording.HasAnchor(Grammar.AsQuestion(body), s, null));
        if (prompt is null || !Fits(prompt))
        {
            return No("no name or date that says what is asked, or a second date");
        }
        var explanation = Explain(s, w);
        return answers.ForFigure(prompt, figure, figure.Unit, explanation, preferTyped: false) is { } made
            ? new Draft(made.Question, s, Form.HowMany, Key(figure), made.Quality * Worth.Figure(figure)) { Antecedent = w.Antecedent }
            : null;
    }

    private static readonly HashSet<string> FigureQualifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "nearly", "almost", "around", "approximately", "roughly", "some", "only", "just", "over", "more", "than", "less", "fewer",
        "up", "to", "at", "least", "an", "estimated", "a", "the",
    };

    /// <summary>Units of measure: "how many km" asks for a measurement the way nobody would.</summary>
    private static readonly HashSet<string> MeasureUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "km", "mm", "cm", "m", "mi", "ft", "in", "sq", "kg", "g", "lb", "mph", "km/h", "ha", "acres", "hectares", "metres", "meters", "miles",
        "kilometres", "kilometers", "feet", "inches", "tonnes", "tons", "litres", "liters", "gallons", "degrees", "°C", "°F",
    };

    /// <summary>A figure the clause's verb governs: its object ("had an estimated 15 million cases of malaria" →
    /// "How many cases of malaria did Kenya have?") or in a phrase of it ("grew by 5 percent" → "By what
    /// percentage did … grow?"), with what it counts ("of the GDP") moved along.</summary>
    private Draft? FigureQuestion(SentenceReading s, Clause c)
    {
        var t = s.Tokens;
        if (c.IsCopula)
        {
            return null;
        }
        var figures = s.Facts.Where(f => f.Kind is FactKind.Count or FactKind.Percent or FactKind.Amount).ToList();
        foreach (var f in figures)
        {
            var first = TokenAt(s, f.Start);
            var last = TokenAt(s, f.Start + f.Length - 1);
            // Ranges and comparisons ("from 53% in Botswana to -40% in Bahrain") ask two figures at once.
            var otherNumber = Enumerable.Range(c.Rest.Start, c.Rest.Length).Any(k => (k < first || k > last) && t[k].Pos == Pos.CD && !Grammar.IsYearLike(t[k].Text));
            var converted = otherNumber || last + 1 < t.Count && t[last + 1].Text == "(" || first >= 1 && t[first - 1].Text == "(" || s.Text.Contains('(', StringComparison.Ordinal) && f.Unit?.Split(' ').Any(MeasureUnits.Contains) == true;
            if (!c.Rest.Contains(first) || !c.Rest.Contains(last) || InsideBrackets(s, first) || converted
                || figures.Count(g => g.Kind == f.Kind && c.Rest.Contains(TokenAt(s, g.AnswerStart))) > 1
                || f.Unit?.Split(' ').Any(MeasureUnits.Contains) == true)
            {
                continue;
            }
            var from = first;
            while (from > c.Rest.Start && FigureQualifiers.Contains(t[from - 1].Text) && !(t[from - 1].Lower is "to" or "at" && from - 1 == c.Rest.Start))
            {
                from--;
            }
            string? prep = null;
            // "reported revenue of 412 million dollars" → "how much revenue"; "a total of 214 stores" → "how many stores".
            var measured = "";
            if (from >= c.Rest.Start + 2 && t[from - 1].Lower == "of" && t[from - 2].Pos is Pos.NN && (from - 2 == c.Rest.Start || from - 3 == c.Rest.Start && t[c.Rest.Start].Pos == Pos.DT)
                && f.Kind is FactKind.Amount && t[from - 2].Lower is not ("total" or "sum"))
            {
                measured = " " + t[from - 2].Lower;
                from = c.Rest.Start;
            }
            if (from > c.Rest.Start)
            {
                if (t[from - 1].Pos is not (Pos.IN or Pos.TO) || t[from - 1].Lower is not ("by" or "to" or "for" or "from" or "at"))
                {
                    continue; // the figure belongs to a noun ("the return of a loan of 2,026 guilders")
                }
                prep = t[from - 1].Lower;
                from--;
                if (from != c.Rest.Start)
                {
                    continue;
                }
            }
            var end = last + 1;
            var counted = "";
            if (f.Kind == FactKind.Count)
            {
                var number = TokenAt(s, f.AnswerStart);
                var unitStart = number + 1;
                while (unitStart <= last && Lexicon.ScaleWords.Contains(t[unitStart].Lower))
                {
                    unitStart++;
                }
                if (unitStart > last || f.Unit is null)
                {
                    continue; // a count needs the noun it counts: "how many patents"
                }
                counted = " " + Grammar.Join(t, unitStart, last + 1);
            }
            // "14% of the GDP", "15 million cases of malaria": what the figure is a share or a number of goes with it.
            var shareOf = new List<TokenSpan>();
            while (end < c.Rest.End && t[end].Lower == "of")
            {
                var k = end + 1;
                while (k < c.Rest.End && (t[k].Pos is Pos.DT or Pos.JJ or Pos.NN or Pos.NNS or Pos.NNP or Pos.NNPS or Pos.PRPS || t[k].Text is "’s" or "'s"))
                {
                    k++;
                }
                shareOf.Add(new TokenSpan(end, k));
                end = k;
            }
            // "… 3 million tonnes of wheat and 2 million tonnes of barley", "44 members elected to …", "80% of the
            // population who visit …": the figure is one of two, or described further on; not asked alone.
            if (end < c.Rest.End && (t[end].Lower is "and" or "or" or "who" or "which" or "that" || t[end].Text == "," && end + 1 < c.Rest.End && t[end + 1].Pos == Pos.CD || t[end].Pos is Pos.VBN or Pos.VBG))
            {
                continue;
            }
            // "Tesla spent over $2,000, including …, to fix her broken wing": with what it was for cut off, "How much
            // did Tesla spend?" asks nothing a student can place.
            if (f.Kind == FactKind.Amount && measured.Length == 0 && prep is null && end >= c.Rest.End && c.Rest.End < c.FullRest.End)
            {
                continue;
            }
            // "of the nation's residents": which nation? The article's, said by name ("of Kenya's residents"), or none.
            var words = new Wording(article, s);
            if (words.PointsOutside(first, end))
            {
                continue;
            }
            counted += string.Concat(shareOf.Select(span => " " + words.Render(span.Start, span.End)));
            var what = f.Kind switch { FactKind.Percent => "what percentage", FactKind.Amount => "how much" + measured, _ => "how many" };
            var wh = (prep is null ? "" : prep + " ") + what + counted;
            return Invert(s, c, new TokenSpan(from, end), wh, null, null, f);
        }
        return null;
    }
}
