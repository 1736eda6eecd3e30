using System.Text.RegularExpressions;
using Steppe.Domain.Generation.Entities;
using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>A sentence's main clause as a statement that stands alone: linking words dropped ("However,"),
/// pronouns named ("He" → "Gutenberg"), the lead kept when it dates the clause, trailing clauses cut.</summary>
internal sealed record Statement(SentenceReading Sentence, string Text, SentenceReading? Antecedent)
{
    public int Words => Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}

/// <summary>Writes <see cref="Statement"/>s and changes one fact in them to make a false one.</summary>
internal sealed partial class Statements(ArticleReading article)
{
    private readonly EntityChoices _entities = new(article);
    private readonly Distractors _numbers = new(article.Facts);

    /// <summary>The statement, framed in the article's subject when it needs it and <paramref name="frame"/>
    /// allows (a choice among statements is not framed); null when it cannot stand alone.</summary>
    private readonly Dictionary<(int, int, bool), Statement?> _made = [];

    public Statement? Of(SentenceReading s, int maxWords = Checks.MaxPromptWords, bool frame = true)
    {
        if (!_made.TryGetValue((s.Index, maxWords, frame), out var made))
        {
            _made[(s.Index, maxWords, frame)] = made = Make(s, maxWords, frame);
        }
        return made;
    }

    private Statement? Make(SentenceReading s, int maxWords, bool frame)
    {
        if (s.Clause is not { } c || c.IsNegated || s.Text.Contains('?', StringComparison.Ordinal) || s.Tokens[c.Subject.Start].Pos == Pos.EX
            || s.Tokens.Any(x => x.Lower is "also" or "too" or "either" or "likewise" or "similarly") || s.Text.StartsWith("As a result", StringComparison.Ordinal)
            || s.Tokens.Any(x => x.Pos == Pos.PRP && x.Lower is "i" or "we" or "you" or "me" or "us") || s.Tokens.Any(x => x.Text is "[" or "]"))
        {
            return null;
        }
        // "A site was chosen in Houston": a statement about some thing or other tests nothing.
        if (s.Tokens[c.Subject.Start].Lower is "a" or "an" or "some" or "many" or "several" or "most" or "one")
        {
            return null;
        }
        var w = new Wording(article, s) { Subject = Coreference.SubjectEntity(s, c) };
        // "At this time, …", "By the end of his life, …": a lead that sets the time is kept, or there is no statement.
        if (Leads.Of(w, c) is not { } kept)
        {
            return null;
        }
        var lead = kept.Length > 0 ? kept + " " : "";
        if (!w.ResolveAll(c.Subject.Start, c.Rest.End) || w.PointsOutside(c.Subject.Start, c.Subject.End) || w.PointsOutside(c.Verbs.Start, c.Rest.End)
            || ClauseQuestions.TruncatedClause(s, c))
        {
            return null;
        }
        var subject = w.Render(c.Subject.Start, c.Subject.End);
        var text = lead + (lead.Length > 0 ? Grammar.LowerFirst(s.Tokens, c.Subject.Start, subject) : subject) + " " + w.Render(c.Verbs.Start, c.Rest.End);
        text = char.ToUpperInvariant(text[0]) + text[1..].TrimEnd(',', ';', ':') + ".";
        var anchored = s.Mentions.Any(m => m.Entity is { Kind.IsKnown: true } && Text.ContainsWord(text, m.Text)) || s.Facts.Any(f => f.Kind == FactKind.Year && Text.ContainsWord(text, f.Answer));
        var framed = frame ? w.Framed(text, anchored) : (anchored && !w.NeedsFrame ? text : null);
        if (framed is null)
        {
            return null;
        }
        // "built by Trevithick in the United Kingdom and, on 21 February 1804": cut inside a second clause; and a
        // citation mark left in the text ("in 1873.:33") makes no statement.
        if (CutOrCited().IsMatch(framed))
        {
            return null;
        }
        var statement = new Statement(s, framed, w.Antecedent);
        return statement.Words <= maxWords && statement.Words >= 5 && Grammar.IsWellFormed(text.TrimEnd('.') + "?") ? statement : null;
    }

