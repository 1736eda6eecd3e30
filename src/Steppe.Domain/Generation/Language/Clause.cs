namespace Steppe.Domain.Generation.Language;

/// <summary>A sentence's main clause, found from its tags: an optional lead ("In 1455,", "However,"), the
/// subject, the verb group (auxiliaries, adverbs and the main verb) and the rest up to the first trailing
/// clause. Spans are token ranges [Start, End). A sentence this cannot read has no clause, and only questions
/// that keep its words whole are made from it.</summary>
internal sealed record Clause(
    IReadOnlyList<TaggedToken> Tokens, TokenSpan? Lead, TokenSpan Subject, TokenSpan Verbs, int MainVerb, TokenSpan Rest, TokenSpan FullRest)
{
    /// <summary>The first auxiliary (be, have, do or a modal) that a question moves before the subject, or -1.</summary>
    public int Auxiliary
    {
        get
        {
            for (var i = Verbs.Start; i < MainVerb; i++)
            {
                if (Tokens[i].Pos == Pos.MD || Grammar.BeForms.Contains(Tokens[i].Text) || Grammar.HaveForms.Contains(Tokens[i].Text) || Grammar.DoForms.Contains(Tokens[i].Text))
                {
                    return i;
                }
            }
            // A lone "is"/"was"/"has (got)" is its own auxiliary: "Warsaw is …" → "Is Warsaw …".
            return Grammar.BeForms.Contains(Tokens[MainVerb].Text) ? MainVerb : -1;
        }
    }

    public bool IsNegated => Enumerable.Range(Verbs.Start, Math.Min(Verbs.Length + 1, Tokens.Count - Verbs.Start)).Any(i => Tokens[i].Lower is "not" or "n't" or "never" or "no");

    public bool IsCopula => Grammar.BeForms.Contains(Tokens[MainVerb].Text);

    public bool IsPassive => Tokens[MainVerb].Pos == Pos.VBN && Enumerable.Range(Verbs.Start, MainVerb - Verbs.Start).Any(i => Grammar.BeForms.Contains(Tokens[i].Text));

    public string Text(TokenSpan span) => Grammar.Join(Tokens, span.Start, span.End);
}

/// <summary>Tokens [Start, End) of a sentence.</summary>
internal readonly record struct TokenSpan(int Start, int End)
{
    public int Length => End - Start;
    public bool Contains(int i) => i >= Start && i < End;
    public bool Overlaps(TokenSpan other) => Start < other.End && other.Start < End;
}

/// <summary>Finds the main clause of a tagged sentence.</summary>
internal static class ClauseReader
{
    /// <summary>Openers that only link to the sentence before; a question drops them.</summary>
    private static readonly string[] Connectives =
    [
        "however", "moreover", "furthermore", "also", "additionally", "in addition", "thus", "therefore", "hence", "consequently",
        "as a result", "for example", "for instance", "indeed", "in fact", "first", "second", "third", "fourth", "finally", "lastly",
        "meanwhile", "nevertheless", "nonetheless", "instead", "similarly", "likewise", "in contrast", "on the other hand", "still",
        "later", "subsequently", "eventually", "ultimately", "in particular", "notably", "overall", "in turn", "at the same time",
        "accordingly", "besides", "otherwise", "then", "afterwards", "in total", "in all", "in general", "generally", "so", "thereafter",
        "shortly thereafter", "soon after", "shortly after", "today", "currently", "traditionally", "historically", "originally", "initially",
    ];

    public static Clause? Read(IReadOnlyList<TaggedToken> t) => Read(t, 0, t.Count);

