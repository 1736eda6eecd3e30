namespace Steppe.Domain.Generation.Language;

/// <summary>Penn Treebank part-of-speech tags (PRP$ is <see cref="PRPS"/>, WP$ is <see cref="WPS"/>); <see cref="Punct"/> for punctuation.</summary>
internal enum Pos
{
    NN, NNS, NNP, NNPS, VB, VBD, VBG, VBN, VBP, VBZ, MD, JJ, JJR, JJS, RB, RBR, RBS, DT, PDT, IN, TO, CC, CD, PRP, PRPS,
    WP, WPS, WDT, WRB, EX, POS, RP, UH, FW, LS, SYM, Punct,
}

/// <summary>A token with its part of speech.</summary>
internal sealed record TaggedToken(Token Token, Pos Pos)
{
    public string Text => Token.Text;
    public string Lower => Token.Lower;
    public bool IsNoun => Pos is Pos.NN or Pos.NNS or Pos.NNP or Pos.NNPS;
    public bool IsProper => Pos is Pos.NNP or Pos.NNPS;
    public bool IsVerb => Pos is Pos.VB or Pos.VBD or Pos.VBG or Pos.VBN or Pos.VBP or Pos.VBZ or Pos.MD;
    public bool IsFiniteVerb => Pos is Pos.VBD or Pos.VBP or Pos.VBZ or Pos.MD;
    public bool IsAdjective => Pos is Pos.JJ or Pos.JJR or Pos.JJS;
}

/// <summary>A lexicon tagger with context rules: each word's tags from the lexicon (most frequent first) or from
/// its form, then a choice by the tag before it ("the record" is a noun, "to record" a verb, "was founded" a
/// participle, "Tesla moved" a past tense). Good enough to find a clause's subject and verb; no model.</summary>
internal static class Tagger
{
    private static readonly Lazy<Dictionary<string, Pos[]>> Lexicon = new(() =>
        WordData.Pairs("pos-lexicon.tsv", StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value.Split(',').Select(ParseTag).ToArray(), StringComparer.Ordinal));

    private static readonly HashSet<string> BeForms = new(StringComparer.OrdinalIgnoreCase) { "be", "is", "are", "was", "were", "been", "being", "am", "'s" };
    private static readonly HashSet<string> HaveForms = new(StringComparer.OrdinalIgnoreCase) { "have", "has", "had", "having" };

    private static Pos ParseTag(string tag) => tag switch
    {
        "PRP$" => Pos.PRPS,
        "WP$" => Pos.WPS,
        _ => Enum.TryParse<Pos>(tag, out var t) ? t : Pos.SYM,
    };

    /// <summary>Whether the lexicon knows a lower-case word mostly as something other than a name.</summary>
    public static bool IsCommonWord(string lower) => Lexicon.Value.TryGetValue(lower, out var tags) && tags[0] is not (Pos.NNP or Pos.NNPS);

    public static IReadOnlyList<TaggedToken> Apply(IReadOnlyList<Token> tokens)
    {
        var tagged = new List<TaggedToken>(tokens.Count);
        var finiteSeen = false;
        var all = new Pos[tokens.Count][];
        for (var i = 0; i < tokens.Count; i++)
        {
            all[i] = Candidates(tokens, i);
        }
        for (var i = 0; i < tokens.Count; i++)
        {
            var chosen = Choose(all, tagged, tokens, i, finiteSeen);
            tagged.Add(new TaggedToken(tokens[i], chosen));
            if (chosen is Pos.VBD or Pos.VBZ or Pos.VBP or Pos.MD)
            {
                finiteSeen = true;
            }
            // A new clause may start after a comma, a conjunction or a relative word.
            if (chosen is Pos.CC or Pos.WDT or Pos.WP or Pos.WRB || tokens[i].Text == "," || tokens[i].Text is ";" or ":" || (chosen == Pos.IN && tokens[i].Lower is "that" or "because" or "although" or "while" or "when" or "after" or "before" or "since" or "if" or "as"))
            {
                finiteSeen = false;
            }
        }
        return tagged;
    }

