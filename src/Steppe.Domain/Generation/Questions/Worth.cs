using Steppe.Domain.Generation.Entities;
using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Generation.Questions;

/// <summary>How much a fact is worth learning: the year of a founding more than the year a figure was measured,
/// a round figure more than an exact count.</summary>
internal static class Worth
{
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
    public static double Year(TaggedToken verb) =>
        Morphology.VerbLemma(verb.Text) is { } lemma ? EventVerbs.Contains(lemma) ? 1.1 : StatisticVerbs.Contains(lemma) ? 0.55 : 0.85 : 0.85;

    private static readonly HashSet<string> StatisticNouns = new(StringComparer.Ordinal)
    {
        "study", "report", "survey", "estimate", "statistic", "figure", "evidence", "census", "poll", "index", "ranking", "data", "rate", "campaign",
        "advertisement", "advert", "commercial", "record", "milestone", "subscriber", "percentage", "share", "total",
    };

    /// <summary>Whether the year of what a clause tells is worth asking: an event's ("In 1455 Fust sued Gutenberg
    /// for 2,026 guilders"), not the year a figure was measured or a study published.</summary>
    public static bool YearAskable(SentenceReading s, Clause c)
    {
        var worth = Year(s.Tokens[c.MainVerb]);
        return worth >= 0.6 && !AboutStatistic(s, c) && (worth > 1 || !HasFigure(s, c));
    }

    /// <summary>Whether a clause tells a figure or a report rather than an event: the year it was measured or
    /// published is trivia ("In which year did Credit Suisse publish a study …").</summary>
    public static bool Statistical(SentenceReading s, Clause c) => HasFigure(s, c) || AboutStatistic(s, c);

    private static bool HasFigure(SentenceReading s, Clause c) => s.Facts.Any(f => f.IsNumeric && c.Rest.Contains(ClauseQuestions.TokenAt(s, f.AnswerStart)));

    private static bool AboutStatistic(SentenceReading s, Clause c) =>
        Enumerable.Range(c.Subject.Start, c.Rest.End - c.Subject.Start).Any(k => s.Tokens[k].IsNoun && StatisticNouns.Contains(Morphology.Singular(s.Tokens[k].Text)));

    /// <summary>How much a figure is worth learning: round figures more than exact counts ("1,178,914").</summary>
    public static double Figure(Fact f)
    {
        var digits = f.Answer.Count(char.IsDigit) - f.Answer.Reverse().TakeWhile(ch => ch is '0' or ',').Count(char.IsDigit);
        return digits >= 4 ? 0.6 : digits == 3 ? 0.85 : 1.0;
    }
}
