using Steppe.Domain.Generation.Entities;
using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>Wh-questions written from a sentence's main clause. About the subject, the words stay in order
/// ("Fust sued Gutenberg …" → "Who sued Gutenberg …?"); about a year, a place or an object, the auxiliary moves
/// before the subject, with "did" and the verb's base form when there is none ("In which year did Fust sue
/// Gutenberg …?", "To which city did Tesla move …?", "How many professors does … employ?").</summary>
internal sealed class ClauseQuestions(ArticleReading article, Answers answers, Tally tally)
{
    private const int MaxWords = 25;

    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.OrdinalIgnoreCase) { "in", "to", "from", "at", "into", "near", "across", "through", "towards", "toward", "on" };
    private static readonly HashSet<string> AgentPrepositions = new(StringComparer.OrdinalIgnoreCase) { "by", "with", "for", "against", "under" };
    private static readonly HashSet<string> YearPrepositions = new(StringComparer.OrdinalIgnoreCase) { "in", "by", "since", "until", "till" };

    /// <summary>Openers that make a sentence the effect of the one before: its question would lose the cause.</summary>
    private static readonly string[] CausalOpeners = ["as a result", "consequently", "therefore", "thus", "hence", "so", "because of this", "for this reason", "as such", "accordingly", "in response"];

    public IEnumerable<Draft> Write(SentenceReading s)
    {
        if (CausalOpeners.Any(o => s.Text.StartsWith(o + ",", StringComparison.OrdinalIgnoreCase) || s.Text.StartsWith(o + " ", StringComparison.OrdinalIgnoreCase) && o.Contains(' ', StringComparison.Ordinal)))
        {
            tally.Drop("the sentence says what followed from the one before");
            yield break;
        }
        if (s.Clause is not { } c || c.IsNegated || s.Sentence.WordCount > 50 || s.Text.Contains('?', StringComparison.Ordinal) || s.Tokens[c.Subject.Start].Pos == Pos.EX
            || s.Tokens.Any(x => x.Pos == Pos.PRP && x.Lower is "i" or "we" or "you" or "me" or "us") || s.Tokens.Any(x => x.Lower is "my" or "our" or "your"))
        {
            tally.Drop(s.Clause is null ? "sentence not read as a clause" : "negative, first-person or question sentence");
            yield break;
        }
        foreach (var clause in s.Clauses)
        {
            if (clause.IsNegated)
            {
                continue;
            }
            if (Subject(s, clause) is { } subject)
            {
                yield return subject;
            }
            foreach (var d in Inverted(s, clause))
            {
                yield return d;
            }
        }
    }

    // ---- about the subject: the words keep their order ----

    private Draft? Subject(SentenceReading s, Clause c)
    {
        var w = new Wording(article, s);
        Entity? entity;
        var subjectToken = s.Tokens[c.Subject.Start];
        if (c.Subject.Length == 1 && subjectToken.Pos == Pos.PRP)
        {
            if (Coreference.Resolve(article, s, subjectToken.Text) is not { } found)
            {
                return No("a pronoun whose name is unclear");
            }
            entity = found.Entity;
            w.Resolve(c.Subject.Start);
            w.Subject = entity;
        }
        else
        {
            entity = Coreference.SubjectEntity(s, c);
            w.Subject = entity;
        }
        if (entity is null)
        {
            return HowManySubject(s, c, w);
        }
        if (!Askable(entity) || entity.Kind.Noun == "language")
        {
            return null;
        }
        if (c.IsCopula && c.Rest.Length > 0 && s.Tokens[c.Rest.Start].Lower is "a" or "an" or "one")
        {
            return No("a description several things fit"); // "Which country had been an ally of Israel?"
        }
        var body = Body(w, c.Verbs.Start, c);
        if (body is null)
        {
            return No("words that point outside the question");
        }
        if (c.Rest.Length < 2)
        {
            return No("says too little"); // "Which court refused?"
        }
        if (Lead(w, c) is not { } lead)
        {
            return No("a time or place the question would need but cannot keep");
        }
        // "The Alps are part of …" → "Which mountain ranges are part of …?"
        var plural = s.Tokens[c.Verbs.Start].Lower is "are" or "were" or "have" || s.Tokens[c.MainVerb].Pos == Pos.VBP;
        var wh = plural && entity.Kind.Category != EntityCategory.Person ? "which " + Grammar.Plural(entity.Kind.Noun) : entity.Kind.Wh;
        var prompt = Grammar.AsQuestion(Join(lead, wh, body));
        return Finish(prompt, s, w, entity, c.Verbs.Start, Form.Who);
    }

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
        if (Lead(w, c) is not { } howManyLead)
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
            ? new Draft(made.Question, s, Form.HowMany, Key(figure), made.Quality * Worth(figure)) { Antecedent = w.Antecedent }
            : null;
    }

    // ---- about a year, a place, an agent or an object: the auxiliary moves ----

    private IEnumerable<Draft> Inverted(SentenceReading s, Clause c)
    {
        var t = s.Tokens;
        // A year in the lead: "In 1455 his partner … sued him …".
        if (c.Lead is { } lead && s.Facts.FirstOrDefault(f => f.Kind == FactKind.Year && lead.Contains(TokenAt(s, f.AnswerStart))) is { } leadYear
            && lead.Length <= 4)
        {
            var leadPrep = t[lead.Start].Lower is "by" or "since" or "until" or "before" or "after" ? t[lead.Start].Lower : "in";
            if (Invert(s, c, lead, $"{leadPrep} which year", null, leadYear) is { } d)
            {
                yield return d;
            }
        }
        // Only phrases that belong to the verb: before any word that opens another clause, and for a name
        // at most one other phrase after the verb ("moved to Budapest in 1881"; not "a visit … to the Center").
        var prepositionsBefore = 0;
        for (var i = c.Rest.Start; i < c.Rest.End - 1; i++)
        {
            var prep = t[i];
            if (t[i].Text is "," or ";" or "(" || t[i].Lower is "that" or "which" or "who" or "whom" or "where" or "when" or "whether" or "while")
            {
                break;
            }
            if (prep.Pos != Pos.IN && prep.Pos != Pos.TO)
            {
                continue;
            }
            prepositionsBefore++;
            var j = i + 1;
            // "in 1816", "in March 1920"
            // "a constitution enacted in 1975": the year belongs to the participle, not to the clause's verb.
            var afterParticiple = i > c.Rest.Start && t[i - 1].Pos is Pos.VBN or Pos.JJ;
            if (prepositionsBefore <= 3 && !afterParticiple && YearPrepositions.Contains(prep.Text) && s.Facts.FirstOrDefault(f => f.Kind == FactKind.Year && (TokenAt(s, f.AnswerStart) == j || (TokenAt(s, f.AnswerStart) == j + 1 && Lexicon.Months.Contains(t[j].Text)))) is { } year)
            {
                var end = TokenAt(s, year.AnswerStart) + 1;
                if (Invert(s, c, new TokenSpan(i, end), $"{prep.Lower} which year", null, year) is { } d)
                {
                    yield return d;
                }
                continue;
            }
            if (t[j].Lower == "the")
            {
                j++;
            }
            var mention = s.Mentions.FirstOrDefault(m => m.Span.Start == j && !m.Possessive);
            if (mention?.Entity is not { } e || !Askable(e) || (mention.Span.End < t.Count && t[mention.Span.End].IsNoun))
            {
                continue;
            }
            var verbFollows = mention.Span.End + 1 < t.Count && t[mention.Span.End].Text == "," && t[mention.Span.End + 1].IsVerb;
            // "Kenya is a country in Africa" → "In which continent is Kenya a country?" reads badly.
            if (c.IsCopula && t[c.Rest.Start].Lower is "a" or "an")
            {
                continue;
            }
            if (Coordinated(s, mention.Span) || InsideBrackets(s, i) || verbFollows || prepositionsBefore > 2 || (prepositionsBefore == 2 && !PreviousPhraseIsDate(s, i)))
            {
                continue;
            }
            var person = e.Kind.Category == EntityCategory.Person;
            if (person && !AgentPrepositions.Contains(prep.Text) || !person && !PlacePrepositions.Contains(prep.Text) && !AgentPrepositions.Contains(prep.Text))
            {
                continue;
            }
            // "by" names the doer only in a passive ("was founded by"); "with" only straight after the verb.
            if ((prep.Lower == "by" && !c.IsPassive) || (prep.Lower is "with" or "for" or "against" or "under" && i != c.Rest.Start))
            {
                continue;
            }
            var wh = person ? $"{prep.Lower} whom" : $"{prep.Lower} which {e.Kind.Noun}";
            if (Invert(s, c, WithAppositive(s, new TokenSpan(i, mention.Span.End), c.Rest.End), wh, e, null) is { } d2)
            {
                yield return d2;
            }
        }
        if (FigureQuestion(s, c) is { } figureQuestion)
        {
            yield return figureQuestion;
        }
        if (Complement(s, c) is { } complement)
        {
            yield return complement;
        }
        // A direct object right after the verb: "Fust sued Gutenberg" → "Whom did Fust sue …?"
        if (!c.IsCopula && !c.IsPassive && c.Rest.Length > 0)
        {
            var j = c.Rest.Start + (t[c.Rest.Start].Lower == "the" ? 1 : 0);
            if (s.Mentions.FirstOrDefault(m => m.Span.Start == j && !m.Possessive) is { Entity: { } obj } om && Askable(obj)
                && !(om.Span.End < t.Count && t[om.Span.End].IsNoun) && !Coordinated(s, om.Span))
            {
                var wh = obj.Kind.Category == EntityCategory.Person ? "whom" : "which " + obj.Kind.Noun;
                if (Invert(s, c, WithAppositive(s, new TokenSpan(c.Rest.Start, om.Span.End), c.Rest.End), wh, obj, null) is { } d)
                {
                    yield return d;
                }
            }
        }
    }

    /// <summary>Writes "[lead,] WH AUX SUBJECT VERB REST?" with <paramref name="target"/> left out of the rest.</summary>
    private Draft? Invert(SentenceReading s, Clause c, TokenSpan target, string wh, Entity? answerEntity, Fact? year, Fact? figure = null)
    {
        var t = s.Tokens;
        var w = new Wording(article, s) { Subject = Coreference.SubjectEntity(s, c) };
        if (!w.ResolveAll(c.Subject.Start, c.Subject.End) || Enumerable.Range(c.Subject.Start, c.Subject.Length).Any(k => t[k].Text is "," or "(" or ";"))
        {
            return No("a subject that cannot be moved whole");
        }
        var aux = c.Auxiliary;
        string auxText;
        string verbs;
        if (aux >= 0)
        {
            auxText = t[aux].Lower;
            verbs = aux == c.MainVerb ? "" : w.Render(c.Verbs.Start, c.Verbs.End, new TokenSpan(aux, aux + 1));
        }
        else
        {
            var main = t[c.MainVerb];
            if (main.Pos is not (Pos.VBD or Pos.VBZ or Pos.VBP) || Morphology.VerbLemma(main.Text) is not { } lemma)
            {
                return No("a verb whose base form is unknown");
            }
            // "do" for a plural present, "does" when the subject's head is singular whatever the tag said.
            var singular = t[c.Subject.End - 1].Pos is Pos.NN or Pos.NNP || t[c.Subject.End - 1].Lower is "he" or "she" or "it";
            auxText = main.Pos == Pos.VBP && singular ? "does" : Grammar.DoFor(main.Pos);
            var adverbs = w.Render(c.Verbs.Start, c.MainVerb);
            verbs = (adverbs.Length > 0 ? adverbs + " " : "") + lemma;
        }
        // Checked before anything is written: the checks also name what "the company" is.
        if (!w.ResolveAll(c.Rest.Start, c.Rest.End) || w.PointsOutside(c.Subject.Start, c.Subject.End) || w.PointsOutside(c.Rest.Start, c.Rest.End, target))
        {
            return No("words that point outside the question");
        }
        var subjectText = w.Render(c.Subject.Start, c.Subject.End);
        var subject = w.IsReplaced(c.Subject.Start) ? subjectText : Grammar.LowerFirst(t, c.Subject.Start, subjectText);
        if (TruncatedClause(s, c))
        {
            return No("a clause that would be cut short");
        }
        if (aux < 0)
        {
            // "did … build Mombasa into a port and establish trade links": every verb joined to the main one
            // takes the base form too.
            for (var k = c.Rest.Start; k + 1 < c.Rest.End; k++)
            {
                if (t[k].Lower is "and" or "or" && t[k + 1].Pos is Pos.VBD or Pos.VBN && t[k + 1].Lower.EndsWith("ed", StringComparison.Ordinal) || t[k].Lower is "and" or "or" && t[k + 1].Pos == Pos.VBD)
                {
                    if (Morphology.VerbLemma(t[k + 1].Text) is not { } second)
                    {
                        return No("a verb whose base form is unknown");
                    }
                    w.Replace(k + 1, second);
                }
            }
        }
        var rest = w.Render(c.Rest.Start, c.Rest.End, target).Trim().Trim(',').Trim();
        var lead = c.Lead is { } l && !l.Overlaps(target) ? Lead(w, c) : "";
        if (lead is null)
        {
            return No("a time or place the question would need but cannot keep");
        }
        var prompt = Grammar.AsQuestion(Join(lead, wh, auxText, subject, verbs, rest));
        if (!Fits(prompt))
        {
            return No("too long for a phone, or not well formed");
        }
        var explanation = Explain(s, w);
        if (year is not null)
        {
            // "… in which year … compared to 13.5 in 1970?" asks two things at once.
            var framed = w.Framed(prompt, Wording.HasAnchor(prompt, s, null));
            if (framed is null || !Fits(framed) || Giveaway(framed, year.Answer) || s.Facts.Any(f => f.Kind is FactKind.Year or FactKind.Period && f != year && Text.ContainsWord(framed, f.Answer)))
            {
                return No("no name or date that says what is asked, or a second date");
            }
            // "In which year …" of the 1973 oil crisis: the title says; the year a figure was estimated: trivia.
            if (article.TopicName is { } topicName && Text.ContainsWord(topicName, year.Answer) || YearWorth(t[c.MainVerb]) < 0.6 || Statistical(s, c))
            {
                return No("a year not worth asking (in the title, or of a statistic)");
            }
            prompt = framed;
            // The year of a founding or an invention is worth knowing by heart: one in three such is typed.
            var typed = YearWorth(t[c.MainVerb]) > 1 && Distractors.Hash(prompt) % 3 == 0;
            return answers.ForYear(prompt, year, explanation, typed) is { } made
                ? new Draft(made.Question, s, Form.Year, Key(year), made.Quality * 0.9 * YearWorth(t[c.MainVerb])) { Antecedent = w.Antecedent }
                : No("no wrong answers of the answer's kind");
        }
        if (figure is not null)
        {
            var framed = w.Framed(prompt, Wording.HasAnchor(prompt, s, null));
            if (framed is null || !Fits(framed))
            {
                return No("no name or date that says what is asked, or a second date");
            }
            return answers.ForFigure(framed, figure, figure.Unit, explanation, preferTyped: false) is { } made
                ? new Draft(made.Question, s, Form.HowMany, Key(figure), made.Quality * Worth(figure)) { Antecedent = w.Antecedent }
                : No("no wrong answers of the answer's kind");
        }
        return Finish(prompt, s, w, answerEntity!, c.Verbs.Start, Form.Which);
    }

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
        if (t[start].Lower is "to" && t.Count > start + 1 && t[start + 1].Lower == "as")
        {
            start += 2;
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
            while (end < c.Rest.End && t[end].Lower == "of")
            {
                var k = end + 1;
                while (k < c.Rest.End && (t[k].Pos is Pos.DT or Pos.JJ or Pos.NN or Pos.NNS or Pos.NNP or Pos.NNPS or Pos.PRPS || t[k].Text is "’s" or "'s"))
                {
                    k++;
                }
                counted += " " + new Wording(article, s).Render(end, k);
                end = k;
            }
            // "… 3 million tonnes of wheat and 2 million tonnes of barley", "44 members elected to …", "80% of the
            // population who visit …": the figure is one of two, or described further on; not asked alone.
            if (end < c.Rest.End && (t[end].Lower is "and" or "or" or "who" or "which" or "that" || t[end].Text == "," && end + 1 < c.Rest.End && t[end + 1].Pos == Pos.CD || t[end].Pos is Pos.VBN or Pos.VBG))
            {
                continue;
            }
            if (new Wording(article, s).PointsOutside(first, end))
            {
                continue; // "of the nation's residents": which nation?
            }
            var what = f.Kind switch { FactKind.Percent => "what percentage", FactKind.Amount => "how much" + measured, _ => "how many" };
            var wh = (prep is null ? "" : prep + " ") + what + counted;
            return Invert(s, c, new TokenSpan(from, end), wh, null, null, f);
        }
        return null;
    }

    // ---- pieces ----

    private Draft? No(string reason)
    {
        tally.Drop(reason);
        return null;
    }

    private Draft? Finish(string prompt, SentenceReading s, Wording w, Entity answer, int from, Form form)
    {
        if (!Fits(prompt))
        {
            return No("too long for a phone, or not well formed");
        }
        if (answer.IsNamedIn(prompt))
        {
            return No("the answer or its adjective is in the question");
        }
        // "In which country …?" in an article titled "Victoria (Australia)": the title answers it.
        if (article.Article.Title is { } title && answer.IsNamedIn(title))
        {
            return No("the article's title gives the answer");
        }
        if (w.Framed(prompt, Wording.HasAnchor(prompt, s, answer)) is not { } framed || !Fits(framed) || answer.IsNamedIn(framed))
        {
            return No("no name or date that says what is asked, or a second date");
        }
        prompt = framed;
        var made = answers.ForEntity(prompt, answer, s, Explain(s, w));
        if (made is null)
        {
            return No("no wrong answers of the answer's kind");
        }
        var formKind = answer.Kind.Category == EntityCategory.Person ? Form.Who : form;
        // One question per fact: the same person may be asked about in two facts ("the first president", "born in Gatundu").
        return new Draft(made.Value.Question, s, formKind, $"entity|{answer.Name}|{s.Index}|{from}", made.Value.Quality * (0.8 + 0.2 * article.Salience(answer)))
        {
            Antecedent = w.Antecedent, AnswerEntity = answer,
        };
    }

    /// <summary>The verb group and the rest of the main clause, pronouns named; null when something still points outside.</summary>
    private static string? Body(Wording w, int from, Clause c)
    {
        if (!w.ResolveAll(from, c.Rest.End) || w.PointsOutside(from, c.Rest.End) || TruncatedClause(w.Sentence, c))
        {
            return null;
        }
        return w.Render(from, c.Rest.End);
    }

    /// <summary>A lead worth keeping ("In 1455,", "During the war,"), or nothing when it points outside.</summary>
    /// <summary>The lead to keep: "" when there is none or it only links ("However,"); null when it sets the time
    /// or place the question needs ("At the time of his death, …") but cannot be kept, so that no question is
    /// asked without it.</summary>
    private static string? Lead(Wording w, Clause c)
    {
        if (c.Lead is not { } lead || w.Sentence.Tokens[lead.Start].Pos is Pos.RB && lead.Length <= 2)
        {
            return "";
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
        var text = w.Render(lead.Start, lead.End).Trim().TrimEnd(',');
        return text.Split(' ').Length > 10 ? null : text + ",";
    }

    /// <summary>A target with the aside that describes it: "the Treaty of Rome, also known as the EC Treaty".</summary>
    private static TokenSpan WithAppositive(SentenceReading s, TokenSpan target, int end)
    {
        if (target.End >= end || s.Tokens[target.End].Text != ",")
        {
            return target;
        }
        var k = target.End + 1;
        while (k < end && s.Tokens[k].Text != "," && !s.Tokens[k].IsFiniteVerb)
        {
            k++;
        }
        return k >= end || s.Tokens[k].Text == "," ? new TokenSpan(target.Start, k) : target;
    }

    /// <summary>"estimated that up to 30% of girls in …": a clause after "that" cut short where the main clause's words end.</summary>
    internal static bool TruncatedClause(SentenceReading s, Clause c) =>
        c.Rest != c.FullRest && Enumerable.Range(c.Rest.Start, c.Rest.Length).Any(k => s.Tokens[k].Lower is "that" or "whether" or "how" or "what" && s.Tokens[k].Pos is Pos.IN or Pos.WDT or Pos.WRB or Pos.WP);

    /// <summary>Whether the phrase before token <paramref name="i"/> is a date ("in 1881 to Budapest"), which does not bind what follows.</summary>
    private static bool PreviousPhraseIsDate(SentenceReading s, int i) => i >= 2 && s.Tokens[i - 1].Pos == Pos.CD && Grammar.IsYearLike(s.Tokens[i - 1].Text);

    /// <summary>"Mary Leakey and Louis Leakey": one of two joined names is not the answer alone.</summary>
    private static bool Coordinated(SentenceReading s, TokenSpan span) =>
        (span.End + 1 < s.Tokens.Count && s.Tokens[span.End].Lower is "and" or "or" or "&" && s.Tokens[span.End + 1].IsProper)
        || (span.End < s.Tokens.Count && s.Tokens[span.End].Text == "," && span.End + 1 < s.Tokens.Count && s.Tokens[span.End + 1].IsProper)
        || (span.Start >= 2 && s.Tokens[span.Start - 1].Lower is "and" or "or" && s.Tokens[span.Start - 2].IsProper);

    private static bool InsideBrackets(SentenceReading s, int i)
    {
        var open = s.Tokens.Take(i).Count(x => x.Text == "(") - s.Tokens.Take(i).Count(x => x.Text == ")");
        return open > 0;
    }

    private static readonly string[] ConnectiveLeads = ["as a result", "in addition", "however", "thus", "therefore", "consequently", "for example", "for instance", "as an example", "in turn", "in contrast", "instead", "meanwhile", "despite", "in response", "unlike", "like", "as with", "in spite of", "by contrast", "so", "also", "moreover", "furthermore"];

    private static string Join(params string[] parts) => string.Join(' ', parts.Where(p => p.Length > 0));

    private bool Askable(Entity e) => e.Kind.IsKnown && e != article.Topic && e.Kind != EntityTyper.Nationality && e.Kind != EntityTyper.People;

    private static bool Fits(string prompt) =>
        prompt.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is >= 5 and <= MaxWords && Grammar.IsWellFormed(prompt) && !prompt.Contains("()", StringComparison.Ordinal);

    private static bool Giveaway(string prompt, string answer) => Text.ContainsWord(prompt, answer);

    private static int ContentWords(string prompt) => Text.Words(prompt).Count(word => !Lexicon.StopWords.Contains(word) && word.Length > 2);

    private static string Explain(SentenceReading s, Wording w) =>
        w.Antecedent is { } a ? $"The article says: “{a.Text} {s.Text}”" : $"The article says: “{s.Text}”";

    private static int TokenAt(SentenceReading s, int offset) => s.Tokens.Select((x, i) => (x, i)).First(p => p.x.Token.End > offset).i;

    private static string Key(Fact f) => $"fact|{f.Sentence.Index}|{f.AnswerStart}";

    private static readonly HashSet<string> EventVerbs = new(StringComparer.Ordinal)
    {
        "found", "establish", "bear", "die", "marry", "invent", "discover", "sign", "open", "launch", "win", "build", "create", "publish", "elect",
        "begin", "start", "end", "join", "introduce", "abolish", "declare", "adopt", "complete", "destroy", "release", "patent", "conquer",
        "invade", "defeat", "capture", "form", "move", "leave", "arrive", "return", "appoint", "name", "award", "receive", "sue", "attack",
        "ratify", "enact", "pass", "obtain", "gain", "achieve", "land", "fly", "crown", "succeed", "merge", "close", "demonstrate",
    };

    private static readonly HashSet<string> StatisticVerbs = new(StringComparer.Ordinal)
    {
        "estimate", "report", "have", "reach", "account", "record", "produce", "number", "count", "employ", "total", "rank", "rise", "fall",
        "increase", "decrease", "grow", "decline", "show", "find", "suggest", "survey", "exceed", "be", "publish", "issue", "state", "note",
        "become", "available", "continue", "remain", "aim", "plan", "expect", "intend", "hope", "propose", "predict", "forecast",
    };

    /// <summary>How much the year of what a verb tells is worth learning: when a thing was founded, invented or
    /// signed, more than the year a figure was estimated.</summary>
    private static double YearWorth(TaggedToken verb) =>
        Morphology.VerbLemma(verb.Text) is { } lemma ? EventVerbs.Contains(lemma) ? 1.1 : StatisticVerbs.Contains(lemma) ? 0.55 : 0.85 : 0.85;

    private static readonly HashSet<string> StatisticNouns = new(StringComparer.Ordinal)
    {
        "study", "report", "survey", "estimate", "statistic", "figure", "evidence", "census", "poll", "index", "ranking", "data", "rate", "campaign",
        "advertisement", "advert", "commercial", "record", "milestone", "subscriber", "percentage", "share", "total",
    };

    /// <summary>Whether a clause tells a figure or a report rather than an event: the year it was measured or
    /// published is trivia ("In which year did Credit Suisse publish a study …").</summary>
    private static bool Statistical(SentenceReading s, Clause c) =>
        s.Facts.Any(f => f.IsNumeric && c.Rest.Contains(TokenAt(s, f.AnswerStart)))
        || Enumerable.Range(c.Subject.Start, c.Rest.End - c.Subject.Start).Any(k => s.Tokens[k].IsNoun && StatisticNouns.Contains(Morphology.Singular(s.Tokens[k].Text)));

    /// <summary>How much a figure is worth learning: round figures more than exact counts ("1,178,914").</summary>
    private static double Worth(Fact f)
    {
        var digits = f.Answer.Count(char.IsDigit) - f.Answer.Reverse().TakeWhile(ch => ch is '0' or ',').Count(char.IsDigit);
        return digits >= 4 ? 0.6 : digits == 3 ? 0.85 : 1.0;
    }
}
