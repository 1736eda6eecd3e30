using System.Text;
using Steppe.Domain.Generation.Entities;
using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>Writes parts of a sentence into a question with pronouns replaced by the names they stand for, and
/// says whether the words used still point outside the question ("this", "the device", "two years later").</summary>
internal sealed class Wording(ArticleReading article, SentenceReading sentence)
{
    private readonly Dictionary<int, string> _replace = [];

    public SentenceReading Sentence => sentence;

    /// <summary>The entity the question's own subject names: "his" that means it stays "his".</summary>
    public Entity? Subject { get; set; }
    public SentenceReading? Antecedent { get; private set; }

    private static readonly HashSet<string> RelationalNouns = new(StringComparer.Ordinal)
    {
        "version", "part", "member", "copy", "type", "form", "kind", "variant", "model", "edition", "section", "piece", "remnant", "successor",
    };

    /// <summary>Things there is only one of, that "the" names without a word before it.</summary>
    private static readonly HashSet<string> Unique = new(StringComparer.OrdinalIgnoreCase)
    {
        "world", "earth", "sun", "moon", "atmosphere", "universe", "internet", "environment", "public", "sky", "ocean", "sea", "climate",
        "population", "economy", "past", "future", "present", "dollar", "euro", "pound", "west", "east", "north", "south", "majority", "minority", "average",
    };

    /// <summary>Whether "the <paramref name="word"/>" can mean a thing of kind <paramref name="kind"/>: "the nation" a country.</summary>
    private static bool Names(string kind, string word) => word == kind || (kind == "country" && word is "nation");

    /// <summary>Set when the question uses "the" with a noun the article is about throughout ("the embargo"):
    /// then it needs the article's subject said ("During the 1973 oil crisis, …") unless it names something else.</summary>
    public bool NeedsFrame { get; private set; }

    /// <summary>Nouns that, after "his", "her", "its" or "their", mean a thing the sentence before described.</summary>
    private static readonly HashSet<string> BackReferringNouns = new(StringComparer.Ordinal)
    {
        "idea", "plan", "proposal", "invention", "design", "theory", "discovery", "project", "concept", "method", "scheme", "offer", "suggestion", "request", "device", "approach",
    };

    private static readonly string[] RelativeTime =
    [
        "the following year", "the next year", "that year", "the same year", "years later", "year later", "months later", "days later", "weeks later",
        "at the time", "at that time", "the same time", "around that time", "the same period", "that period", "the same month", "the previous year", "the year before", "earlier that", "later that", "this time", "by then", "until then",
        "since then", "after that", "before that", "the following day", "the next day", "that day", "the same day", "the following month",
        "the previous", "the latter", "the former", "as mentioned", "see above", "see below", "the above", "the below", "above-mentioned",
        "currently", "at present", "presently", "to date", "as of", "now", "nowadays", "this year", "last year", "next year", "again", "recently",
        "in recent years", "so far", "until now", "at the moment", "the current", "the next", "the following",
    ];

    /// <summary>Names a pronoun at token <paramref name="i"/> ("He" → "Gutenberg", "his" → "Gutenberg's").
    /// False when it cannot be told whom it means.</summary>
    public bool Resolve(int i)
    {
        var word = sentence.Tokens[i].Text;
        if (Coreference.Resolve(article, sentence, word) is not { } found)
        {
            return false;
        }
        var name = found.Entity.ShortName;
        var possessive = sentence.Tokens[i].Pos == Pos.PRPS && word.ToLowerInvariant() is "his" or "its" or "her";
        // "Genghis Khan realised that he needed …": once named, the pronoun reads as it did.
        if (i > 0 && (_replace.Where(kv => kv.Key < i).Any(kv => kv.Value.StartsWith(name, StringComparison.Ordinal))
            || sentence.Mentions.Any(m => m.Span.End <= i && m.Entity == found.Entity)))
        {
            _replace[i] = word;
            return true;
        }
        if (possessive && found.Entity == Subject)
        {
            _replace[i] = word; // "Phillips documented his findings": "his" is Phillips, named just before
            return true;
        }
        _replace[i] = possessive ? Possessive(name) : name;
        if (found.Antecedent.Index != sentence.Index)
        {
            Antecedent = found.Antecedent;
        }
        return true;
    }

