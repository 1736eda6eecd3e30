using System.Globalization;
using Steppe.Domain.Banks;

namespace Steppe.Domain.Generation;

/// <summary>A question before selection: what it rests on, how good it looks, and the themes it could carry.</summary>
internal sealed record Candidate(Question Question, Sentence Sentence, Fact? Fact, double Score, string Key)
{
    /// <summary>For true/false: the false variant; the bank keeps one of the two.</summary>
    public TrueFalseQuestion? FalseVariant { get; init; }
}

/// <summary>Writes candidate questions of every type from the facts of good sentences.</summary>
internal sealed class QuestionWriter(Article article, IReadOnlyList<Fact> facts, ThemeModel themes)
{
    private const string Blank = ClozeQuestion.Blank;
    private readonly Distractors _distractors = new(facts);

    public List<Candidate> Write()
    {
        var candidates = new List<Candidate>();
        var factIndex = 0;
        foreach (var fact in facts)
        {
            if (!IsAskable(fact.Sentence))
            {
                continue;
            }
            var slot = factIndex++;
            switch (fact.Kind)
            {
                case FactKind.Amount or FactKind.Percent or FactKind.Count or FactKind.Multiplier:
                    Numeric(fact, slot, candidates);
                    break;
                case FactKind.Year or FactKind.Period:
                    Dated(fact, slot, candidates);
                    break;
                case FactKind.Ordinal:
                    Ordinal(fact, candidates);
                    break;
                case FactKind.ListItem:
                    ListItem(fact, candidates);
                    break;
                case FactKind.Nationality:
                    break; // "Chinese families": a nationality is rarely what a sentence is about; it serves as a distractor pool
                default:
                    Name(fact, slot, candidates);
                    break;
            }
        }
        Chronology(candidates);
        AreaQuestions(candidates);
        KeyPhraseQuestions(candidates);
        return candidates;
    }

    /// <summary>Sentences a question can rest on: complete, of a readable length, not opening with a
    /// pronoun whose referent is in another sentence.</summary>
    public static bool IsAskable(Sentence s)
    {
        var first = s.Tokens.FirstOrDefault(t => t.IsWord)?.Text ?? "";
        var end = s.Text.TrimEnd('”', '"', '’', '\'', ')');
        return s.WordCount >= 6 && s.WordCount <= (s.Focus > 0 ? 60 : 45)
            && (end.EndsWith('.') || end.EndsWith('!'))
            && !Lexicon.Pronouns.Contains(first)
            && !s.Text.Contains('?', StringComparison.Ordinal);
    }

    // ---- figures ----

    private void Numeric(Fact f, int slot, List<Candidate> output)
    {
        if (Occurrences(f.Sentence.Text, f.Answer) != 1)
        {
            return; // the same number twice would leave the answer in the prompt
        }
        var seed = Distractors.Hash(f.Sentence.Text + f.Answer);
        var wrong = _distractors.For(f, 3, seed);
        var baseScore = 3.0 + (f.Unit is null ? -0.8 : 0) + SentenceScore(f.Sentence);
        var unit = f.Kind == FactKind.Percent ? "%" : f.Unit;
        switch (slot % 3)
        {
            case 0:
                output.Add(Cloze(f, baseScore + 0.3, FigureExplanation(f)));
                AddChoice(f, wrong, "Which figure completes the sentence from the article?", baseScore, output, span: true);
                break;
            case 1:
                output.Add(new Candidate(new NumericQuestion
                {
                    Id = "", Prompt = $"What number goes in the blank? “{f.SentenceWith(Blank)}”",
                    Answer = f.Value!.Value, Unit = NumericUnit(f, unit), Explanation = FigureExplanation(f),
                }, f.Sentence, f, baseScore + 0.2, Key(f, "numeric")));
                AddTrueFalse(f, wrong, baseScore - 0.2, output);
                break;
            default:
                AddChoice(f, wrong, "Which figure completes the sentence from the article?", baseScore, output, span: true);
                AddTrueFalse(f, wrong, baseScore - 0.3, output);
                break;
        }
    }

    /// <summary>The unit shown after a numeric answer box: only what follows the number in the text.</summary>
    private static string? NumericUnit(Fact f, string? unit)
    {
        var after = f.Sentence.Text[(f.AnswerStart + f.AnswerLength)..].TrimStart();
        return unit is not null && after.StartsWith(unit.Split(' ')[0], StringComparison.OrdinalIgnoreCase) ? unit : unit == "%" ? "%" : null;
    }