    /// <summary>The tags a token may have, most likely first.</summary>
    internal static Pos[] Candidates(IReadOnlyList<Token> tokens, int i)
    {
        var token = tokens[i];
        if (!token.IsWord)
        {
            return token.Text is "$" or "£" or "€" or "%" ? [Pos.SYM] : [Pos.Punct];
        }
        if (token.IsNumber)
        {
            return [Pos.CD];
        }
        var text = token.Text;
        var lower = token.Lower;
        var sentenceStart = i == 0 || (i > 0 && tokens[i - 1].Text is "“" or "\"" or "(" && i == 1);
        if (Lexicon.Value.TryGetValue(text, out var exact) && (!token.IsCapitalized || sentenceStart || exact[0] is not (Pos.NNP or Pos.NNPS)))
        {
            if (!token.IsCapitalized || sentenceStart)
            {
                return BothPastForms(exact, lower);
            }
        }
        if (token.IsCapitalized && !sentenceStart)
        {
            return [Pos.NNP];
        }
        if (Lexicon.Value.TryGetValue(lower, out var known))
        {
            return BothPastForms(known, lower);
        }
        if (sentenceStart && token.IsCapitalized)
        {
            return [Pos.NNP];
        }
        return ByForm(lower);
    }

    /// <summary>A regular past form is both a past tense and a participle, whichever the lexicon saw more.</summary>
    private static Pos[] BothPastForms(Pos[] known, string lower) =>
        known is [Pos.VBN] or [Pos.VBD] && lower.EndsWith("ed", StringComparison.Ordinal) ? [known[0], known[0] == Pos.VBN ? Pos.VBD : Pos.VBN] : known;

    /// <summary>Tags from a word's form, for words the lexicon lacks.</summary>
    private static Pos[] ByForm(string lower)
    {
        if (lower.Contains('-', StringComparison.Ordinal))
        {
            var last = lower[(lower.LastIndexOf('-') + 1)..];
            // "commutator-less", "field-based", "bell-shaped": never a noun, whatever the words around it.
            if (last is "less" or "based" or "like" or "free" or "shaped")
            {
                return [Pos.JJ];
            }
            return last.EndsWith("ed", StringComparison.Ordinal) || last.EndsWith("ing", StringComparison.Ordinal) || Morphology.IsAdjective(last) || last.Length == 0
                ? [Pos.JJ, Pos.NN]
                : [Pos.NN, Pos.JJ];
        }
        if (lower.EndsWith("est", StringComparison.Ordinal) && lower.Length > 5 && (Morphology.IsAdjective(lower[..^3]) || Morphology.IsAdjective(lower[..^2])))
        {
            return [Pos.JJS];
        }
        if (lower.EndsWith("ly", StringComparison.Ordinal) && lower.Length > 4)
        {
            return [Pos.RB, Pos.JJ];
        }
        if (lower.EndsWith("ing", StringComparison.Ordinal) && Morphology.VerbLemma(lower) is not null)
        {
            return [Pos.VBG, Pos.NN, Pos.JJ];
        }
        if (lower.EndsWith("ed", StringComparison.Ordinal) && Morphology.VerbLemma(lower) is not null)
        {
            return [Pos.VBN, Pos.VBD, Pos.JJ];
        }
        if (Morphology.VerbLemma(lower) is { } lemma && lemma != lower && lower.EndsWith('s'))
        {
            return WordNet.IsNoun(Morphology.Singular(lower)) ? [Pos.NNS, Pos.VBZ] : [Pos.VBZ, Pos.NNS];
        }
        if (lower.EndsWith('s') && Morphology.Singular(lower) != lower)
        {
            return [Pos.NNS];
        }
        if (WordNet.IsNoun(lower))
        {
            return Morphology.IsAdjective(lower) ? [Pos.NN, Pos.JJ] : Morphology.IsVerb(lower) ? [Pos.NN, Pos.VB, Pos.VBP] : [Pos.NN];
        }
        if (Morphology.IsAdjective(lower))
        {
            return [Pos.JJ];
        }
        if (Morphology.IsVerb(lower))
        {
            return [Pos.VB, Pos.VBP];
        }
        if (Morphology.IsAdverb(lower))
        {
            return [Pos.RB];
        }
        return lower.EndsWith("ous", StringComparison.Ordinal) || lower.EndsWith("ive", StringComparison.Ordinal) || lower.EndsWith("al", StringComparison.Ordinal) || lower.EndsWith("ic", StringComparison.Ordinal)
            ? [Pos.JJ, Pos.NN]
            : [Pos.NN];
    }

