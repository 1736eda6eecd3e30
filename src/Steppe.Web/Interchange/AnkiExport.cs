using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Steppe.Domain.Banks;
using Steppe.Domain.Interchange;

namespace Steppe.Web.Interchange;

/// <summary>A bank as an Anki package in the legacy layout every Anki version imports (<c>collection.anki2</c>,
/// SQLite schema 11, its pictures as entries "0", "1", … named by the <c>media</c> map): one deck named after the bank, a cloze question as a Cloze note
/// (its blank as <c>{{c1::answer}}</c>), every other question as a Basic note, the front showing the prompt (and a
/// multiple choice's choices), the back the answer and explanation. Notes are numbered in bank order and keep guids
/// made from the bank and question ids, so importing a newer export into Anki updates the notes rather than doubling
/// them.</summary>
public static class AnkiExport
{
    private const long BasicId = 1_342_697_561_419, ClozeId = 1_342_697_561_420, DeckId = 1_342_697_561_421;

    /// <param name="pictures">The files of the pictures the bank names, by src ("media/map.png"); a picture missing
    /// from it is left out of the note.</param>
    public static byte[] Write(QuestionBank bank, DateTimeOffset now, IReadOnlyDictionary<string, byte[]>? pictures = null)
    {
        pictures ??= new Dictionary<string, byte[]>();
        var path = Path.Combine(Path.GetTempPath(), $"steppe-export-{System.Guid.NewGuid():N}.anki2");
        try
        {
            using (var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
            {
                db.Open();
                using var transaction = db.BeginTransaction();
                Execute(db, Schema);
                var seconds = now.ToUnixTimeSeconds();
                Execute(db, "INSERT INTO col VALUES (1, $crt, $mod, $mod, 11, 0, 0, 0, $conf, $models, $decks, $dconf, '{}')",
                    ("$crt", seconds - seconds % 86400), ("$mod", now.ToUnixTimeMilliseconds()), ("$conf", Conf(bank.Questions.Count)),
                    ("$models", Models(seconds)), ("$decks", Decks(bank.Title, seconds)), ("$dconf", DeckConfig()));
                var position = 0;
                foreach (var q in bank.Questions)
                {
                    var (type, fields) = Fields(q, src => pictures.ContainsKey(src));
                    var id = FirstId + position; // in bank order: Anki lists and a reader reads notes by id
                    var first = q.Prompt; // the sort field and checksum: the first field as text
                    Execute(db, "INSERT INTO notes VALUES ($id, $guid, $mid, $mod, -1, '', $flds, $sfld, $csum, 0, '')",
                        ("$id", id), ("$guid", NoteGuid(bank.Id, q.Id)), ("$mid", type), ("$mod", seconds), ("$flds", string.Join('\x1f', fields)),
                        ("$sfld", first), ("$csum", Checksum(first)));
                    Execute(db, "INSERT INTO cards VALUES ($id, $nid, $did, 0, $mod, -1, 0, 0, $due, 0, 0, 0, 0, 0, 0, 0, 0, '')",
                        ("$id", id), ("$nid", id), ("$did", DeckId), ("$mod", seconds), ("$due", ++position));
                }
                transaction.Commit();
            }
            using var package = new MemoryStream();
            using (var zip = new ZipArchive(package, ZipArchiveMode.Create, leaveOpen: true))
            {
                zip.CreateEntryFromFile(path, "collection.anki2");
                // Anki's media map: entry "0" is the file named pictures[0], and so on; a field's <img src> names the file.
                var map = new Dictionary<string, string>();
                foreach (var (src, bytes) in pictures.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    var entry = map.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    map[entry] = new QuestionImage(src, "").FileName;
                    using var file = zip.CreateEntry(entry, CompressionLevel.NoCompression).Open(); // pictures are compressed already
                    file.Write(bytes);
                }
                using var media = zip.CreateEntry("media").Open();
                media.Write(JsonSerializer.SerializeToUtf8Bytes(map));
            }
            return package.ToArray();
        }
        finally
        {
            File.Delete(path); // the connection was not pooled: closed, the file can go
        }
    }

    /// <summary>The note type and field values (HTML) of a question; its pictures as Anki's <c>&lt;img&gt;</c>, where
    /// <paramref name="has"/> says the file is in the package.</summary>
    private static (long Type, string[] Fields) Fields(Question q, Func<string, bool> has)
    {
        var extra = q.Explanation is null ? "" : $"<br><br>{Html(q.Explanation)}";
        var picture = Img(q.Image, has) is { Length: > 0 } img ? $"<br>{img}" : "";
        return q switch
        {
            ClozeQuestion c => (ClozeId, [Html(c.Prompt).Replace(ClozeQuestion.Blank, $"{{{{c1::{Html(c.Answer)}}}}}", StringComparison.Ordinal) + picture, Html(q.Explanation ?? "")]),
            MultipleChoiceQuestion mc => (BasicId, [$"{Html(mc.Prompt)}{picture}<br><br>{string.Join("<br>", mc.Choices.Select((choice, i) => Img(mc.ChoiceImages?[i], has) + Html(choice)))}", Html(mc.Answer) + extra]),
            TrueFalseQuestion tf => (BasicId, [$"True or false? {Html(tf.Prompt)}{picture}", (tf.Answer ? "True" : "False") + (tf.Correction is null ? "" : $"<br>{Html(tf.Correction)}") + extra]),
            _ => (BasicId, [Html(q.Prompt) + picture, Html(TermList.ShownAnswer(q)) + extra]),
        };
    }

    private static string Img(QuestionImage? image, Func<string, bool> has) =>
        // The file's name in Anki's media folder: its name in the bank's media, unique already.
        image is not null && has(image.Src) ? $"<img src=\"{Html(image.FileName)}\" alt=\"{Html(image.Alt)}\">" : "";

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The first note id (Anki: epoch milliseconds, unique in the package).</summary>
    private const long FirstId = 1_500_000_000_000;

    private static string NoteGuid(string bank, string question) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"steppe:{bank}/{question}")), 0, 8).TrimEnd('=');

    /// <summary>Anki's field checksum: the first 8 hex digits of the SHA-1 of the first field's text, as a number.</summary>
    private static long Checksum(string text) => Convert.ToInt64(Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(text)))[..8], 16);

    private static string Conf(int questions) => JsonSerializer.Serialize(new
    {
        activeDecks = new[] { DeckId }, curDeck = DeckId, newSpread = 0, collapseTime = 1200, timeLim = 0, estTimes = true, dueCounts = true,
        curModel = BasicId, nextPos = questions + 1, sortType = "noteFld", sortBackwards = false, addToCur = true,
    });

    private static string Models(long seconds) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        [$"{BasicId}"] = Model(BasicId, "Basic (Steppe)", 0, seconds, ["Front", "Back"],
            [Template("Card 1", 0, "{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}")], [[0, "any", new[] { 0 }]]),
        [$"{ClozeId}"] = Model(ClozeId, "Cloze (Steppe)", 1, seconds, ["Text", "Back Extra"],
            [Template("Cloze", 0, "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}")], [[0, "any", new[] { 0 }]]),
    });

    private static object Model(long id, string name, int type, long seconds, string[] fields, object[] templates, object[][] req) => new Dictionary<string, object?>
    {
        ["id"] = id, ["name"] = name, ["type"] = type, ["mod"] = seconds, ["usn"] = -1, ["sortf"] = 0, ["did"] = DeckId,
        ["tmpls"] = templates,
        ["flds"] = fields.Select((f, i) => new Dictionary<string, object> { ["name"] = f, ["ord"] = i, ["sticky"] = false, ["rtl"] = false, ["font"] = "Arial", ["size"] = 20, ["media"] = Array.Empty<string>() }).ToArray(),
        ["css"] = ".card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }\n.cloze { font-weight: bold; color: blue; }",
        ["latexPre"] = "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        ["latexPost"] = "\\end{document}", ["latexsvg"] = false, ["req"] = req, ["tags"] = Array.Empty<string>(), ["vers"] = Array.Empty<object>(),
    };

    private static object Template(string name, int ord, string front, string back) => new Dictionary<string, object?>
    {
        ["name"] = name, ["ord"] = ord, ["qfmt"] = front, ["afmt"] = back, ["bqfmt"] = "", ["bafmt"] = "", ["did"] = null, ["bfont"] = "", ["bsize"] = 0,
    };

    private static string Decks(string title, long seconds) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["1"] = Deck(1, "Default", seconds),
        [$"{DeckId}"] = Deck(DeckId, title.Replace("::", ":", StringComparison.Ordinal), seconds),
    });

    private static Dictionary<string, object> Deck(long id, string name, long seconds) => new()
    {
        ["id"] = id, ["name"] = name, ["mod"] = seconds, ["usn"] = -1, ["desc"] = "", ["dyn"] = 0, ["conf"] = 1, ["collapsed"] = false,
        ["browserCollapsed"] = false, ["extendNew"] = 0, ["extendRev"] = 0,
        ["newToday"] = new[] { 0, 0 }, ["revToday"] = new[] { 0, 0 }, ["lrnToday"] = new[] { 0, 0 }, ["timeToday"] = new[] { 0, 0 },
    };

    private static string DeckConfig() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["1"] = new Dictionary<string, object>
        {
            ["id"] = 1, ["name"] = "Default", ["mod"] = 0, ["usn"] = 0, ["maxTaken"] = 60, ["autoplay"] = true, ["timer"] = 0, ["replayq"] = true, ["dyn"] = false,
            ["new"] = new { delays = new[] { 1.0, 10.0 }, ints = new[] { 1, 4, 0 }, initialFactor = 2500, order = 1, perDay = 20, bury = false },
            ["rev"] = new { perDay = 200, ease4 = 1.3, ivlFct = 1.0, maxIvl = 36500, hardFactor = 1.2, bury = false },
            ["lapse"] = new { delays = new[] { 10.0 }, mult = 0.0, minInt = 1, leechFails = 8, leechAction = 1 },
        },
    });

    private static void Execute(SqliteConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.ExecuteNonQuery();
    }

    /// <summary>Anki's schema 11 (rslib/src/storage/schema11.sql), with its indexes.</summary>
    private const string Schema = """
        CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL, ver integer NOT NULL,
          dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
          dconf text NOT NULL, tags text NOT NULL);
        CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL,
          tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL, mod integer NOT NULL,
          usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
          reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL,
          data text NOT NULL);
        CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL, ivl integer NOT NULL,
          lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
        CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
        CREATE INDEX ix_notes_usn ON notes (usn);
        CREATE INDEX ix_cards_usn ON cards (usn);
        CREATE INDEX ix_revlog_usn ON revlog (usn);
        CREATE INDEX ix_cards_nid ON cards (nid);
        CREATE INDEX ix_cards_sched ON cards (did, queue, due);
        CREATE INDEX ix_revlog_cid ON revlog (cid);
        CREATE INDEX ix_notes_csum ON notes (csum);
        """;
}
