using Steppe.Domain.Banks;
using Steppe.Domain.Generation.Entities;
using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>"Which of these is NOT …": three members of a list the article gives, and one thing of the same kind
/// that the list leaves out. The list is what a clause says its subject is or includes ("The three sources of
/// European Union law are primary law, secondary law and supplementary law") or what a cue introduces ("such
/// as"). The odd one out is another of the article's terms with a member's head noun ("case law" beside the
/// sources), another of its names of the members' kind, or WordNet's other kind of the members' class (copper
/// beside lead, tin and antimony) that the article never mentions.</summary>
internal sealed class ListQuestions(ArticleReading article, IReadOnlyDictionary<string, int> keyTerms)
{
    private static readonly HashSet<string> ListingVerbs = new(StringComparer.Ordinal) { "be", "include", "comprise", "consist", "contain" };

    public Draft? Write(SentenceReading s)
    {
        var list = s.Facts.FirstOrDefault(f => f.Kind == FactKind.ListItem && f.ListMembers is { Count: >= 3 });
        if (list is null)
        {
            return null;
        }
        var members = list.ListMembers!;
        if (!members.All(m => IsNounPhrase(s, m)))
        {
            return null; // "establish, equip and manage": a list of doings, not of things
        }
        // The list must be what the clause says its subject is or holds: "the values the article lists" asks a
        // reader to know which list is meant.
        var what = WhatTheListIs(s, members);
        if (what is null)
        {
            return null;
        }
        var absent = Absent(s, members);
        if (absent is null)
        {
            return null;
        }
        var shown = members.Take(3).Append(absent).ToList();
        var prompt = what.StartsWith("which of these", StringComparison.Ordinal) ? Grammar.AsQuestion(what) : $"Which of these is NOT one of {what}?";
        if (prompt.Split(' ').Length > Checks.MaxPromptWords)
        {
            return null;
        }
        return new Draft(new MultipleChoiceQuestion
        {
            Id = "", Prompt = prompt, Answer = absent, Choices = Distractors.Shuffle(shown.ToArray(), Distractors.Hash(s.Text)),
            Explanation = $"The article names {string.Join(", ", members.Take(members.Count - 1))} and {members[^1]}: “{s.Text}”",
        }, s, Form.NotInList, "list|" + s.Index, 1.0);
    }

    /// <summary>Whether a list member is a thing's name: nouns and their adjectives, ending in a noun, four words at most.</summary>
    private static bool IsNounPhrase(SentenceReading s, string member)
    {
        var at = s.Text.IndexOf(member, StringComparison.Ordinal);
        if (at < 0 || member.Split(' ').Length > 4)
        {
            return false;
        }
        var tokens = s.Tokens.Where(t => t.Token.Start >= at && t.Token.End <= at + member.Length).ToList();
        return tokens.Count > 0 && tokens[^1].IsNoun && tokens.All(t => t.IsNoun || t.IsAdjective || t.Pos is Pos.CD or Pos.POS || t.Text is "-" or "'s" or "’s");
    }