    /// <summary>The main clause and the clauses a question can also be asked from: one joined by ", and",
    /// ", but" or ";" ("…, and Fust won the case"), and a relative clause on a name ("Stan Lebar, who led the team
    /// …, also worked …" gives "Stan Lebar led the team …").</summary>
    public static IReadOnlyList<Clause> ReadAll(IReadOnlyList<TaggedToken> t, IReadOnlyList<TokenSpan> names)
    {
        var clauses = new List<Clause>();
        if (Read(t) is not { } main)
        {
            return clauses;
        }
        clauses.Add(main);
        var end = main.FullRest.End;
        var k = main.Rest.End;
        if (k < end - 3 && t[k].Text is "," or ";")
        {
            var next = k + 1 < end && t[k + 1].Lower is "and" or "but" or "while" or "whereas" or "yet" ? k + 2 : t[k].Text == ";" ? k + 1 : -1;
            if (next > 0 && Read(t, next, end) is { } joined)
            {
                clauses.Add(joined);
            }
        }
        foreach (var name in names)
        {
            if (name.End + 2 < t.Count && t[name.End].Text == "," && t[name.End + 1].Lower is "who" or "which" && t[name.End + 2].IsFiniteVerb)
            {
                var close = name.End + 2;
                while (close < end && t[close].Text is not ("," or ";" or "(" or ")"))
                {
                    close++;
                }
                var (verbsEnd, mainVerb) = ReadVerbs(t, name.End + 2, close);
                // "who was shown to have a slight, positive effect": a clause cut at a comma mid-phrase is not whole.
                if (mainVerb >= 0 && verbsEnd < close && RestIsSound(t, verbsEnd, close) && t[close - 1].Pos is not (Pos.JJ or Pos.DT or Pos.IN or Pos.CC or Pos.TO or Pos.PRPS or Pos.RB))
                {
                    clauses.Add(new Clause(t, null, name, new TokenSpan(name.End + 2, verbsEnd), mainVerb, new TokenSpan(verbsEnd, close), new TokenSpan(verbsEnd, close)));
                }
            }
        }
        return clauses;
    }

    private static Clause? Read(IReadOnlyList<TaggedToken> t, int from, int to)
    {
        var end = to;
        while (end > from && t[end - 1].Pos == Pos.Punct && t[end - 1].Text is "." or "!" or "”" or "\"" or ")")
        {
            end--;
        }
        if (end - from < 3)
        {
            return null;
        }
        var start = SkipConnective(t, from);
        var (lead, subjectStart) = ReadLead(t, start, end);
        var found = ReadSubject(t, subjectStart, end);
        if (found is not { } subjectFound || subjectFound.Verb == subjectStart)
        {
            return null;
        }
        var (verbStart, subjectEnd) = subjectFound;
        // "Tesla later moved": the adverb goes with the verb, not lost between subject and verb.
        if (verbStart > subjectEnd && Enumerable.Range(subjectEnd, verbStart - subjectEnd).All(k => t[k].Pos is Pos.RB or Pos.RBR))
        {
            verbStart = subjectEnd;
        }
        var (verbsEnd, main) = ReadVerbs(t, subjectFound.Verb, end);
        if (main < 0)
        {
            return null;
        }
        // "the eve of the publication of IPCC's major report on climate": a singular noun with a plural present
        // verb is a noun misread as the verb, not a clause.
        if (t[subjectFound.Verb].Pos == Pos.VBP && t[subjectEnd - 1].Pos is Pos.NN or Pos.NNP
            && !Enumerable.Range(subjectStart, subjectEnd - subjectStart).Any(k => t[k].Lower is "and" or "or" or "," or "&"))
        {
            return null;
        }
        // "Genghis besieged, captured, and sacked …": a list of verbs is not one clause a question can turn.
        if (!RestIsSound(t, verbsEnd, end) || (verbsEnd < end && (t[verbsEnd].Text == "," && verbsEnd + 1 < end && t[verbsEnd + 1].IsVerb || t[verbsEnd].IsFiniteVerb)))
        {
            return null;
        }
        var restEnd = CoreEnd(t, verbsEnd, end);
        // "was shown to have a slight, positive effect": a cut after a word that needs more keeps the whole.
        if (restEnd < end && restEnd > verbsEnd && t[restEnd - 1].Pos is Pos.JJ or Pos.DT or Pos.IN or Pos.CC or Pos.TO or Pos.PRPS or Pos.VBG or Pos.JJR or Pos.RB)
        {
            restEnd = end;
        }
        // "restored the patents of Tesla, Oliver Lodge, and John Stone": a cut at ", and" after a comma of its own
        // would end the list short ("of Tesla, Oliver Lodge").
        if (restEnd + 1 < end && t[restEnd].Text == "," && t[restEnd + 1].Lower is "and" or "or"
            && Enumerable.Range(verbsEnd, restEnd - verbsEnd).Any(k => t[k].Text == "," && t[k - 1].Pos != Pos.CD))
        {
            restEnd = end;
        }
        var leadSpan = lead ?? (start > from ? new TokenSpan(from, start) : null);
        return new Clause(t, leadSpan, new TokenSpan(subjectStart, subjectEnd), new TokenSpan(verbStart, verbsEnd), main,
            new TokenSpan(verbsEnd, restEnd), new TokenSpan(verbsEnd, end));
    }