    private static string FigureExplanation(Fact f) =>
        $"The article gives {(f.Qualifier is null ? "" : f.Qualifier + " ")}{f.Text}{(f.About is null ? "" : $" for the {f.About}")}: “{Window(f)}”.";

    private void Dated(Fact f, int slot, List<Candidate> output)
    {
        if (Occurrences(f.Sentence.Text, f.Answer) != 1)
        {
            return;
        }
        var wrong = _distractors.For(f, 3, Distractors.Hash(f.Sentence.Text + f.Answer));
        var score = 2.6 + SentenceScore(f.Sentence);
        var explanation = $"The article dates it {f.Answer}: “{Window(f)}”.";
        if (slot % 2 == 0)
        {
            output.Add(Cloze(f, score, explanation));
            AddTrueFalse(f, wrong, score - 0.3, output);
        }
        else
        {
            AddChoice(f, wrong, f.Kind == FactKind.Year ? "Which year completes the sentence from the article?" : "Which years complete the sentence from the article?", score, output, span: false);
        }
    }

    private void Ordinal(Fact f, List<Candidate> output)
    {
        if ((f.Value == 1 && !char.IsDigit(f.Answer[0])) || Occurrences(f.Sentence.Text, f.Answer) != 1)
        {
            return; // "the first time" asks nothing worth knowing
        }
        var wrong = _distractors.For(f, 3, Distractors.Hash(f.Sentence.Text + f.Answer));
        AddChoice(f, wrong, "Which word completes the sentence from the article?", 2.4 + SentenceScore(f.Sentence), output, span: false);
    }

    // ---- names ----

    /// <summary>The article's main subjects ("China" in an article on China): named in so many sentences
    /// that asking for them tests nothing.</summary>
    private HashSet<string> TopicNames => _topicNames ??= facts.Where(f => f.IsEntity)
        .GroupBy(f => f.Answer, StringComparer.OrdinalIgnoreCase)
        .Where(g => g.Select(f => f.Sentence.Index).Distinct().Count() >= Math.Max(4, article.Sentences.Count / 10))
        .Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private HashSet<string>? _topicNames;

    private void Name(Fact f, int slot, List<Candidate> output)
    {
        if (Occurrences(f.Sentence.Text, f.Answer) != 1 || f.Answer.Length < 2 || TopicNames.Contains(f.Answer))
        {
            return;
        }
        var seed = Distractors.Hash(f.Sentence.Text + f.Answer);
        var wrong = _distractors.For(f, 3, seed);
        var score = KindScore(f.Kind) + SentenceScore(f.Sentence);
        var what = f.Kind switch
        {
            FactKind.Person => "Which person",
            FactKind.Place => "Which place",
            FactKind.Organisation => "Which organisation",
            FactKind.Nationality => "Which word",
            _ => "Which name",
        };
        var explanation = $"The article names {f.Answer} here: “{Window(f)}”.";
        // "What is the name of the …?" only when the cue names the thing itself, not something a pronoun points at.
        if (f.Kind == FactKind.Programme && f.Sentence.Focus == 0 && f.Unit is { } cue && IsNounCue(cue) && facts.Count(x => x.Answer == f.Answer) >= 1
            && facts.Count(x => x.Kind == FactKind.Programme && x.Unit == cue) == 1)
        {
            output.Add(new Candidate(new ShortAnswerQuestion
            {
                Id = "", Prompt = $"What is the name of the {cue} mentioned in the article?", Answer = f.Answer,
                Explanation = explanation,
            }, f.Sentence, f, score + 0.5, Key(f, "short")));
        }
        if (f.LongForm is { } longForm && f.Answer.All(c => char.IsUpper(c) || char.IsDigit(c)) && facts.First(x => x.Answer == f.Answer) == f)
        {
            output.Add(new Candidate(new ShortAnswerQuestion
            {
                Id = "", Prompt = $"What does {f.Answer} stand for, in the article?", Answer = longForm,
                Explanation = $"The article spells it out: {longForm} ({f.Answer}).",
            }, f.Sentence, f, score + 0.6, Key(f, "acronym")));
        }
        if (f.Kind == FactKind.Person && f.Start > 0 && PersonRole(f) is { } role && facts.Count(x => x.Kind == FactKind.Person && PersonRole(x) == role) == 1)
        {
            output.Add(new Candidate(new ShortAnswerQuestion
            {
                Id = "", Prompt = $"Which {role} does the article name?", Answer = f.Answer, Explanation = explanation,
            }, f.Sentence, f, score + 0.4, Key(f, "short")));
        }
        if (slot % 2 == 0 || wrong.Count < 3)
        {
            output.Add(Cloze(f, score, explanation));
        }
        if (wrong.Count == 3)
        {
            AddChoice(f, wrong, $"{what} completes the sentence from the article?", score, output, span: false);
        }
        if (slot % 2 == 1)
        {
            AddTrueFalse(f, wrong, score - 0.4, output);
        }
    }

