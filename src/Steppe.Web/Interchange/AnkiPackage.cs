using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Steppe.Domain.Banks;
using Steppe.Domain.Interchange;

namespace Steppe.Web.Interchange;

/// <summary>One answer of Anki's review log (<c>revlog</c>): when (<paramref name="At"/>, epoch ms), on which note
/// and card number, the button (<paramref name="Ease"/> 1–4; 0 for a manual change), its kind (<paramref name="Type"/>:
/// 0 learning, 1 review, 2 relearning, 3 filtered, 4 manual, 5 rescheduled), and the time taken in ms.</summary>
public sealed record AnkiReview(long At, long NoteId, int Ord, int Ease, int Type, long TimeMs)
{
    /// <summary>The question the card became on import (<see cref="AnkiNotes"/>).</summary>
    public string QuestionId => AnkiNotes.QuestionId(NoteId, Ord);
}

/// <summary>Why an imported file (an Anki package, a spreadsheet) cannot be read, in words that finish "The file …".</summary>
public sealed class ImportFileException(string message) : Exception(message);

/// <summary>Reads an Anki package (<c>.apkg</c>, or <c>.colpkg</c>, the whole collection) into questions: the ZIP
/// holds the collection as SQLite, <c>collection.anki2</c> or <c>collection.anki21</c> (schema 11, note types as
/// JSON) or <c>collection.anki21b</c> (zstd-compressed, schema 18, note types in tables with protobuf settings),
/// chosen by the package's <c>meta</c> entry. Hostile files are refused before they cost much: too many entries,
/// names that leave the package, an entry larger than its limit however small its compressed size (read with a
/// counting stream, not trusting the sizes the ZIP declares), a collection of too many notes or cards, and tables
/// that are not tables. Field HTML is made text by a maintained sanitiser, scripts and all.</summary>
public static class AnkiPackage
{
    public const int MostEntries = 20_000;
    public const long MostCollectionBytes = 256L * 1024 * 1024;
    public const int MostNotes = 20_000;
    public const int MostCards = 50_000;

    /// <summary>The questions of a package without their pictures (a card that is only a picture not converted), and
    /// notes of what was lost on the way.</summary>
    public static (ImportResult Result, IReadOnlyList<string> Warnings) Read(Stream package)
    {
        var (result, warnings, _) = ReadWithPictures(package);
        return (ImportedPictures.Apply(result, new Dictionary<string, string>()), warnings);
    }

    /// <summary>As <see cref="Read"/>, with the files of the pictures the questions name (<see cref="AnkiNotes.PictureScheme"/>),
    /// by file name, as the package holds them (unchecked: the caller checks and cleans them as any upload).</summary>
    public static (ImportResult Result, IReadOnlyList<string> Warnings, IReadOnlyDictionary<string, byte[]> Pictures) ReadWithPictures(Stream package) =>
        WithCollection(package, (db, tables, zip) =>
        {
            var (result, warnings) = ReadCollection(db, tables);
            var named = result.Found.SelectMany(f => QuestionImage.AllIn(f.Question)).Select(i => i.Src[AnkiNotes.PictureScheme.Length..]).ToHashSet(StringComparer.Ordinal);
            var pictures = AnkiMedia.Read(zip.Archive, zip.Latest, named, warnings);
            return (result, (IReadOnlyList<string>)warnings, pictures);
        });

    /// <summary>The longest note read (all its fields together): a field of hundreds of megabytes would cost
    /// gigabytes as HTML.</summary>
    public const int MostNoteCharacters = 1_000_000;

    /// <summary>The most rows read of the small tables (note types, fields, templates).</summary>
    private const int MostTypeRows = 10_000;

    /// <summary>The review history of a package: every answer of its review log with the note and card number it
    /// belongs to, oldest first. At most <see cref="MostReviews"/>.</summary>
    public static IReadOnlyList<AnkiReview> ReadHistory(Stream package) => WithCollection(package, (db, _, _) =>
    {
        if (Count(db, "revlog") > MostReviews)
        {
            throw new ImportFileException($"holds more than {MostReviews:N0} reviews: export a smaller deck from Anki");
        }
        var reviews = new List<AnkiReview>();
        using var command = Command(db, "SELECT r.id, c.nid, c.ord, r.ease, r.type, r.time FROM revlog r JOIN cards c ON c.id = r.cid ORDER BY r.id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            reviews.Add(new AnkiReview(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt64(5)));
        }
        return reviews;
    });

    public const int MostReviews = 500_000;