    private static int SkipConnective(IReadOnlyList<TaggedToken> t, int i)
    {
        foreach (var c in Connectives)
        {
            var words = c.Split(' ');
            if (i + words.Length < t.Count && words.Select((w, k) => string.Equals(t[i + k].Text, w, StringComparison.OrdinalIgnoreCase)).All(x => x)
                && t[i + words.Length].Text == ",")
            {
                return i + words.Length + 1;
            }
        }
        return i;
    }

    /// <summary>A leading adverbial: "In 1455", "In the 1880s", "On 4 July 1776", or any opening phrase up to a
    /// comma when a subject and a verb follow it ("After the war, …", "When Tesla arrived, …").</summary>
    private static (TokenSpan? Lead, int SubjectStart) ReadLead(IReadOnlyList<TaggedToken> t, int start, int end)
    {
        if (start >= end)
        {
            return (null, start);
        }
        var first = t[start];
        // "Three years later, …" opens like "Later, …".
        var timeCount = first.Pos == Pos.CD && start + 1 < end && t[start + 1].Lower is "years" or "months" or "weeks" or "days" or "decades" or "centuries";
        if (first.Pos is Pos.IN or Pos.RB or Pos.WRB or Pos.VBG or Pos.VBN or Pos.TO or Pos.JJ || timeCount || first.Lower is "during" or "after" or "before" or "following")
        {
            // A date phrase without a comma: In 1455 / In the 1880s / In March 1920 / By 1500.
            var k = start + 1;
            if (k < end && t[k].Lower == "the")
            {
                k++;
            }
            while (k < end && (Lexicon.Months.Contains(t[k].Text) || (t[k].Pos == Pos.CD && k + 1 < end && t[k + 1].Pos == Pos.CD)))
            {
                k++;
            }
            if (k < end && t[k].Pos == Pos.CD && first.Pos == Pos.IN && Grammar.IsYearLike(t[k].Text))
            {
                k++;
                if (k < end && t[k].Text == ",")
                {
                    k++;
                }
                if (SubjectEnd(t, k, end) is not null)
                {
                    return (new TokenSpan(start, k), k);
                }
            }
            for (var c = start + 1; c < Math.Min(end - 2, start + 28); c++)
            {
                if (t[c].Text == "," && SubjectEnd(t, c + 1, end) is { } verb && verb > c + 1)
                {
                    return (new TokenSpan(start, c + 1), c + 1);
                }
            }
        }
        return (null, start);
    }

    internal static int? SubjectEnd(IReadOnlyList<TaggedToken> t, int s, int end) => ReadSubject(t, s, end)?.Verb;

    /// <summary>The subject starting at <paramref name="s"/>: the index of its finite verb and where its own words
    /// end (before an aside: "Tesla, who was born in Smiljan, moved" ends after "Tesla"); null when the words from
    /// <paramref name="s"/> are not a noun phrase followed by a verb.</summary>
    internal static (int Verb, int HeadEnd)? ReadSubject(IReadOnlyList<TaggedToken> t, int s, int end)
    {
        var nouns = 0;
        var i = s;
        while (i < end)
        {
            var w = t[i];
            if (w.IsFiniteVerb)
            {
                return nouns > 0 || t[s].Pos is Pos.PRP or Pos.EX ? (i, i) : null;
            }
            // "Hugh L. Dryden", "Dr. Wernher von Braun": the full stop of an initial or a title is part of the name.
            if (w.Text == "." && i > s && i + 1 < end && t[i + 1].Pos == Pos.NNP && IsInitialOrTitle(t[i - 1].Text))
            {
                i++;
                continue;
            }
            // "Many of these invasions", "One of the founders": a quantifier heads the subject.
            if (w.Lower == "of" && i == s + 1 && Quantifiers.Contains(t[s].Lower))
            {
                nouns++;
                i++;
                continue;
            }
            if (w.Pos is Pos.PRP or Pos.EX && i == s)
            {
                i++;
                nouns++;
                continue;
            }
            if (w.IsNoun || w.Pos is Pos.CD or Pos.DT or Pos.PRPS or Pos.PDT or Pos.POS || w.IsAdjective || (w.Pos is Pos.VBG or Pos.VBN && i + 1 < end && t[i + 1].IsNoun)
                || w.Text is "-" or "–" or "&" or "%" || (w.Text is "'" or "’" && i > s && t[i - 1].Pos == Pos.NNS))
            {
                nouns += w.IsNoun || w.Pos == Pos.CD ? 1 : 0;
                i++;
                continue;
            }
            // "University of Warsaw", "the return of a loan", "elections to the Council": a preposition inside the subject.
            if ((w.Pos == Pos.IN || (w.Pos == Pos.TO && i + 1 < end && (t[i + 1].Pos is Pos.DT or Pos.PRPS || t[i + 1].IsNoun))) && w.Lower is not ("that" or "because" or "while" or "if" or "although" or "as" or "since" or "when" or "whether" or "though" or "unless" or "until")
                && nouns > 0 && i + 1 < end)
            {
                i++;
                continue;
            }
            // "lead, tin and antimony", "Smith and Jones".
            if (w.Pos == Pos.CC && w.Lower is "and" or "or" && nouns > 0)
            {
                i++;
                continue;
            }
            // "The design, development and construction of the center was …": a comma in a list of nouns.
            if (w.Text == "," && nouns > 0 && IsNounListComma(t, i, end))
            {
                i++;
                continue;
            }
            // An aside between commas or brackets: "Tesla, who was born in Smiljan, moved …".
            if (w.Text is "," or "(" && nouns > 0)
            {
                var close = w.Text == "," ? "," : ")";
                var j = i + 1;
                while (j < end && t[j].Text != close && j - i < 30)
                {
                    j++;
                }
                if (j < end && t[j].Text == close && j + 1 < end)
                {
                    var after = j + 1;
                    while (after < end && t[after].Pos == Pos.RB)
                    {
                        after++;
                    }
                    if (after < end && t[after].IsFiniteVerb)
                    {
                        return (after, i);
                    }
                }
                return null;
            }
            if (w.Pos == Pos.RB && nouns > 0 && i + 1 < end && t[i + 1].IsFiniteVerb)
            {
                return (i + 1, i); // "Tesla later moved": the adverb goes with the verb
            }
            return null;
        }
        return null;
    }

