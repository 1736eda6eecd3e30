using System.Text.RegularExpressions;
using Steppe.Domain.Banks;

namespace Steppe.Domain.Interchange;

/// <summary>An Anki note type: its fields in order, and its card templates (front and back, Anki's template
/// language), or a cloze type.</summary>
public sealed record AnkiNoteType(long Id, string Name, bool IsCloze, IReadOnlyList<string> Fields, IReadOnlyList<AnkiTemplate> Templates);

public sealed record AnkiTemplate(string Name, string Front, string Back);

/// <summary>A note with its field values as plain text (the caller turns Anki's HTML into text), and the pictures
/// each field shows (<c>&lt;img src&gt;</c>), by field.</summary>
public sealed record AnkiNote(long Id, long NoteTypeId, IReadOnlyList<string> Fields, IReadOnlyList<IReadOnlyList<AnkiPicture>>? Pictures = null);

/// <summary>A picture of a note: the file name in the package's media, and its alt text when the field gave one.</summary>
public sealed record AnkiPicture(string File, string? Alt);

/// <summary>A card of a note: <paramref name="Ord"/> is its template's index, or for a cloze note its cloze
/// number minus one.</summary>
public sealed record AnkiCard(long Id, long NoteId, int Ord);

/// <summary>Anki's notes and cards as questions, one question a card, as Anki would show them: a card of a
/// standard note type (Basic, Basic and reversed, optional reversed, type in the answer, or any other) asks the
/// fields its template's front shows and answers with the first field only its back adds; a cloze card blanks
/// its own deletion and shows the others. Question ids are <c>n{note id}-{card number}</c>, stable across
/// imports of the same deck. Items are numbered by note, from 1, in the order given.</summary>
public static partial class AnkiNotes
{
    /// <summary>A question's picture from Anki is named <c>anki:</c> and the package's file name until the caller
    /// stores the file and names it as the bank format does (<c>media/…</c>), or drops it.</summary>
    public const string PictureScheme = "anki:";

    /// <summary>The alt text of a picture whose field gave none: a placeholder that gives nothing away.</summary>
    public const string NoAlt = "A picture from the Anki note";

    /// <summary>The prompt of a card whose front is a picture only.</summary>
    public const string PicturePrompt = "What does the picture show?";

