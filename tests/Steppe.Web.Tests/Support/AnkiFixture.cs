using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Steppe.Web.Tests.Support;

/// <summary>Anki packages built in the test from Anki's documented layout (schema 11 with note types as JSON, schema
/// 18 with note types in tables and protobuf settings, zstd for the newest format), independently of Steppe's own
/// reader: a Basic (and reversed) note type and a Cloze one, with the notes and cards given.</summary>
public static class AnkiFixture
{
    public const long BasicReversed = 1700000000001, Cloze = 1700000000002;

    public sealed record Note(long Id, long Type, string[] Fields, int[] Cards);

    /// <summary>A package of the given layout: "anki2" (legacy 1), "anki21" (legacy 2) or "anki21b" (latest).</summary>
    /// <summary>An answer of the review log: the card (numbered from 1 in the order the notes list them), when (epoch ms),
    /// the button, the kind and the time taken.</summary>
    public sealed record Review(long Card, long At, int Ease, int Type, int TimeMs);

    /// <param name="pictures">Files of the package's media, by name, each stored as the layout stores it.</param>
    public static byte[] Package(string layout, IReadOnlyList<Note> notes, Action<ZipArchive>? more = null, IReadOnlyList<Review>? reviews = null,
        IReadOnlyDictionary<string, byte[]>? pictures = null)
    {
        pictures ??= new Dictionary<string, byte[]>();
        var names = pictures.Keys.Order(StringComparer.Ordinal).ToList();
        var path = Path.Combine(Path.GetTempPath(), $"fixture-{Guid.NewGuid():N}.db");
        try
        {
            using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                db.Open();
                Execute(db, layout == "anki21b" ? Schema18 : Schema11);
                if (layout == "anki21b")
                {
                    NoteTypes18(db);
                }
                else
                {
                    Execute(db, "INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', $models, '{}', '{}', '{}')", ("$models", Models11()));
                }
                var card = 1;
                foreach (var n in notes)
                {
                    Execute(db, "INSERT INTO notes VALUES ($id, $guid, $mid, 0, -1, '', $flds, 0, 0, 0, '')",
                        ("$id", n.Id), ("$guid", $"g{n.Id}"), ("$mid", n.Type), ("$flds", string.Join('\x1f', n.Fields)));
                    foreach (var ord in n.Cards)
                    {
                        Execute(db, "INSERT INTO cards VALUES ($id, $nid, 1, $ord, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '')",
                            ("$id", card++), ("$nid", n.Id), ("$ord", ord));
                    }
                }
                foreach (var r in reviews ?? [])
                {
                    Execute(db, "INSERT INTO revlog VALUES ($id, $cid, -1, $ease, 1, 0, 2500, $time, $type)",
                        ("$id", r.At), ("$cid", r.Card), ("$ease", r.Ease), ("$time", r.TimeMs), ("$type", r.Type));
                }
            }
            SqliteConnection.ClearAllPools();
            var collection = File.ReadAllBytes(path);
            using var zip = new MemoryStream();
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            {
                switch (layout)
                {
                    case "anki2":
                        Add(archive, "collection.anki2", collection);
                        Add(archive, "media", LegacyMedia(archive, names, pictures));
                        break;
                    case "anki21":
                        Add(archive, "collection.anki2", [1, 2, 3]); // the dummy: never read
                        Add(archive, "collection.anki21", collection);
                        Add(archive, "meta", [0x08, 0x02]); // PackageMetadata { version = 2 }
                        Add(archive, "media", LegacyMedia(archive, names, pictures));
                        break;
                    default:
                        Add(archive, "collection.anki2", [1, 2, 3]);
                        Add(archive, "collection.anki21b", new ZstdSharp.Compressor().Wrap(collection).ToArray());
                        Add(archive, "meta", [0x08, 0x03]); // version = 3
                        // MediaEntries { repeated MediaEntry entries = 1 }, MediaEntry { string name = 1; … }; files zstd-compressed
                        var entries = new List<byte>();
                        foreach (var (name, i) in names.Select((n, i) => (n, i)))
                        {
                            var utf8 = System.Text.Encoding.UTF8.GetBytes(name);
                            byte[] entry = [0x0A, (byte)utf8.Length, .. utf8];
                            entries.AddRange([0x0A, (byte)entry.Length, .. entry]);
                            Add(archive, $"{i}", new ZstdSharp.Compressor().Wrap(pictures[name]).ToArray());
                        }
                        Add(archive, "media", new ZstdSharp.Compressor().Wrap(entries.ToArray()).ToArray());
                        break;
                }
                more?.Invoke(archive);
            }
            return zip.ToArray();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    /// <summary>The legacy media map {"0": name, …}, each file added as its number.</summary>
    private static byte[] LegacyMedia(ZipArchive archive, List<string> names, IReadOnlyDictionary<string, byte[]> pictures)
    {
        for (var i = 0; i < names.Count; i++)
        {
            Add(archive, $"{i}", pictures[names[i]]);
        }
        return JsonSerializer.SerializeToUtf8Bytes(names.Select((n, i) => (n, i)).ToDictionary(x => $"{x.i}", x => x.n));
    }

    public static void Add(ZipArchive archive, string name, byte[] bytes)
    {
        using var entry = archive.CreateEntry(name).Open();
        entry.Write(bytes);
    }

    private static string Models11() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        [BasicReversed.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new
        {
            id = BasicReversed, name = "Basic (and reversed card)", type = 0,
            flds = new[] { new { name = "Front", ord = 0 }, new { name = "Back", ord = 1 } },
            tmpls = new[]
            {
                new { name = "Card 1", ord = 0, qfmt = "{{Front}}", afmt = "{{FrontSide}}<hr id=answer>{{Back}}" },
                new { name = "Card 2", ord = 1, qfmt = "{{Back}}", afmt = "{{FrontSide}}<hr id=answer>{{Front}}" },
            },
        },
        [Cloze.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new
        {
            id = Cloze, name = "Cloze", type = 1,
            flds = new[] { new { name = "Text", ord = 0 }, new { name = "Back Extra", ord = 1 } },
            tmpls = new[] { new { name = "Cloze", ord = 0, qfmt = "{{cloze:Text}}", afmt = "{{cloze:Text}}<br>{{Back Extra}}" } },
        },
    });

    private static void NoteTypes18(SqliteConnection db)
    {
        Execute(db, "INSERT INTO notetypes VALUES ($id, 'Basic (and reversed card)', 0, 0, $config)", ("$id", BasicReversed), ("$config", new byte[] { 0x08, 0x00, 0x10, 0x00 }));
        Execute(db, "INSERT INTO notetypes VALUES ($id, 'Cloze', 0, 0, $config)", ("$id", Cloze), ("$config", new byte[] { 0x10, 0x00, 0x08, 0x01 })); // kind = cloze after another field
        foreach (var (type, ord, name) in new[] { (BasicReversed, 0, "Front"), (BasicReversed, 1, "Back"), (Cloze, 0, "Text"), (Cloze, 1, "Back Extra") })
        {
            Execute(db, "INSERT INTO fields VALUES ($t, $o, $n, x'')", ("$t", type), ("$o", ord), ("$n", name));
        }
        foreach (var (type, ord, name, front, back) in new[]
        {
            (BasicReversed, 0, "Card 1", "{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"),
            (BasicReversed, 1, "Card 2", "{{Back}}", "{{FrontSide}}<hr id=answer>{{Front}}"),
            (Cloze, 0, "Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>{{Back Extra}}"),
        })
        {
            Execute(db, "INSERT INTO templates VALUES ($t, $o, $n, 0, 0, $c)", ("$t", type), ("$o", ord), ("$n", name), ("$c", TemplateConfig(front, back)));
        }
    }

    /// <summary>Template <c>Config { string q_format = 1; string a_format = 2; }</c>, written by hand.</summary>
    private static byte[] TemplateConfig(string front, string back)
    {
        var bytes = new List<byte>();
        foreach (var (field, text) in new[] { (1, front), (2, back) })
        {
            var utf8 = Encoding.UTF8.GetBytes(text);
            bytes.Add((byte)((field << 3) | 2));
            for (var n = (uint)utf8.Length; ; n >>= 7)
            {
                bytes.Add((byte)(n < 0x80 ? n : (n & 0x7f) | 0x80));
                if (n < 0x80)
                {
                    break;
                }
            }
            bytes.AddRange(utf8);
        }
        return [.. bytes];
    }

    public static void Execute(SqliteConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.ExecuteNonQuery();
    }

    private const string Common = """
        CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL,
          tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL, mod integer NOT NULL,
          usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
          reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL, ivl integer NOT NULL,
          lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
        """;

    private const string Schema11 = Common + """
        CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL, ver integer NOT NULL,
          dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
          dconf text NOT NULL, tags text NOT NULL);
        """;

    private const string Schema18 = Common + """
        CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL, ver integer NOT NULL,
          dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
          dconf text NOT NULL, tags text NOT NULL);
        CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL, mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
        CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL, config blob NOT NULL, PRIMARY KEY (ntid, ord));
        CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL, mtime_secs integer NOT NULL, usn integer NOT NULL,
          config blob NOT NULL, PRIMARY KEY (ntid, ord));
        """;
}