    private static readonly HashSet<string> NounCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "policy", "strategy", "theme", "programme", "program", "initiative", "plan", "project", "exhibition", "forum", "festival",
        "book", "film", "drama", "song", "novel", "show", "campaign", "slogan", "motto", "concept", "doctrine", "principle", "idea",
        "title", "spirit", "mission", "operation", "law", "act", "treaty", "agreement", "company", "brand", "product",
    };

    private static bool IsNounCue(string cue) => NounCues.Contains(cue.Split(' ')[^1]);

    private static string? PersonRole(Fact f)
    {
        var before = f.Sentence.Text[..f.Start].TrimEnd().Split(' ');
        var role = before.Length > 0 ? before[^1] : "";
        return role.Length > 2 && role.All(char.IsLower) && !Lexicon.StopWords.Contains(role) ? role : null;
    }

    private static double KindScore(FactKind kind) => kind switch
    {
        FactKind.Programme or FactKind.Event or FactKind.Person => 2.4,
        FactKind.Organisation => 2.2,
        FactKind.Place => 1.8,
        FactKind.Nationality => 1.0,
        _ => 1.6,
    };

    // ---- lists ----

    private void ListItem(Fact f, List<Candidate> output)
    {
        var members = f.ListMembers!.ToList();
        var cued = f.ListOf is not null;
        if (!cued && (members.Count < 4 || members.Any(m => m.Split(' ').Length > 3)))
        {
            return; // an uncued short list is too often a run of clauses, not of things
        }
        if (Occurrences(f.Sentence.Text, f.Answer) == 1 && members.IndexOf(f.Answer) == members.Count - 1)
        {
            output.Add(Cloze(f, 1.6 + SentenceScore(f.Sentence), $"The article lists {JoinList(members)}."));
        }
        // One "which is NOT named" question per cued list, on its first item's fact.
        if (cued && members.IndexOf(f.Answer) == 0)
        {
            var theme = themes.ThemeOf(f.Sentence);
            var absent = AbsentItem(theme, members, Distractors.Hash(string.Join('|', members)));
            if (absent is not null)
            {
                var choices = members.Take(3).Append(absent).ToList();
                var question = new MultipleChoiceQuestion
                {
                    Id = "", Prompt = $"Which of these is NOT named among the {f.ListOf} in the article?",
                    Choices = Shuffled(choices, Distractors.Hash(absent)), Answer = absent,
                    Explanation = $"The article names {JoinList(members)}; {absent} is not among them.",
                };
                output.Add(new Candidate(question, f.Sentence, f, 2.8 + SentenceScore(f.Sentence), $"not-named|{f.Sentence.Index}|{f.ListOf}"));
            }
        }
    }

    /// <summary>A plausible item of the list's kind that the article never mentions.</summary>
    private string? AbsentItem(string? theme, IReadOnlyList<string> members, ulong seed)
    {
        var text = article.Text.ToLowerInvariant();
        IEnumerable<string> pool = members.All(m => m.All(c => char.IsUpper(c) || c == '-'))
            ? Lexicon.KnownOrganisations.Where(o => o.All(c => char.IsUpper(c) || char.IsDigit(c)))
            : theme is not null && Vocabulary.TryGetValue(theme, out var words) ? words : [];
        return pool.Where(p => !text.Contains(p.ToLowerInvariant(), StringComparison.Ordinal)).OrderBy(p => Distractors.Hash(p, seed)).FirstOrDefault();
    }

    /// <summary>Everyday items of an area, for "which is NOT named" questions; only ones absent from the article are used.</summary>
    private static readonly Dictionary<string, string[]> Vocabulary = new()
    {
        ["energy"] = ["hydropower", "geothermal energy", "tidal energy", "biofuels", "coal power"],
        ["agriculture"] = ["rice", "cotton", "tea", "wine", "cheese", "sugar"],
        ["trade"] = ["textiles", "machinery", "steel", "electronics"],
        ["security"] = ["piracy", "money laundering", "cybercrime", "arms smuggling"],
        ["technology"] = ["robotics", "biotechnology", "quantum computing", "nanotechnology"],
        ["culture"] = ["opera", "ballet", "sculpture", "poetry"],
        ["education"] = ["medicine", "law", "engineering", "architecture"],
        ["multilateral"] = ["tourism", "fisheries", "space research", "shipbuilding"],
        ["space"] = ["Saturn", "Neptune", "Venus", "Mercury"],
        ["life-science"] = ["nitrogen", "calcium", "starch", "glucose"],
        ["business"] = ["advertising", "insurance", "consulting", "leasing"],
    };

    private static string JoinList(IReadOnlyList<string> items) => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    // ---- chronology and areas ----

    /// <summary>An ordering question from dated sentences: what happened, earliest first.</summary>
    private void Chronology(List<Candidate> output)
    {
        var dated = facts.Where(f => f.Kind == FactKind.Year && IsAskable(f.Sentence))
            .Select(f => (Year: (int)f.Value!.Value, Label: EventLabel(f), Fact: f))
            .Where(x => x.Label is not null)
            .GroupBy(x => x.Year).Select(g => g.First()).OrderBy(x => x.Year).ToList();
        for (var start = 0; start + 3 <= dated.Count; start += 4)
        {
            var chunk = dated.Skip(start).Take(4).ToList();
            if (chunk.Count < 3 || chunk.Select(c => c.Label).Distinct().Count() != chunk.Count)
            {
                continue;
            }
            var question = new OrderingQuestion
            {
                Id = "", Prompt = "Put these in the order the article dates them, earliest first.",
                Answer = chunk.Select(c => c.Label!).ToList(),
                Explanation = string.Join("; ", chunk.Select(c => $"{c.Year}: {c.Label}")) + ".",
            };
            var first = chunk[0].Fact;
            output.Add(new Candidate(question, first.Sentence, null, 2.9, $"order|{string.Join('|', chunk.Select(c => c.Year))}") { });
        }
    }

    /// <summary>A short label for what a dated sentence reports: its clause without the date.</summary>
    private static string? EventLabel(Fact year)
    {
        var text = year.Sentence.Text;
        var clauses = text.Split([", ", "; ", " — "], StringSplitOptions.None);
        var at = 0;
        var index = -1;
        for (var i = 0; i < clauses.Length; i++)
        {
            if (year.AnswerStart >= at && year.AnswerStart < at + clauses[i].Length)
            {
                index = i;
                break;
            }
            at += clauses[i].Length + 2;
        }
        if (index < 0)
        {
            return null;
        }
        var clause = System.Text.RegularExpressions.Regex.Replace(clauses[index], @"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Oo]f)\s+(?:the\s+year\s+)?" + year.Answer + @"\b\s*", "").Trim();
        if (clause.Split(' ').Length < 3 && index + 1 < clauses.Length)
        {
            clause = clauses[index + 1].Trim();
        }
        var words = clause.TrimEnd('.', '!').Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => w is "and" or "And" or "but" or "But").Take(12).ToList();
        while (words.Count > 0 && Lexicon.StopWords.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }
        if (words.Count < 3 || words.Any(w => w.Contains(year.Answer, StringComparison.Ordinal)))
        {
            return null;
        }
        var label = string.Join(' ', words);
        return char.ToUpperInvariant(label[0]) + label[1..];
    }

    /// <summary>"Which area does this sentence concern?" for sentences one area clearly owns.</summary>
    private void AreaQuestions(List<Candidate> output)
    {
        var articleAreas = themes.Themes.Where(t => t.FromTaxonomy).Select(t => t.Id).ToHashSet();
        foreach (var s in article.Sentences.Where(IsAskable))
        {
            var scores = themes.AreaScores(s);
            var best = scores.OrderByDescending(kv => kv.Value).FirstOrDefault();
            if (best.Value < 2 || scores.Count(kv => kv.Value > 0) > 1 || s.WordCount > 30 || s.Focus > 0 || themes.ThemeOf(s) != best.Key)
            {
                continue;
            }
            var seed = Distractors.Hash(s.Text);
            // Wrong areas are ones the whole paragraph never touches, so that no wrong answer is half right.
            var inParagraph = article.Sentences.Where(x => x.Paragraph == s.Paragraph).SelectMany(x => themes.AreaScores(x).Keys).ToHashSet();
            var others = Lexicon.Themes.Where(t => t.Id != best.Key && !scores.ContainsKey(t.Id) && !inParagraph.Contains(t.Id) && !Related(t.Id, best.Key))
                .OrderBy(t => articleAreas.Contains(t.Id) ? 0 : 1).ThenBy(t => Distractors.Hash(t.Id, seed)).Take(3).Select(t => t.Title).ToList();
            var answer = Lexicon.Themes.First(t => t.Id == best.Key).Title;
            output.Add(new Candidate(new MultipleChoiceQuestion
            {
                Id = "", Prompt = $"Which area does this sentence from the article concern? “{s.Text}”",
                Choices = Shuffled([answer, .. others], seed), Answer = answer,
                Explanation = $"It is about {answer.ToLowerInvariant()}.",
            }, s, null, 1.5 + SentenceScore(s), $"area|{s.Index}"));
        }
    }

    /// <summary>For sentences with few facts: blank their strongest key phrase (good gaps are not only names).</summary>
    private void KeyPhraseQuestions(List<Candidate> output)
    {
        // Multi-word phrases written in lower case in the article (names are asked about as names).
        var phrases = themes.KeyPhrases.Where(k => k.Text.Contains(' ', StringComparison.Ordinal) && article.Text.Contains(k.Text, StringComparison.Ordinal)).ToList();
        var covered = output.GroupBy(c => c.Sentence.Index).ToDictionary(g => g.Key, g => g.Count());
        foreach (var s in article.Sentences.Where(IsAskable))
        {
            if (covered.GetValueOrDefault(s.Index) >= 2)
            {
                continue;
            }
            var lower = s.Text.ToLowerInvariant();
            var phrase = phrases.FirstOrDefault(k => Occurrences(s.Text, k.Text) == 1 && s.Text.IndexOf(k.Text, StringComparison.Ordinal) >= s.Focus
                && !facts.Any(f => f.Sentence == s && Overlaps(f, s.Text.IndexOf(k.Text, StringComparison.Ordinal), k.Text.Length)));
            if (phrase is null)
            {
                continue;
            }
            var at = lower.IndexOf(phrase.Text, StringComparison.Ordinal);
            var answer = s.Text.Substring(at, phrase.Text.Length);
            var fact = new Fact { Kind = FactKind.Name, Sentence = s, Start = at, Length = answer.Length, AnswerStart = at, AnswerLength = answer.Length };
            var words = phrase.Text.Split(' ').Length;
            var wrong = phrases.Where(k => k != phrase && k.Text.Split(' ').Length == words && !lower.Contains(k.Text, StringComparison.Ordinal)
                    && !k.Text.Split(' ').Intersect(phrase.Text.Split(' ')).Any())
                .Select(k => k.Text).Take(3).ToList();
            var score = 1.3 + SentenceScore(s);
            var explanation = $"The article says “{Window(fact)}”.";
            if (wrong.Count == 3)
            {
                AddChoice(fact, wrong, "Which words complete the sentence from the article?", score, output, span: false);
            }
            else
            {
                output.Add(Cloze(fact, score, explanation));
            }
        }
    }

    private static bool Overlaps(Fact f, int start, int length) => start < f.Start + f.Length && f.Start < start + length;

    /// <summary>Areas a reader could fairly take for one another; never offered against each other.</summary>
    private static readonly string[][] RelatedAreas =
    [
        ["trade", "investment-finance", "industry", "business", "development"],
        ["diplomacy", "multilateral", "security", "development"],
        ["energy", "environment", "industry"],
        ["culture", "education", "history"],
        ["life-science", "space", "technology", "health", "education", "environment", "agriculture"],
        ["transport", "trade"],
    ];

    private static bool Related(string a, string b) => RelatedAreas.Any(g => g.Contains(a) && g.Contains(b));

    // ---- building blocks ----

    private static Candidate Cloze(Fact f, double score, string explanation) =>
        new(new ClozeQuestion { Id = "", Prompt = f.SentenceWith(Blank), Answer = f.Answer, Explanation = explanation }, f.Sentence, f, score, Key(f, "cloze"));

    private static void AddChoice(Fact f, List<string> wrong, string question, double score, List<Candidate> output, bool span)
    {
        if (wrong.Count < 3)
        {
            return;
        }
        var right = span ? f.Text : f.Answer;
        var choices = wrong.Select(w => span ? f.SpanWith(w) : w).Prepend(right).ToList();
        var stem = span ? SentenceWithSpan(f, Blank) : f.SentenceWith(Blank);
        output.Add(new Candidate(new MultipleChoiceQuestion
        {
            Id = "", Prompt = $"{question} “{stem}”", Choices = OrderChoices(f, choices), Answer = right,
            Explanation = f.IsNumeric ? FigureExplanation(f) : $"The article says “{Window(f)}”.",
        }, f.Sentence, f, score, Key(f, "choice")));
    }

    private static void AddTrueFalse(Fact f, List<string> wrong, double score, List<Candidate> output)
    {
        if (wrong.Count == 0 || f.Sentence.WordCount > 35)
        {
            return;
        }
        var statement = f.Sentence.Text;
        var falseStatement = f.SentenceWith(wrong[0]);
        var candidate = new Candidate(new TrueFalseQuestion
        {
            Id = "", Prompt = statement, Answer = true, Explanation = $"True: the article says exactly this.",
        }, f.Sentence, f, score, Key(f, "tf"))
        {
            FalseVariant = new TrueFalseQuestion
            {
                Id = "", Prompt = falseStatement, Answer = false, Correction = statement,
                Explanation = $"False: the article gives {f.Answer}, not {wrong[0]}.",
            },
        };
        output.Add(candidate);
    }

    /// <summary>Numbers and years in ascending order (no "odd one out" cue); other choices shuffled.</summary>
    private static List<string> OrderChoices(Fact f, List<string> choices)
    {
        if (f.IsNumeric || f.Kind is FactKind.Year or FactKind.Period or FactKind.Ordinal)
        {
            return choices.OrderBy(c => LeadingNumber(c)).ThenBy(c => c, StringComparer.Ordinal).ToList();
        }
        return Shuffled(choices, Distractors.Hash(f.Sentence.Text + f.Answer));
    }

    private static decimal LeadingNumber(string text)
    {
        var m = System.Text.RegularExpressions.Regex.Match(text, @"\d[\d,]*(\.\d+)?");
        return m.Success && decimal.TryParse(m.Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : 0;
    }

    private static List<string> Shuffled(List<string> items, ulong seed) => [.. Distractors.Shuffle(items.ToArray(), seed)];

    private static string SentenceWithSpan(Fact f, string replacement) =>
        string.Concat(f.Sentence.Text.AsSpan(0, f.Start), replacement, f.Sentence.Text.AsSpan(f.Start + f.Length));

    /// <summary>A few words either side of the fact, for explanations.</summary>
    private static string Window(Fact f)
    {
        var tokens = f.Sentence.Tokens;
        var first = tokens.Select((t, i) => (t, i)).First(x => x.t.End > f.Start).i;
        var last = tokens.Select((t, i) => (t, i)).Last(x => x.t.Start < f.Start + f.Length).i;
        var from = Math.Max(0, first - 6);
        var to = Math.Min(tokens.Count - 1, last + 6);
        var text = f.Sentence.Text[tokens[from].Start..tokens[to].End];
        return (from > 0 ? "…" : "") + text + (to < tokens.Count - 1 ? "…" : "");
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var after = i + part.Length >= text.Length || !char.IsLetterOrDigit(text[i + part.Length]);
            if (before && after)
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Favours fact-dense sentences of moderate length.</summary>
    private double SentenceScore(Sentence s)
    {
        var density = facts.Count(f => f.Sentence == s && (f.IsNumeric || f.Kind is FactKind.Year or FactKind.Programme or FactKind.Event));
        var length = s.WordCount;
        return Math.Min(density, 3) * 0.15 - (length > 30 ? (length - 30) * 0.05 : 0) - (length < 9 ? 0.5 : 0);
    }

    private static string Key(Fact f, string type) => $"{type}|{f.Sentence.Index}|{f.AnswerStart}";
}