    private static Pos Choose(Pos[][] all, List<TaggedToken> before, IReadOnlyList<Token> tokens, int i, bool finiteSeen)
    {
        var candidates = all[i];
        if (candidates.Length == 1)
        {
            return candidates[0];
        }
        // Little words keep their usual tag ("on", "of", "a" are listed with rare tags too).
        if (candidates[0] is Pos.DT or Pos.IN or Pos.CC or Pos.TO or Pos.PRP or Pos.PRPS or Pos.MD or Pos.WDT or Pos.WP or Pos.WRB or Pos.EX or Pos.POS or Pos.PDT)
        {
            return candidates[0];
        }
        bool Has(Pos t) => candidates.Contains(t);
        Pos First(params Pos[] preferred) => preferred.FirstOrDefault(candidates.Contains, candidates[0]);
        // The nearest tag before, skipping adverbs ("was first used", "has long been").
        var k = before.Count - 1;
        while (k >= 0 && before[k].Pos is Pos.RB && before[k].Lower is not ("not" or "n't"))
        {
            k--;
        }
        var prev = k >= 0 ? before[k] : null;
        var prevTag = before.Count > 0 ? before[^1].Pos : Pos.Punct;

        // A year is no determiner: "In 2016 drove …" keeps "drove" a verb.
        var afterYear = prevTag == Pos.CD && Grammar.IsYearLike(before[^1].Text);
        if (!afterYear && prevTag is Pos.DT or Pos.PRPS or Pos.POS or Pos.PDT or Pos.JJ or Pos.JJR or Pos.JJS or Pos.CD
            && (Has(Pos.NN) || Has(Pos.NNS) || Has(Pos.JJ) || Has(Pos.NNP)))
        {
            return First(Pos.NN, Pos.NNS, Pos.JJ, Pos.NNP, Pos.JJS, Pos.JJR, Pos.VBG, Pos.CD);
        }
        // "Kennedy's support for Webb": after a possessive name comes what it owns.
        if (before.Count > 0 && before[^1].IsNoun && (before[^1].Text.EndsWith("'s", StringComparison.Ordinal) || before[^1].Text.EndsWith("’s", StringComparison.Ordinal))
            && (Has(Pos.NN) || Has(Pos.NNS)))
        {
            return First(Pos.NN, Pos.NNS, Pos.JJ);
        }
        if (prevTag == Pos.TO && Has(Pos.VB))
        {
            return Pos.VB;
        }
        if (prev?.Pos == Pos.MD && Has(Pos.VB))
        {
            return Pos.VB;
        }
        if (prev is not null && HaveForms.Contains(prev.Text) && Has(Pos.VBN))
        {
            return Pos.VBN;
        }
        if (prev is not null && BeForms.Contains(prev.Text) && (Has(Pos.VBN) || Has(Pos.VBG) || Has(Pos.JJ)))
        {
            return First(Pos.VBN, Pos.VBG, Pos.JJ, Pos.NN);
        }
        // After a subject: a noun, a pronoun, a relative word ("which generated"), or the comma closing an
        // aside after one ("The Latin alphabet, with only a few dozen letters, suited").
        var afterSubject = prev is not null && (prev.IsNoun || prev.Pos is Pos.PRP or Pos.CD or Pos.WDT or Pos.WP || prev.Lower == "that"
            || (prev.Pos == Pos.Punct && prev.Text is ")" or "," && before.Any(b => b.IsNoun)));
        if (afterSubject && !finiteSeen && (Has(Pos.VBD) || Has(Pos.VBZ) || Has(Pos.VBP)))
        {
            // "Tesla moved": a word that is mostly a verb is the verb. A word that is mostly a noun ("the oil
            // embargo caused") is the verb only when what follows starts an object ("the company records the").
            var next = i + 1 < tokens.Count ? all[i + 1] : [];
            var objectFollows = next.Length > 0 && next[0] is Pos.DT or Pos.PRP or Pos.PRPS or Pos.CD or Pos.IN or Pos.TO or Pos.RB;
            // "Saudi arms purchases from the US exceeded …": a plain past verb further on is the verb, and this word a noun.
            var laterVerb = Enumerable.Range(i + 1, Math.Max(0, Math.Min(6, tokens.Count - i - 1))).TakeWhile(k => tokens[k].IsWord)
                .Any(k => all[k] is [Pos.VBD, ..] or [Pos.VBN, Pos.VBD, ..] && tokens[k].Lower.EndsWith("ed", StringComparison.Ordinal));
            if (laterVerb && (Has(Pos.NNS) || Has(Pos.NN)) && candidates[0] is not (Pos.VBD or Pos.VBN))
            {
                return First(Pos.NNS, Pos.NN);
            }
            var afterComma = prev!.Pos == Pos.Punct;
            if (candidates[0] is Pos.VBD or Pos.VBZ or Pos.VBP or Pos.VBN || (objectFollows && !afterComma))
            {
                return First(Pos.VBD, Pos.VBZ, Pos.VBP);
            }
        }
        if (finiteSeen && Has(Pos.VBN) && Has(Pos.VBD))
        {
            return Pos.VBN; // a second past form in the clause is a participle ("the motor used … developed by Tesla")
        }
        return candidates[0];
    }
}
