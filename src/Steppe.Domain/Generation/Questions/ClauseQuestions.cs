using Steppe.Domain.Generation.Entities;
using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>Wh-questions written from a sentence's main clause. About the subject, the words stay in order
/// ("Fust sued Gutenberg …" → "Who sued Gutenberg …?"); about a year, a place or an object, the auxiliary moves
/// before the subject, with "did" and the verb's base form when there is none ("In which year did Fust sue
/// Gutenberg …?", "To which city did Tesla move …?", "How many professors does … employ?").</summary>
internal sealed partial class ClauseQuestions(ArticleReading article, Answers answers, Tally tally)
{
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
        // "Who administered parts of the Mongol Empire?": many did.
        if (c.Rest.Length > 1 && s.Tokens[c.Rest.Start].Lower is "parts" or "part" or "some" or "many" or "several" or "areas" or "much")
        {
            return No("a description several things fit");
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
        if (Leads.Of(w, c) is not { } lead)
        {
            return No("a time or place the question would need but cannot keep");
        }
        // "The Alps are part of …" → "Which mountain ranges are part of …?"
        var plural = s.Tokens[c.Verbs.Start].Lower is "are" or "were" or "have" || s.Tokens[c.MainVerb].Pos == Pos.VBP;
        var wh = plural && entity.Kind.Category != EntityCategory.Person ? "which " + Grammar.Plural(entity.Kind.Noun) : entity.Kind.Wh;
        var prompt = Grammar.AsQuestion(Join(lead, wh, body));
        return Finish(prompt, s, w, entity, c.Verbs.Start, Form.Who);
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
        var lead = c.Lead is { } l && !l.Overlaps(target) ? Leads.Of(w, c) : "";
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
            if (article.TopicName is { } topicName && Text.ContainsWord(topicName, year.Answer) || !Worth.YearAskable(s, c))
            {
                return No("a year not worth asking (in the title, or of a statistic)");
            }
            prompt = framed;
            // The year of a founding or an invention is worth knowing by heart: one in three such is typed.
            var typed = Worth.Year(t[c.MainVerb]) > 1 && Distractors.Hash(prompt) % 3 == 0;
            return answers.ForYear(prompt, year, explanation, typed) is { } made
                ? new Draft(made.Question, s, Form.Year, Key(year), made.Quality * 0.9 * Worth.Year(t[c.MainVerb])) { Antecedent = w.Antecedent }
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
                ? new Draft(made.Question, s, Form.HowMany, Key(figure), made.Quality * Worth.Figure(figure)) { Antecedent = w.Antecedent }
                : No("no wrong answers of the answer's kind");
        }
        return Finish(prompt, s, w, answerEntity!, c.Verbs.Start, Form.Which);
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
        // "George Sylvester Viereck, a poet, writer, mystic, and later, a propagandist": an appositive that is a
        // list goes whole, to the end of the rest, or the question keeps half of it ("befriend writer, mystic").
        if (k + 1 < end && s.Tokens[k].Text == "," && s.Tokens[target.End + 1].Pos == Pos.DT && (s.Tokens[k + 1].IsNoun || s.Tokens[k + 1].IsAdjective)
            && !Enumerable.Range(k, end - k).Any(i => s.Tokens[i].IsFiniteVerb))
        {
            return new TokenSpan(target.Start, end);
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

    private static string Join(params string[] parts) => string.Join(' ', parts.Where(p => p.Length > 0));

    private bool Askable(Entity e) => e.Kind.IsKnown && e != article.Topic && e.Kind != EntityTyper.Nationality && e.Kind != EntityTyper.People
        && !(e.Kind.Category == EntityCategory.Person && e.IsGroup);

    private static bool Fits(string prompt) =>
        prompt.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is >= 5 and <= Checks.MaxPromptWords && Grammar.IsWellFormed(prompt) && !prompt.Contains("()", StringComparison.Ordinal);

    private static bool Giveaway(string prompt, string answer) => Text.ContainsWord(prompt, answer);

    private static int ContentWords(string prompt) => Text.Words(prompt).Count(word => !Lexicon.StopWords.Contains(word) && word.Length > 2);

    private static string Explain(SentenceReading s, Wording w) =>
        w.Antecedent is { } a ? $"The article says: “{a.Text} {s.Text}”" : $"The article says: “{s.Text}”";

    internal static int TokenAt(SentenceReading s, int offset) => s.Tokens.Select((x, i) => (x, i)).First(p => p.x.Token.End > offset).i;

    private static string Key(Fact f) => $"fact|{f.Sentence.Index}|{f.AnswerStart}";
}