    /// <summary>The clause's subject, when the list is what it is or includes: "the three sources of European Union law".</summary>
    private string? WhatTheListIs(SentenceReading s, IReadOnlyList<string> members)
    {
        if (s.Clause is not { IsNegated: false } c || Morphology.VerbLemma(s.Tokens[c.MainVerb].Text) is not { } verb || !ListingVerbs.Contains(verb))
        {
            return null;
        }
        var rest = c.Text(c.FullRest);
        if (!members.All(m => rest.Contains(m, StringComparison.Ordinal)))
        {
            return null;
        }
        var w = new Wording(article, s);
        if (!w.ResolveAll(c.Subject.Start, c.Subject.End) || w.PointsOutside(c.Subject.Start, c.Subject.End) || c.Subject.Length > 10)
        {
            return null;
        }
        var subject = Grammar.LowerFirst(s.Tokens, c.Subject.Start, w.Render(c.Subject.Start, c.Subject.End));
        // "Possible missions included …": missions of what? A subject with no determiner says which only when it
        // names something or is one of the article's terms ("Greenhouse gases include …").
        if (s.Tokens[c.Subject.Start].Pos is not (Pos.DT or Pos.PRPS) && !Enumerable.Range(c.Subject.Start, c.Subject.Length).Any(k => s.MentionAt(k) is not null)
            && keyTerms.GetValueOrDefault(subject) < 2)
        {
            return null;
        }
        if (verb == "be" && s.Tokens[c.Subject.End - 1].Pos is not (Pos.NNS or Pos.NNPS))
        {
            return null; // "Tourism is …": a list of what a single thing is says no category
        }
        if (verb != "be")
        {
            // "The descent stage contained …" → "which of these did the descent stage NOT contain"
            var main = s.Tokens[c.MainVerb];
            var aux = c.Auxiliary >= 0 ? s.Tokens[c.Auxiliary].Lower : Grammar.DoFor(main.Pos);
            return c.Auxiliary >= 0 && c.Auxiliary != c.MainVerb
                ? $"which of these {aux} {subject} NOT {main.Text}{(verb == "consist" ? " of" : "")}"
                : $"which of these {aux} {subject} NOT {verb}{(verb == "consist" ? " of" : "")}";
        }
        return s.Tokens[c.Subject.Start].Pos is Pos.DT ? subject : "the " + subject;
    }

    /// <summary>A thing of the members' kind that the list leaves out.</summary>
    private string? Absent(SentenceReading s, IReadOnlyList<string> members)
    {
        var seed = Distractors.Hash(string.Join('|', members));
        bool Fresh(string n) => !Text.ContainsWord(s.Text, n) && !members.Any(m => m.Contains(n, StringComparison.OrdinalIgnoreCase) || n.Contains(m, StringComparison.OrdinalIgnoreCase));
        // Named members: another name of their kind from the article.
        var named = members.Select(m => article.Entities.Find(m)).ToList();
        if (named.All(e => e is { Kind.IsKnown: true }) && named.Select(e => e!.Kind).Distinct().Count() == 1)
        {
            var kind = named[0]!.Kind;
            return article.Entities.Entities.Where(e => e.Kind.Matches(kind) && !named.Contains(e) && Fresh(e.Name))
                .OrderByDescending(e => e.SentenceCount).ThenBy(e => e.Name, StringComparer.Ordinal).Select(e => e.Name).FirstOrDefault();
        }
        if (members.Any(m => char.IsUpper(m[0])))
        {
            return null;
        }
        // Terms: another of the article's terms with a member's head noun ("primary law" beside "case law").
        var heads = members.Select(m => Morphology.Singular(m.Split(' ')[^1])).ToHashSet(StringComparer.Ordinal);
        var sameHead = keyTerms.Keys.Where(k => !char.IsUpper(k[0]) && k.Contains(' ', StringComparison.Ordinal) && heads.Contains(Morphology.Singular(k.Split(' ')[^1])) && Fresh(k))
            .OrderByDescending(k => keyTerms[k]).ThenBy(k => k, StringComparer.Ordinal).FirstOrDefault();
        if (sameHead is not null)
        {
            return sameHead;
        }
        // Otherwise WordNet's other kind of the class all members share, one the article never mentions.
        var senses = members.Select(m => WordNet.Senses(m).FirstOrDefault()).ToList();
        if (senses.Any(x => x is null))
        {
            return null;
        }
        var classes = senses.Select(x => WordNet.Ancestors(x!, 3).Select(a => a.Id).ToHashSet()).ToList();
        var shared = WordNet.Ancestors(senses[0]!, 3).FirstOrDefault(a => classes.All(c => c.Contains(a.Id)));
        if (shared is null || shared.Class is NounClass.Tops)
        {
            return null;
        }
        return WordNet.Members(shared).Select(m => m.Lemmas[0].Replace('_', ' '))
            .Where(n => !Text.ContainsWord(article.Article.Text, n) && char.IsLower(n[0]) && n.Split(' ').Length <= 3 && Fresh(n))
            .OrderBy(n => Distractors.Hash(n, seed)).FirstOrDefault();
    }
}