    /// <summary>Resolves every pointing pronoun in [start, end); false if one cannot be resolved.</summary>
    public bool ResolveAll(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var w = sentence.Tokens[i];
            if (_replace.ContainsKey(i) || !Grammar.Pointing.Contains(w.Text))
            {
                continue;
            }
            if (MeansTheSubject(i, end))
            {
                _replace[i] = w.Text;
                continue;
            }
            if (w.Lower is "he" or "she" or "him" or "his" or "her" or "it" or "its" && Resolve(i))
            {
                continue;
            }
            return false;
        }
        return true;
    }

    /// <summary>Whether the pronoun at <paramref name="i"/>, after the verb, is the clause's own named subject, and reads
    /// so in the question too: a possessive ("The Shah died … within his empire" → "Who died … within his empire?";
    /// "her" is possessive only before a noun), or a person's pronoun ("Tesla attended the school where he studied
    /// German": not the person the sentence before named).</summary>
    private bool MeansTheSubject(int i, int end)
    {
        var t = sentence.Tokens;
        var w = t[i];
        if (sentence.Clause is not { } c || t[c.Subject.Start].Pos == Pos.PRP || Coreference.SubjectEntity(sentence, c) is not { } subject)
        {
            return false;
        }
        var possessive = w.Pos == Pos.PRPS && (w.Lower != "her" || i + 1 < end && (t[i + 1].IsNoun || t[i + 1].IsAdjective));
        if (possessive)
        {
            return i >= c.Verbs.Start && w.Lower is "his" or "her" or "its" or "their";
        }
        return i >= c.Verbs.End && w.Lower is "he" or "she" or "him" && subject.Kind.Category == Entities.EntityCategory.Person
            && (subject.Gender is null || subject.Gender == (w.Lower == "she" ? "f" : "m"));
    }

    public void Replace(int i, string text) => _replace[i] = text;

    public bool IsReplaced(int i) => _replace.ContainsKey(i);

    public static string Possessive(string name) => name.EndsWith('s') ? name + "’" : name + "’s";

    /// <summary>Tokens [start, end) as text, with replacements, leaving out <paramref name="skip"/>.</summary>
    public string Render(int start, int end, TokenSpan? skip = null)
    {
        var t = sentence.Tokens;
        var text = new StringBuilder();
        var previousEnd = -1;
        for (var i = start; i < end; i++)
        {
            if (skip is { } s && s.Contains(i))
            {
                continue;
            }
            // "also", "too" point back to something said before; the question reads the same without them.
            if (!_replace.ContainsKey(i) && t[i].Lower is "also" or "too" && t[i].Pos is Pos.RB)
            {
                continue;
            }
            var word = _replace.TryGetValue(i, out var r) ? r : i > 0 && t[i - 1].Text == "(" ? t[i].Text : FullName(i) ?? Spelled(t[i].Text);
            if (word.Length == 0)
            {
                continue;
            }
            var glued = previousEnd >= 0 && t[i].Token.Start == previousEnd;
            if (text.Length > 0 && !glued && !(t[i].Pos == Pos.Punct && t[i].Text is "," or "." or ";" or ":" or ")" or "”" or "’"))
            {
                text.Append(' ');
            }
            text.Append(word);
            previousEnd = t[i].Token.End;
        }
        return text.ToString().Replace(" ,", ",", StringComparison.Ordinal).Replace("( ", "(", StringComparison.Ordinal);
    }

    private bool IsUnexplainedAcronym(TaggedToken token)
    {
        var bare = token.Text.EndsWith("'s", StringComparison.Ordinal) || token.Text.EndsWith("’s", StringComparison.Ordinal) ? token.Text[..^2] : token.Text;
        var letters = bare.Where(char.IsLetter).ToArray();
        if (letters.Length < 2 || !letters.All(char.IsUpper) || bare.Length > 8)
        {
            return false;
        }
        var word = new string(bare.TakeWhile(c => c != '-').ToArray());
        return !article.LongForms.ContainsKey(word) && !WordNet.Senses(word).Any(x => x.Lemmas.Contains(word)) && Gazetteer.FindCountry(word) is null
            && !(article.Topic is { } topic && topic.Aliases.Contains(word));
    }

    /// <summary>A person named by surname only ("Lindzen") by the full name the article gives ("Richard Lindzen"),
    /// once in the question, so that a reader knows who is meant.</summary>
    private string? FullName(int i)
    {
        // "the Calvin cycle": a name used before a noun is part of another name, and stays as written.
        if (sentence.MentionAt(i) is not { Entity: { Kind.Category: Entities.EntityCategory.Person } person } m || m.Span.Start != i || m.Span.Length != 1
            || !person.Name.Contains(' ', StringComparison.Ordinal) || m.Text == person.Name || !person.Name.EndsWith(m.Text, StringComparison.Ordinal)
            || (!m.Possessive && i + 1 < sentence.Tokens.Count && sentence.Tokens[i + 1].IsNoun) || (i > 0 && sentence.Tokens[i - 1].IsProper))
        {
            return null;
        }
        return m.Possessive ? Possessive(person.Name) : person.Name;
    }

    /// <summary>An acronym the article spells out, spelled out ("the LOC's" → "the Launch Operations Center's"),
    /// unless it names what the article is about or is known on its own (NASA, UK).</summary>
    private string Spelled(string word)
    {
        var bare = word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;
        if (bare.Length < 2 || !bare.All(c => char.IsUpper(c) || char.IsDigit(c)) || !article.LongForms.TryGetValue(bare, out var full)
            || (article.Topic is { } topic && topic.Aliases.Contains(bare)) || full.Split(' ').Length > 6
            || WordNet.Senses(bare).Any(x => x.Lemmas.Contains(bare)) || Gazetteer.FindCountry(bare) is not null)
        {
            return word;
        }
        return full + word[bare.Length..];
    }

    /// <summary>Whether the words [start, end) (but <paramref name="skip"/>) still need the article to be understood:
    /// an unreplaced pronoun, "the device" first met here, or a time told from another sentence.</summary>
    public bool PointsOutside(int start, int end, TokenSpan? skip = null)
    {
        var t = sentence.Tokens;
        for (var i = start; i < end; i++)
        {
            if (skip is { } s && s.Contains(i))
            {
                continue;
            }
            // "sell his idea to the military": which idea the sentence before said, whoever "his" is.
            if (t[i].Pos == Pos.PRPS && i + 1 < end && BackReferringNouns.Contains(Morphology.Singular(t[i + 1].Lower)) && !(i + 2 < end && t[i + 2].Lower is "of" or "for"))
            {
                return true;
            }
            if (_replace.ContainsKey(i))
            {
                continue;
            }
            if (Grammar.Pointing.Contains(t[i].Text))
            {
                return true;
            }
            // "Early versions …", "Parts of …" without "of": versions of what?
            if (t[i].Pos is Pos.NNS && RelationalNouns.Contains(Morphology.Singular(t[i].Text)) && (i == start || t[i - 1].IsAdjective || t[i - 1].Pos == Pos.CD)
                && !(i + 1 < end && t[i + 1].Lower == "of"))
            {
                return true;
            }
            // "LC-34", "WGI": letters a reader of the question cannot expand, unless they are a name people know.
            if (IsUnexplainedAcronym(t[i]))
            {
                return true;
            }
            // "the Directive", "the Treaties": a common word written with a capital still points back.
            if (t[i].Lower == "the" && i + 1 < end && t[i + 1].IsProper && sentence.MentionAt(i + 1) is null
                && Tagger.IsCommonWord(Morphology.Singular(t[i + 1].Text)) && !(i + 2 < end && (t[i + 2].IsProper || t[i + 2].Lower == "of")))
            {
                return true;
            }
            // "Nafzger": a person the article names once by surname only is nobody to a reader of the question.
            if (sentence.MentionAt(i) is { Entity: { Kind.Category: Entities.EntityCategory.Person } person } && person.Aliases.All(a => !a.Contains(' ', StringComparison.Ordinal)) && person.SentenceCount < 3)
            {
                return true;
            }
            // "both states", "the two countries": which ones was said before.
            if ((t[i].Lower == "both" || (t[i].Lower == "the" && i + 1 < end && t[i + 1].Lower is "two" or "three" or "latter" or "former"))
                && Enumerable.Range(i + 1, Math.Min(3, end - i - 1)).Any(k => t[k].Pos == Pos.NNS) && !(i + 1 < end && t[i + 1].Lower == "of"))
            {
                return true;
            }
            // "the operation", "the plugs": a thing named before, unless a name or "of …" says which, or it is
            // one of a kind ("the world"), or what the whole article is about ("the embargo", with a frame).
            if (t[i].Lower == "the" && i + 1 < end && HeadAfter(t, i + 1, end) is { } head)
            {
                // "the capital and largest city of Kenya": what follows the head, past "and" and more nouns, may say
                // which ("of Kenya", "that …"); a phrase of place or time ("at home", "in 1960") does not.
                var after = head + 1;
                while (after + 1 < end && (t[after].Lower is "and" or "or" || t[after].IsAdjective || t[after].Pos is Pos.NN or Pos.NNS) && !t[after].IsProper)
                {
                    after++;
                }
                var specific = after < end && (t[after].Lower is "of" or "that" or "which" or "whose" or "where" || (after == head + 1 && t[after].IsProper)
                        || (t[after].Lower is "in" or "for" or "on" or "from" or "between" && after + 1 < end && (t[after + 1].IsProper || t[after + 1].Lower == "the" && after + 2 < end && t[after + 2].IsProper)))
                    || Enumerable.Range(i + 1, head - i - 1).Any(k => t[k].IsProper || Gazetteer.PlaceOf(t[k].Text) is not null || t[k].Pos is Pos.JJS or Pos.CD || t[k].Lower is "first" or "last" or "same" || char.IsUpper(t[k].Text[0]));
                // "the country" in an article on Kenya is Kenya.
                var headWord = t[head].Text.EndsWith("'s", StringComparison.Ordinal) || t[head].Text.EndsWith("’s", StringComparison.Ordinal) ? t[head].Text[..^2] : t[head].Text;
                if (!specific && head == i + 1 && article.Topic is { } subjectOfArticle && Names(subjectOfArticle.Kind.Noun, Morphology.Singular(headWord)) && !_replace.ContainsKey(i))
                {
                    _replace[i] = "";
                    _replace[head] = t[head].Text.EndsWith("'s", StringComparison.Ordinal) || t[head].Text.EndsWith("’s", StringComparison.Ordinal) ? Possessive(subjectOfArticle.Name) : subjectOfArticle.Name;
                    continue;
                }
                if (!specific && !Unique.Contains(Morphology.Singular(headWord)))
                {
                    // "the crisis" in an article on the 1973 oil crisis is that crisis; any other "the …" was
                    // named somewhere the question cannot show.
                    if (article.Article.Title is { } title && Text.ContainsWord(title, Morphology.Singular(t[head].Text)))
                    {
                        NeedsFrame = true;
                    }
                    else
                    {
                        return true;
                    }
                }
            }
        }
        var text = Render(start, end, skip).ToLowerInvariant();
        return RelativeTime.Any(r => Text.ContainsWord(text, r));
    }

    /// <summary>The head noun of "the (adjectives) noun" starting at <paramref name="i"/>, or null when a name
    /// or no common noun follows.</summary>
    private static int? HeadAfter(IReadOnlyList<TaggedToken> t, int i, int end)
    {
        var k = i;
        // "the country's unions": a possessive noun ends the phrase that "the" begins.
        static bool IsPossessive(string word) => word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal);
        while (k < end && (t[k].IsAdjective || t[k].Pos is Pos.VBN or Pos.VBG or Pos.CD || (t[k].Pos is Pos.NN or Pos.NNS && k + 1 < end && t[k + 1].Pos is Pos.NN or Pos.NNS && !IsPossessive(t[k].Text))) && !t[k].IsProper)
        {
            k++;
        }
        return k < end && t[k].Pos is Pos.NN or Pos.NNS && !t[k].IsProper ? k : null;
    }

    /// <summary>The question as asked within the article's subject when it needs that: unchanged when it names
    /// something that says what it is about and uses no word that needs the subject; with the frame before it
    /// ("During the 1973 oil crisis, which …?") when the article has one; otherwise null, not asked.</summary>
    public string? Framed(string question, bool anchored)
    {
        // "24% of GDP": whose? The article's subject, said in a frame, unless a name owns it.
        var ownerless = System.Text.RegularExpressions.Regex.IsMatch(question, @"\b(of|in|the) (GDP|GNP|GNI)\b");
        if (anchored && !NeedsFrame && !ownerless || article.TopicName is { } topic && Text.ContainsWord(question, topic) || article.Topic is { } t && t.IsNamedIn(question))
        {
            return question;
        }
        if (article.Frame() is not { } frame)
        {
            return null;
        }
        var first = question.Split(' ')[0];
        var lowered = Lexicon.StopWords.Contains(first.TrimEnd(',')) || first is "Which" or "Who" or "Whom" or "How" or "In" or "By" or "On" or "During" ? char.ToLowerInvariant(question[0]) + question[1..] : question;
        return $"{frame}, {lowered}";
    }

    /// <summary>Whether an entity other than <paramref name="answer"/>, a year or a figure tells what the question is about.</summary>
    public static bool HasAnchor(string question, SentenceReading s, Entity? answer) =>
        s.Mentions.Any(m => m.Entity is { } e && e != answer && e.Aliases.Any(a => Text.ContainsWord(question, a)))
        || s.Facts.Any(f => f.Kind is FactKind.Year or FactKind.Period && Text.ContainsWord(question, f.Answer));
}