    private static readonly HashSet<string> Quantifiers = new(StringComparer.Ordinal)
    {
        "many", "most", "some", "several", "all", "each", "both", "none", "one", "two", "three", "few", "much", "either", "neither", "any",
    };

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal) { "Dr", "Mr", "Mrs", "Ms", "St", "Jr", "Sr", "Prof", "Gen", "Col", "Lt", "Capt", "Gov", "Sen", "Rev" };

    internal static bool IsInitialOrTitle(string word) => (word.Length == 1 && char.IsUpper(word[0])) || Titles.Contains(word);

    /// <summary>Whether the comma at <paramref name="i"/> separates nouns of one list: only nouns, adjectives and
    /// determiners up to an "and"/"or" that a noun follows, and no verb between.</summary>
    private static bool IsNounListComma(IReadOnlyList<TaggedToken> t, int i, int end)
    {
        for (var j = i + 1; j < end && j < i + 12; j++)
        {
            if (t[j].Lower is "and" or "or")
            {
                return j > i + 1 && j + 1 < end && (t[j + 1].IsNoun || t[j + 1].Pos is Pos.DT or Pos.JJ);
            }
            if (!(t[j].IsNoun || t[j].IsAdjective || t[j].Pos == Pos.DT || t[j].Text == ","))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>The verb group from its first finite verb: (modal) (have) (be) adverbs and the main verb.</summary>
    private static (int End, int Main) ReadVerbs(IReadOnlyList<TaggedToken> t, int v, int end)
    {
        var main = v;
        var i = v + 1;
        while (i < end)
        {
            var w = t[i];
            if (w.Pos is Pos.RB or Pos.RBR && w.Lower is not "where" and not "when" || w.Lower is "not" or "n't")
            {
                i++;
                continue;
            }
            var auxBefore = t[main].Pos == Pos.MD || Grammar.BeForms.Contains(t[main].Text) || Grammar.HaveForms.Contains(t[main].Text) || Grammar.DoForms.Contains(t[main].Text);
            if (auxBefore && w.Pos is Pos.VB or Pos.VBN or Pos.VBG or Pos.VBD && !(Grammar.BeForms.Contains(t[main].Text) && w.Pos == Pos.VBD))
            {
                main = i;
                i++;
                continue;
            }
            break;
        }
        // Trailing adverbs belong to the rest ("was established early").
        var verbsEnd = main + 1;
        return (verbsEnd, main);
    }

    private static readonly HashSet<string> Boundaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "which", "who", "whom", "whose", "where", "when", "while", "because", "although", "though", "if", "as", "after", "before",
        "since", "until", "and", "but", "or", "whether", "than", "once", "unless", "so", "what", "how", "why",
    };

    /// <summary>Whether the words after the verb hold no second finite verb without a word that opens a clause
    /// before it: "an authority named the Ominde Commission was formed" is misread, and no question is made.</summary>
    private static bool RestIsSound(IReadOnlyList<TaggedToken> t, int from, int end)
    {
        // "a toxic waste spill off the coast …, from a European ship, prompted the Commission": a finite verb just
        // after a comma is the sentence's real verb, and what came before was no clause.
        for (var i = from + 1; i < end; i++)
        {
            // ", aimed at …", ", accompanied by …": a past participle opening a phrase, not a verb.
            if (t[i - 1].Text == "," && t[i].IsFiniteVerb && t[i].Pos != Pos.MD && !IsParticiplePhrase(t, i, end))
            {
                return false;
            }
            // "set top boxes introduce a new interface": a base form after a plural noun is a verb the tags missed.
            if (t[i].Pos is Pos.VB or Pos.VBP && t[i - 1].Pos == Pos.NNS && i + 1 < end && t[i + 1].Pos is Pos.DT or Pos.PRPS)
            {
                return false;
            }
        }
        for (var i = from; i < end; i++)
        {
            if (t[i].Pos == Pos.Punct && t[i].Text is "," or ";" or "(" or ":" or "—" or "–" || Boundaries.Contains(t[i].Text))
            {
                return true;
            }
            if (t[i].IsFiniteVerb && t[i].Pos != Pos.MD && !(t[i].Pos == Pos.VBD && i > from && t[i - 1].IsNoun && i + 1 < end && t[i + 1].Lower == "by") && !IsParticiplePhrase(t, i, end))
            {
                return false;
            }
            // "The Report published in 2007 featured a graph": a past form after a figure or a noun, with an object
            // after it, is the real verb, and the clause was misread.
            if (t[i].Pos is Pos.VBN or Pos.JJ && t[i].Lower.EndsWith("ed", StringComparison.Ordinal) && Morphology.VerbLemma(t[i].Text) is not null && i > from && (t[i - 1].IsNoun || t[i - 1].Pos == Pos.CD)
                && i + 1 < end && t[i + 1].Pos is Pos.DT or Pos.PRPS)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>"aimed at", "accompanied by", "known as": a regular past form with a preposition after it, after a
    /// comma, is a participle phrase.</summary>
    private static bool IsParticiplePhrase(IReadOnlyList<TaggedToken> t, int i, int end) =>
        t[i].Pos == Pos.VBD && i > 0 && t[i - 1].Text == "," && i + 1 < end && t[i + 1].Pos == Pos.IN && t[i + 1].Lower is not ("that" or "if" or "whether")
        && t[i].Lower.EndsWith("ed", StringComparison.Ordinal);

    /// <summary>The end of the main clause's own words: before ", which", ", and", "; ", ", while", ", where".</summary>
    private static int CoreEnd(IReadOnlyList<TaggedToken> t, int from, int end)
    {
        for (var i = from; i < end - 1; i++)
        {
            var timeColon = t[i].Text == ":" && t[i - 1].Pos == Pos.CD && i + 1 < end && t[i + 1].Pos == Pos.CD;
            if (t[i].Text is ";" or ":" or "—" or "–" && i > from && !timeColon || (t[i].Text == "-" && i > from && t[i].Token.Start > t[i - 1].Token.End))
            {
                return i;
            }
            // ", as the first American president to visit …" is the role that makes the fact: it stays.
            var rolePhrase = t[i + 1].Lower == "as" && i + 2 < end && t[i + 2].Lower is "the" or "a" or "an" or "one" or "part";
            if (t[i].Text == "," && i >= from && !rolePhrase && t[i + 1].Lower is "which" or "who" or "and" or "but" or "while" or "where" or "when" or "whereas" or "although" or "though" or "as" or "making" or "including" or "leading" or "so" or "or")
            {
                return i;
            }
            // "built Mombasa into a port and established trade links": a second verb phrase.
            if (t[i].Lower is "and" or "but" or "or" && i > from && t[i + 1].IsFiniteVerb)
            {
                return i;
            }
            // ", 14 thousand students are studying …": a new clause after a comma; but not ", largely Sunni …",
            // which goes on describing.
            if (t[i].Text == "," && i > from && t[i + 1].Pos is not (Pos.RB or Pos.JJ or Pos.JJS or Pos.JJR))
            {
                for (var j = i + 1; j < end && t[j].Text != ","; j++)
                {
                    if (t[j].IsFiniteVerb)
                    {
                        return i;
                    }
                }
            }
        }
        return end;
    }
}