    public static ImportResult ToQuestions(IReadOnlyList<AnkiNoteType> types, IReadOnlyList<AnkiNote> notes, IReadOnlyList<AnkiCard> cards)
    {
        var typeById = types.ToDictionary(t => t.Id);
        var cardsByNote = cards.GroupBy(c => c.NoteId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Ord).ToList());
        var (found, skipped) = (new List<ImportedQuestion>(), new List<NotConverted>());
        for (var i = 0; i < notes.Count; i++)
        {
            var (note, number) = (notes[i], i + 1);
            var text = Shorten(string.Join(" | ", note.Fields));
            if (!typeById.TryGetValue(note.NoteTypeId, out var type))
            {
                skipped.Add(new NotConverted(number, text, "its note type is missing from the file"));
                continue;
            }
            foreach (var card in cardsByNote.GetValueOrDefault(note.Id) ?? [])
            {
                var (question, reason) = type.IsCloze ? Cloze(type, note, card) : Standard(type, note, card);
                if (question is not null)
                {
                    found.Add(new ImportedQuestion(number, question));
                }
                else
                {
                    skipped.Add(new NotConverted(number, text, $"card {card.Ord + 1} ({type.Name}): {reason}"));
                }
            }
        }
        return new ImportResult(found, skipped);
    }

    private static (Question?, string?) Standard(AnkiNoteType type, AnkiNote note, AnkiCard card)
    {
        if (card.Ord >= type.Templates.Count)
        {
            return (null, "no template for this card");
        }
        var template = type.Templates[card.Ord];
        // {{type:Back}} on the front is the box the learner types the answer in: the answer, not the question.
        var front = FieldsOf(template.Front).Except(TypedFields(template.Front)).ToList();
        var back = FieldsOf(template.Back).Where(f => f != "FrontSide" && !front.Contains(f)).ToList();
        var prompt = string.Join(" · ", front.Select(f => Value(type, note, f)).Where(v => v.Length > 0));
        var answer = back.Select(f => Value(type, note, f)).FirstOrDefault(v => v.Length > 0) ?? "";
        var picture = front.SelectMany(f => PicturesOf(type, note, f)).FirstOrDefault();
        if (prompt.Length == 0 && picture is null)
        {
            return (null, "its front is empty (a sound only?)");
        }
        if (answer.Length == 0)
        {
            return (null, back.Any(f => PicturesOf(type, note, f).Any()) ? "its back is a picture only; a Steppe answer is text" : "its back adds no text to the front");
        }
        return (new ShortAnswerQuestion { Id = Id(note, card), Prompt = prompt.Length > 0 ? prompt : PicturePrompt, Answer = answer, Image = Image(picture) }, null);
    }

    private static (Question?, string?) Cloze(AnkiNoteType type, AnkiNote note, AnkiCard card)
    {
        var template = type.Templates.Count > 0 ? type.Templates[0] : new AnkiTemplate("Cloze", "{{cloze:Text}}", "{{cloze:Text}}");
        var field = FieldsOf(template.Front).FirstOrDefault() ?? type.Fields.FirstOrDefault() ?? "Text";
        var text = Value(type, note, field);
        var wanted = card.Ord + 1;
        var deletions = Deletion().Matches(text).Where(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) == wanted).ToList();
        if (deletions.Count == 0)
        {
            return (null, $"no deletion c{wanted} in its text");
        }
        if (deletions.Count > 1)
        {
            return (null, $"c{wanted} blanks {deletions.Count} places at once; Steppe's cloze has one blank");
        }
        var answer = deletions[0].Groups[2].Value.Trim();
        var prompt = Deletion().Replace(text, m => m.Index == deletions[0].Index ? ClozeQuestion.Blank : m.Groups[2].Value);
        prompt = string.Join(' ', prompt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (answer.Length == 0 || answer.Contains(ClozeQuestion.Blank, StringComparison.Ordinal))
        {
            return (null, "its deletion is empty");
        }
        var extra = type.Fields.Skip(1).Select(f => Value(type, note, f)).FirstOrDefault(v => v.Length > 0);
        return (new ClozeQuestion { Id = Id(note, card), Prompt = prompt, Answer = answer, Explanation = extra, Image = Image(PicturesOf(type, note, field).FirstOrDefault()) }, null);
    }

    private static IEnumerable<AnkiPicture> PicturesOf(AnkiNoteType type, AnkiNote note, string field)
    {
        var at = type.Fields.ToList().IndexOf(field);
        return note.Pictures is { } pictures && at >= 0 && at < pictures.Count ? pictures[at] : [];
    }

    private static QuestionImage? Image(AnkiPicture? picture) =>
        picture is null ? null : new QuestionImage(PictureScheme + picture.File, string.IsNullOrWhiteSpace(picture.Alt) ? NoAlt : picture.Alt.Trim());

    /// <summary>The fields a template shows, in order: <c>{{Field}}</c>, <c>{{type:Field}}</c>, <c>{{cloze:Field}}</c>,
    /// <c>{{text:Field}}</c>, …, not the section markers <c>{{#Field}}</c>, <c>{{^Field}}</c>, <c>{{/Field}}</c>.</summary>
    public static IEnumerable<string> FieldsOf(string template) =>
        Reference().Matches(template).Select(m => m.Groups[1].Value.Trim())
            .Select(r => r.Contains(':', StringComparison.Ordinal) ? r[(r.LastIndexOf(':') + 1)..].Trim() : r)
            .Where(r => r.Length > 0).Distinct();

    private static IEnumerable<string> TypedFields(string template) =>
        Reference().Matches(template).Select(m => m.Groups[1].Value.Trim()).Where(r => r.StartsWith("type:", StringComparison.Ordinal)).Select(r => r[5..].Trim());

    private static string Value(AnkiNoteType type, AnkiNote note, string field)
    {
        var at = type.Fields.ToList().IndexOf(field);
        return at >= 0 && at < note.Fields.Count ? note.Fields[at].Trim() : "";
    }

    private static string Id(AnkiNote note, AnkiCard card) => QuestionId(note.Id, card.Ord);

    /// <summary>The id of the question a card of a note becomes.</summary>
    public static string QuestionId(long noteId, int ord) => $"n{Math.Abs(noteId)}-{ord + 1}";

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;

    [GeneratedRegex(@"\{\{c(\d+)::(.*?)(?:::[^}]*)?\}\}", RegexOptions.Singleline)]
    private static partial Regex Deletion();

    [GeneratedRegex(@"\{\{(?![#^/!])([^{}]+)\}\}")]
    private static partial Regex Reference();
}