    /// <summary>The statement with one fact changed for a same-kind wrong one (another country, a nearby year,
    /// another figure), and what was changed; null when nothing in it can be changed safely.</summary>
    public (string Text, string Right, string Wrong)? Falsify(Statement statement)
    {
        var s = statement.Sentence;
        var seed = Distractors.Hash(statement.Text);
        // A year or a figure first: they change without touching grammar.
        // A year, or a name: "$2.2 billion" changed to "$1.9 billion" tests nothing worth knowing.
        // The year a study was published or a figure measured, changed, tests nothing worth knowing.
        var yearWorthAsking = s.Clause is { } c && Worth.YearAskable(s, c);
        foreach (var f in s.Facts.Where(f => f.Kind is FactKind.Year && yearWorthAsking).OrderBy(f => Distractors.Hash(f.Answer, seed)))
        {
            // "approaching 1500 °C" is a temperature, not a year.
            var next = s.Text[(f.AnswerStart + f.AnswerLength)..].TrimStart();
            if (next.StartsWith('°') || next.StartsWith('%') || UnitAfter().IsMatch(next))
            {
                continue;
            }
            // A converted measurement ("760 mm (2 ft 6 in)") changed in one place only would contradict itself; a
            // year of a range ("between 1232 and 1233") changed may leave the statement true.
            var around = s.Text[Math.Max(0, f.AnswerStart - 9)..Math.Min(s.Text.Length, f.AnswerStart + f.AnswerLength + 6)].ToLowerInvariant();
            if (Text.CountWord(statement.Text, f.Answer) != 1 || InBrackets(s.Text, f.AnswerStart) || s.Text.Contains('(', StringComparison.Ordinal) && f.Kind != FactKind.Year
                || around.Contains("between", StringComparison.Ordinal) || around.Contains("from", StringComparison.Ordinal) || RangeAround().IsMatch(around))
            {
                continue;
            }
            var wrong = _numbers.For(f, 1, Distractors.Hash(s.Text + f.Answer));
            if (wrong.Count == 1)
            {
                return (Swap(statement.Text, f.Answer, wrong[0]), f.Answer, wrong[0]);
            }
        }
        // A name changed for another makes a statement that may well be true elsewhere ("Canada imposed price
        // controls"): only the doer of an event that has one ("Gutenberg invented …", "NASA launched …").
        var oneDoer = s.Clause is { } clause && Worth.Year(s.Tokens[clause.MainVerb]) > 1 && !clause.IsCopula;
        foreach (var m in s.Mentions.Where(m => oneDoer && m.Entity is { Kind.IsKnown: true } e && e.Kind.Category is EntityCategory.Person or EntityCategory.Organisation && e != article.Topic
            && s.Clause!.Subject.Contains(m.Span.Start)))
        {
            var e = m.Entity!;
            // The name as the statement shows it: written out in full, or as the sentence had it.
            var shown = e.Aliases.Where(a => Text.CountWord(statement.Text, a) == 1 && (a == m.Text || a == e.Name)).OrderByDescending(a => a.Length).FirstOrDefault();
            // One of "Ford, Toyota and Holden" swapped reads as a list gone wrong; "EU institutions" with another
            // name before "institutions" reads as nonsense.
            if (shown is null || InList(s, m) || m.Possessive || (m.Span.End < s.Tokens.Count && s.Tokens[m.Span.End].IsNoun))
            {
                continue;
            }
            var wrong = _entities.For(e, s, statement.Text, 1);
            // "the Soviet Union's response to the Soviets": the new name must not be in the statement already; and
            // a name must be swapped whole ("Barack Obama" → "Barack Kibaki" reads as made up).
            var at = Text.IndexOfWord(statement.Text, shown);
            var before = statement.Text[..at].TrimEnd().Split(' ').LastOrDefault() ?? "";
            var after = statement.Text[(at + shown.Length)..].TrimStart().Split(' ').FirstOrDefault() ?? "";
            var glued = before.Length > 0 && char.IsUpper(before[0]) && !Lexicon.StopWords.Contains(before) && !before.EndsWith(',')
                || after.Length > 0 && (char.IsUpper(after[0]) || after.StartsWith('('));
            // "East African" is an adjective, not a place that can stand where a place stood.
            var adjective = Gazetteer.PlaceOf(wrong.Count == 1 ? wrong[0].Split(' ')[^1] : "") is not null;
            if (wrong.Count == 1 && !glued && !adjective && !Text.Words(wrong[0]).Where(x => x.Length > 3).Any(x => Text.ContainsWord(statement.Text, x))
                && !Gazetteer.AdjectivesOf(wrong[0]).Any(a => Text.ContainsWord(statement.Text, a)))
            {
                return (Swap(statement.Text, shown, wrong[0]), shown, wrong[0]);
            }
        }
        return null;
    }

    private static bool InBrackets(string text, int offset) => text[..offset].Count(c => c == '(') > text[..offset].Count(c => c == ')');

    private static bool InList(SentenceReading s, Entities.Mention m)
    {
        var t = s.Tokens;
        bool Joiner(int i) => i >= 0 && i < t.Count && (t[i].Text == "," || t[i].Lower is "and" or "or");
        return Joiner(m.Span.Start - 1) || Joiner(m.Span.End);
    }

    private static string Swap(string text, string right, string wrong)
    {
        var at = Text.IndexOfWord(text, right);
        var before = text[..at];
        var hadThe = before.EndsWith("the ", StringComparison.OrdinalIgnoreCase);
        // "Saudi Arabia and Iran" → "The United States and Iran"; "the UK" → "Japan".
        if (Grammar.TakesThe(wrong) && !hadThe)
        {
            wrong = (at == 0 ? "The " : "the ") + wrong;
        }
        else if (hadThe && !Grammar.TakesThe(wrong) && char.IsUpper(wrong[0]))
        {
            before = before[..^4];
            if (before.Length == 0)
            {
                wrong = char.ToUpperInvariant(wrong[0]) + wrong[1..];
            }
        }
        return string.Concat(before, wrong, text.AsSpan(at + right.Length));
    }

    [GeneratedRegex(@"\b(and|or|but),|[.:]\.$")]
    private static partial Regex CutOrCited();

    [GeneratedRegex(@"^(km|kg|m|mm|ft|feet|metres|meters|miles|tons|tonnes|people|years)\b")]
    private static partial Regex UnitAfter();

    [GeneratedRegex(@"\d\s*(and|to|–|-)\s*\d|(and|to|–|-)\s*$")]
    private static partial Regex RangeAround();
}
