using System.Diagnostics;
using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace Steppe.Benchmarks;

/// <summary>`hostile-imports URL PID`: sends a running server on this machine the hostile files of issue 14 through
/// the import preview, one after another, and prints for each the answer, the time it took and the server's peak
/// resident memory meanwhile (from /proc/PID/status): a ZIP bomb and a zstd bomb as Anki packages, a collection of
/// a million notes, a spreadsheet whose sheet unpacks to 40 MB, a 50 MB spreadsheet, and a package with an entry
/// named "../"; and pictures: a PNG header claiming 100,000×100,000 pixels, the largest picture taken (4096×4096,
/// decoded in full), a GIF of 600 frames, and an Anki deck naming 300 pictures that are each a zstd bomb. Each must
/// get its expected answer (a refusal with a sentence, or the largest picture taken), nothing else saved. Stops by itself.</summary>
public static class HostileImports
{
    public static async Task<int> RunAsync(Uri server, int pid)
    {
        if (!server.IsLoopback)
        {
            Console.Error.WriteLine("hostile-imports only targets this machine (127.0.0.1 or localhost).");
            return 2;
        }
        var (client, _) = await AttackLoad.Account(server, $"hostile-{Guid.NewGuid():N}"[..16]);
        var idle = AttackLoad.Sampler.Read(pid, "VmRSS") ?? 0;
        Console.WriteLine($"server memory before: {idle:N0} MB");
        Console.WriteLine("| file | size | answer | time | server peak memory |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        var failures = 0;
        foreach (var (name, format, bytes, expected) in Files())
        {
            using var memory = new AttackLoad.Sampler(pid);
            var watch = Stopwatch.StartNew();
            // Expect: 100-continue lets the server refuse a body over its limit before the body is sent.
            var path = format == "picture" ? "/api/media" : $"/api/import/preview?format={format}";
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
            request.Headers.ExpectContinue = true;
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            watch.Stop();
            await Task.Delay(300);
            memory.Stop();
            failures += expected.Contains((int)response.StatusCode) ? 0 : 1;
            var reason = System.Text.RegularExpressions.Regex.Match(body, "\"body\":\\[\"([^\"]{0,110})") is { Success: true } m ? m.Groups[1].Value
                : System.Text.RegularExpressions.Regex.Match(body, "\"detail\":\"([^\"]{0,110})").Groups[1].Value;
            Console.WriteLine($"| {name} | {bytes.Length / 1024.0:N0} KB | {(int)response.StatusCode} {reason} | {watch.ElapsedMilliseconds:N0} ms | {memory.Peak:N0} MB |");
        }
        var banks = await client.GetStringAsync("/api/banks");
        Console.WriteLine($"banks of the account afterwards: {(banks.Contains("\"mine\":true", StringComparison.Ordinal) ? "some (wrong)" : "none")}");
        return failures == 0 ? 0 : 1;
    }

    private static readonly int[] Refused = [400, 413];

    private static IEnumerable<(string Name, string Format, byte[] Bytes, int[] Expected)> Files()
    {
        yield return ("Anki package, collection.anki2 of 300 MB of zeros (ZIP bomb)", "anki", Zip(("collection.anki2", Zeros(300)), ("media", "{}"u8.ToArray())), Refused);
        yield return ("Anki package, collection.anki21b of 1 GB of zeros (zstd bomb)", "anki",
            Zip(("meta", [0x08, 0x03]), ("collection.anki21b", ZstdZeros(1024)), ("collection.anki2", [1])), Refused);
        yield return ("Anki collection of 1,000,000 notes", "anki", Zip(("collection.anki2", MillionNotes())), Refused);
        yield return ("Anki package with an entry '../../etc/cron.d/x'", "anki", Zip(("collection.anki2", [1]), ("../../etc/cron.d/x", [1])), Refused);
        yield return ("spreadsheet whose sheet unpacks to 40 MB", "kahoot", Zip(("xl/worksheets/sheet1.xml", Zeros(40))), Refused);
        yield return ("50 MB spreadsheet", "kahoot", new byte[50 * 1024 * 1024], Refused);
        yield return ("PNG whose header claims 100,000×100,000 pixels (decode bomb)", "picture", HostilePictures.Png(100_000, 100_000), Refused);
        yield return ("PNG of 4096×4096 pixels, the largest taken (decoded in full)", "picture", HostilePictures.Png(4096, 4096), [201]);
        yield return ("GIF of 600 frames", "picture", HostilePictures.GifFrames(600), Refused);
        yield return ("Anki deck naming 300 pictures, each a zstd bomb of 64 MB", "anki", HostilePictures.AnkiOfBombs(300, 64), [200]);
    }

    private static byte[] Zeros(int megabytes) => new byte[megabytes * 1024 * 1024];

    private static byte[] ZstdZeros(int megabytes)
    {
        using var output = new MemoryStream();
        using (var zstd = new ZstdSharp.CompressionStream(output, 19, leaveOpen: true))
        {
            var chunk = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
            {
                zstd.Write(chunk);
            }
        }
        return output.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(bytes);
            }
        }
        return zip.ToArray();
    }

    private static byte[] MillionNotes() => Collection("""
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
        INSERT INTO notes SELECT i, 'g', 1, 0, 0, '', 'front' || char(31) || 'back', 0, 0, 0, '' FROM n;
        """);

    /// <summary>A legacy Anki collection with the few tables the reader asks for, filled by <paramref name="fill"/>
    /// (SQL, or a command to run more), as the bytes of its SQLite file.</summary>
    internal static byte[] Collection(string fill, Action<SqliteCommand>? more = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"collection-{Guid.NewGuid():N}.db");
        try
        {
            using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                db.Open();
                using var command = db.CreateCommand();
                command.CommandText = """
                    CREATE TABLE col (id integer PRIMARY KEY, models text NOT NULL);
                    CREATE TABLE notes (id integer PRIMARY KEY, guid text, mid integer, mod integer, usn integer, tags text, flds text, sfld integer, csum integer, flags integer, data text);
                    CREATE TABLE cards (id integer PRIMARY KEY, nid integer, did integer, ord integer);
                    CREATE TABLE revlog (id integer PRIMARY KEY, cid integer);
                    """ + fill;
                command.ExecuteNonQuery();
                more?.Invoke(command);
            }
            SqliteConnection.ClearAllPools();
            return File.ReadAllBytes(path);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