    /// <summary>Checks the package, unpacks its collection to a temporary file (deleted after), and reads it with the
    /// names of its real tables: a view posing as a table (a recursive query can cost any time and memory) is never
    /// read. A collection that cannot be read as Anki's, however it fails, is a sentence for the sender.</summary>
    private static T WithCollection<T>(Stream package, Func<SqliteConnection, IReadOnlySet<string>, (ZipArchive Archive, bool Latest), T> read)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException("is not an Anki package (.apkg or .colpkg files are ZIP archives)");
        }
        using (zip)
        {
            if (zip.Entries.Count > MostEntries)
            {
                throw new ImportFileException($"has {zip.Entries.Count:N0} entries; an Anki package read here may have up to {MostEntries:N0}");
            }
            if (zip.Entries.FirstOrDefault(e => e.FullName.Contains("..", StringComparison.Ordinal) || e.FullName.StartsWith('/') || e.FullName.Contains('\\') || e.FullName.Contains(':')) is { } outside)
            {
                throw new ImportFileException($"has an entry named '{outside.FullName}', a path outside the package: refused");
            }
            var path = Path.Combine(Path.GetTempPath(), $"steppe-anki-{Guid.NewGuid():N}.db");
            try
            {
                var (name, compressed) = CollectionEntry(zip);
                using (var output = File.Create(path))
                using (var input = zip.GetEntry(name)!.Open())
                using (var limited = new LimitedStream(compressed ? new ZstdSharp.DecompressionStream(input) : input, MostCollectionBytes, name))
                {
                    limited.CopyTo(output);
                }
                using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
                try
                {
                    db.Open();
                    using (var defensive = Command(db, "PRAGMA trusted_schema = OFF"))
                    {
                        defensive.ExecuteNonQuery();
                    }
                    var tables = Strings(db, "SELECT name FROM sqlite_master WHERE type = 'table'").ToHashSet(StringComparer.Ordinal);
                    Require(tables, "notes", "cards", "revlog");
                    return read(db, tables, (zip, compressed));
                }
                catch (SqliteException e)
                {
                    throw new ImportFileException($"has a collection that cannot be read ({e.Message.TrimEnd('.')})");
                }
                catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidCastException or FormatException
                    or OverflowException or InvalidOperationException or ArgumentException or NullReferenceException)
                {
                    throw new ImportFileException("has a collection whose note types cannot be read as Anki's");
                }
            }
            finally
            {
                File.Delete(path); // the connection was not pooled: closed, the file can go
            }
        }
    }

    /// <summary>Which entry holds the collection, and whether it is zstd-compressed: by the <c>meta</c> entry's
    /// version (protobuf field 1) when there is one, else the newest legacy name present.</summary>
    private static (string Name, bool Compressed) CollectionEntry(ZipArchive zip)
    {
        var version = 0;
        if (zip.GetEntry("meta") is { } meta)
        {
            using var stream = meta.Open();
            using var limited = new LimitedStream(stream, 1024, "meta");
            var bytes = new MemoryStream();
            limited.CopyTo(bytes);
            version = (int)(Protobuf.Varint(bytes.ToArray(), 1) ?? 0);
        }
        if (version >= 3 || (version == 0 && zip.GetEntry("collection.anki21b") is not null))
        {
            return zip.GetEntry("collection.anki21b") is null
                ? throw new ImportFileException("names the newest format but holds no collection.anki21b")
                : ("collection.anki21b", true);
        }
        if (zip.GetEntry("collection.anki21") is not null)
        {
            return ("collection.anki21", false);
        }
        return zip.GetEntry("collection.anki2") is not null
            ? ("collection.anki2", false)
            : throw new ImportFileException("holds no Anki collection (collection.anki2, .anki21 or .anki21b)");
    }

    private static (ImportResult, List<string>) ReadCollection(SqliteConnection db, IReadOnlySet<string> tables)
    {
        var notes = Count(db, "notes");
        var cards = Count(db, "cards");
        if (notes > MostNotes || cards > MostCards)
        {
            throw new ImportFileException($"holds {notes:N0} notes and {cards:N0} cards; a deck read here may hold up to {MostNotes:N0} notes and {MostCards:N0} cards: export a smaller deck from Anki");
        }
        using (var longest = Command(db, $"SELECT count(*) FROM notes WHERE length(flds) > {MostNoteCharacters}"))
        {
            if ((long)longest.ExecuteScalar()! > 0)
            {
                throw new ImportFileException($"has a note longer than {MostNoteCharacters:N0} characters: refused");
            }
        }
        List<AnkiNoteType> types;
        if (tables.Contains("notetypes"))
        {
            Require(tables, "fields", "templates");
            types = NoteTypes18(db);
        }
        else
        {
            Require(tables, "col");
            types = NoteTypes11(db);
        }
        var (ankiNotes, warnings) = Notes(db);
        var ankiCards = new List<AnkiCard>();
        using (var command = Command(db, "SELECT id, nid, ord FROM cards ORDER BY nid, ord"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ankiCards.Add(new AnkiCard(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2)));
            }
        }
        return (AnkiNotes.ToQuestions(types, ankiNotes, ankiCards), warnings);
    }

    private static (List<AnkiNote>, List<string>) Notes(SqliteConnection db)
    {
        var (notes, warnings) = (new List<AnkiNote>(), new List<string>());
        using var command = Command(db, "SELECT id, mid, flds FROM notes ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var html = reader.GetString(2).Split('\x1f');
            if (html.Any(AnkiText.HasSound))
            {
                warnings.Add($"note {notes.Count + 1}: its sounds are left out (Steppe questions have none)");
            }
            notes.Add(new AnkiNote(reader.GetInt64(0), reader.GetInt64(1), html.Select(AnkiText.ToText).ToList(), html.Select(AnkiText.Pictures).ToList()));
        }
        return (notes, warnings);
    }

    /// <summary>Schema 11: note types are the JSON object <c>col.models</c>.</summary>
    private static List<AnkiNoteType> NoteTypes11(SqliteConnection db)
    {
        var json = Strings(db, "SELECT models FROM col LIMIT 1").FirstOrDefault() ?? throw new ImportFileException("has no note types (col.models)");
        using var models = JsonDocument.Parse(json);
        return models.RootElement.EnumerateObject().Select(m =>
        {
            var t = m.Value;
            var fields = t.GetProperty("flds").EnumerateArray().OrderBy(f => f.GetProperty("ord").GetInt32()).Select(f => f.GetProperty("name").GetString() ?? "").ToList();
            var templates = t.GetProperty("tmpls").EnumerateArray().OrderBy(x => x.GetProperty("ord").GetInt32())
                .Select(x => new AnkiTemplate(x.GetProperty("name").GetString() ?? "", x.GetProperty("qfmt").GetString() ?? "", x.GetProperty("afmt").GetString() ?? "")).ToList();
            var id = t.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.Number ? idValue.GetInt64() : long.Parse(m.Name, System.Globalization.CultureInfo.InvariantCulture);
            return new AnkiNoteType(id, t.GetProperty("name").GetString() ?? "", t.TryGetProperty("type", out var type) && type.GetInt32() == 1, fields, templates);
        }).ToList();
    }

    /// <summary>Schema 18: note types, fields and templates are tables; the kind (field 1 of the note type's config)
    /// and each template's front and back (fields 1 and 2 of its config) are protobuf.</summary>
    private static List<AnkiNoteType> NoteTypes18(SqliteConnection db)
    {
        var fields = new Dictionary<long, List<string>>();
        using (var command = Command(db, $"SELECT ntid, name FROM fields ORDER BY ntid, ord LIMIT {MostTypeRows}"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                (fields.TryGetValue(reader.GetInt64(0), out var list) ? list : fields[reader.GetInt64(0)] = []).Add(reader.GetString(1));
            }
        }
        var templates = new Dictionary<long, List<AnkiTemplate>>();
        using (var command = Command(db, $"SELECT ntid, name, config FROM templates ORDER BY ntid, ord LIMIT {MostTypeRows}"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var config = (byte[])reader.GetValue(2);
                var template = new AnkiTemplate(reader.GetString(1), Protobuf.Text(config, 1) ?? "", Protobuf.Text(config, 2) ?? "");
                (templates.TryGetValue(reader.GetInt64(0), out var list) ? list : templates[reader.GetInt64(0)] = []).Add(template);
            }
        }
        var types = new List<AnkiNoteType>();
        using (var command = Command(db, $"SELECT id, name, config FROM notetypes LIMIT {MostTypeRows}"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                var kind = Protobuf.Varint((byte[])reader.GetValue(2), 1) ?? 0;
                types.Add(new AnkiNoteType(id, reader.GetString(1), kind == 1, fields.GetValueOrDefault(id) ?? [], templates.GetValueOrDefault(id) ?? []));
            }
        }
        return types;
    }

    private static void Require(IReadOnlySet<string> tables, params string[] names)
    {
        foreach (var name in names)
        {
            if (!tables.Contains(name))
            {
                throw new ImportFileException($"has no '{name}' table in its collection");
            }
        }
    }

    private static SqliteCommand Command(SqliteConnection db, string sql)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static List<string> Strings(SqliteConnection db, string sql)
    {
        using var command = Command(db, sql);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    private static long Count(SqliteConnection db, string table)
    {
        using var command = Command(db, $"SELECT count(*) FROM {table}");
        return (long)command.ExecuteScalar()!;
    }
}
