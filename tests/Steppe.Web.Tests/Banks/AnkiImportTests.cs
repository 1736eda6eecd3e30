using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Steppe.Domain.Banks;
using Steppe.Web.Interchange;
using Steppe.Web.Tests.Support;
using static Steppe.Web.Tests.Support.AnkiFixture;

namespace Steppe.Web.Tests.Banks;

/// <summary>Anki packages of each layout read into questions, and hostile packages refused cheaply with a sentence
/// each, nothing saved.</summary>
public sealed class AnkiImportTests
{
    private static readonly Note[] Deck =
    [
        new(1600000000001, BasicReversed, ["<b>Astana</b>", "capital of Kazakhstan<br><img src=\"map.png\">"], [0, 1]),
        new(1600000000002, Cloze, ["{{c1::Astana}} lies on the {{c2::Ishim::river}}.", "Also called <i>Esil</i>."], [0, 1]),
        new(1600000000003, BasicReversed, ["Almaty<script>alert('x')</script>", "largest city &amp; former capital"], [0]),
    ];

    [Theory]
    [InlineData("anki2")]
    [InlineData("anki21")]
    [InlineData("anki21b")]
    public void A_deck_of_each_layout_gives_a_question_a_card(string layout)
    {
        var (result, warnings) = AnkiPackage.Read(new MemoryStream(Package(layout, Deck)));

        result.NotConverted.Should().BeEmpty();
        result.Found.Select(f => (f.Line, f.Question.Id, f.Question.Type, f.Question.Prompt, f.Question.AnswerText)).Should().Equal(
            (1, "n1600000000001-1", QuestionType.ShortAnswer, "Astana", "capital of Kazakhstan"),
            (1, "n1600000000001-2", QuestionType.ShortAnswer, "capital of Kazakhstan", "Astana"),
            (2, "n1600000000002-1", QuestionType.Cloze, "____ lies on the Ishim.", "Astana"),
            (2, "n1600000000002-2", QuestionType.Cloze, "Astana lies on the ____.", "Ishim"),
            (3, "n1600000000003-1", QuestionType.ShortAnswer, "Almaty", "largest city & former capital"));
        result.Found[2].Question.Explanation.Should().Be("Also called Esil.");
        warnings.Should().Equal("the picture 'map.png' is not in the package: its questions are imported without it");
    }

    public static TheoryData<string, Func<byte[]>, string> Hostile => new()
    {
        { "not a zip", () => "just text"u8.ToArray(), "is not an Anki package" },
        { "an entry leaving the package", () => Package("anki2", Deck, zip => Add(zip, "../../etc/evil", [1])), "'../../etc/evil', a path outside the package" },
        { "no collection", () => Zip(("media", "{}"u8.ToArray())), "holds no Anki collection" },
        { "a collection that is not SQLite", () => Zip(("collection.anki2", "not a database at all, but long enough to look like one"u8.ToArray())), "has a collection that cannot be read" },
        { "a million notes", () => MillionNotes(Package("anki2", Deck.Take(1).ToArray())), "holds 1,000,001 notes" },
        { "a view posing as the col table", () => Altered(Package("anki2", Deck), "DROP TABLE col; CREATE VIEW col AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i AS models FROM n"), "has no 'col' table" },
        { "note types that are not JSON", () => Altered(Package("anki2", Deck), "UPDATE col SET models = '{\"1\": 5'"), "note types cannot be read" },
        { "a note of 2 MB", () => Altered(Package("anki2", Deck), "UPDATE notes SET flds = hex(zeroblob(1000000)) WHERE id = 1600000000001"), "a note longer than 1,000,000 characters" },
    };

    [Theory, MemberData(nameof(Hostile))]
    public void A_hostile_package_is_refused_with_a_sentence(string kind, Func<byte[]> package, string message)
    {
        FluentActions.Invoking(() => AnkiPackage.Read(new MemoryStream(package()))).Should().Throw<ImportFileException>(kind)
            .Which.Message.Should().Contain(message);
    }

    [Fact]
    public void A_zip_bomb_stops_at_the_limit_without_holding_it_in_memory()
    {
        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("collection.anki2", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i <= AnkiPackage.MostCollectionBytes >> 20; i++)
            {
                entry.Write(zeros);
            }
        }
        bomb.Length.Should().BeLessThan(1 << 20, "a quarter of a gigabyte of zeros packs into a few hundred kilobytes");
        var before = GC.GetTotalMemory(forceFullCollection: true);

        FluentActions.Invoking(() => AnkiPackage.Read(new MemoryStream(bomb.ToArray()))).Should().Throw<ImportFileException>()
            .Which.Message.Should().Contain("unpacks to more than 256 MB");
        (GC.GetTotalMemory(forceFullCollection: true) - before).Should().BeLessThan(32L << 20, "it is streamed to a file, never held");
    }

    [Fact]
    public async Task Through_the_app_a_deck_is_previewed_by_note_and_a_bad_file_is_a_400_that_saves_nothing()
    {
        using var folder = new TestFolder();
        using var app = new SteppeFactory(folder);
        var teacher = app.CreateClient();
        await teacher.SignUpAsync();

        var ok = await teacher.PostAsync("/api/import/preview?format=anki&title=Capitals", new ByteArrayContent(Package("anki21b", Deck)));
        var bad = await teacher.PostAsync("/api/import/preview?format=anki", new ByteArrayContent("PK nothing"u8.ToArray()));

        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        var preview = (await ok.Content.ReadFromJsonAsync<ImportPreview>())!;
        (preview.Unit, preview.Found.Count, preview.Bank.GetProperty("id").GetString()).Should().Be(("note", 5, "capitals"));
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["body"].Single().Should().Be("The file is not an Anki package (.apkg or .colpkg files are ZIP archives).");
        (await teacher.GetFromJsonAsync<List<Steppe.Web.Banks.BankSummary>>("/api/banks"))!.Should().BeEmpty();
    }

    [Fact]
    public void A_bank_exported_for_anki_reads_back_a_note_a_question_in_schema_11()
    {
        var bank = BankReader.Read(File.ReadAllBytes(Repo.File("question-bank", "sino-kazakh-relations-starter.json"))).Bank!;

        var package = AnkiExport.Write(bank, new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        var (back, _) = AnkiPackage.Read(new MemoryStream(package));

        back.NotConverted.Should().BeEmpty();
        back.Found.Should().HaveCount(bank.Questions.Count);
        var clozes = bank.Questions.OfType<ClozeQuestion>().ToList();
        back.Found.Select(f => f.Question).OfType<ClozeQuestion>().Select(c => (c.Prompt, c.Answer))
            .Should().Equal(clozes.Select(c => (c.Prompt, c.Answer)));
        foreach (var q in bank.Questions.Where(q => q is ShortAnswerQuestion or NumericQuestion or OrderingQuestion))
        {
            back.Found.Should().ContainSingle(f => f.Question.Prompt == q.Prompt).Which.Question.AnswerText.Should().StartWith(q.AnswerText, "the back starts with the answer");
        }
        AnkiExport.Write(bank, DateTimeOffset.UnixEpoch.AddYears(60)).Length.Should().BeGreaterThan(0);
        var again = AnkiPackage.Read(new MemoryStream(AnkiExport.Write(bank, DateTimeOffset.UnixEpoch.AddYears(60)))).Result;
        again.Found.Select(f => f.Question.Id).Should().Equal(back.Found.Select(f => f.Question.Id), "the same bank exports the same notes");
        var reversed = Guids(AnkiExport.Write(bank with { Questions = bank.Questions.Reverse().ToList() }, DateTimeOffset.UnixEpoch));
        Guids(package).Should().Equal(Enumerable.Reverse(reversed),
            "a note's guid, by which Anki updates notes, follows its question, wherever it stands");
    }

    [Fact]
    public async Task A_learners_anki_history_becomes_their_review_log_once_and_schedules_their_cards()
    {
        using var folder = new TestFolder();
        using var app = new SteppeFactory(folder);
        var learner = app.CreateClient();
        await learner.SignUpAsync();
        var day = 86_400_000L;
        var start = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var package = Package("anki21", Deck, reviews:
        [
            new(1, start, 3, 0, 6000), new(1, start + 600_000, 3, 0, 4000), new(1, start + 3 * day, 3, 1, 3000), new(1, start + 10 * day, 1, 1, 9000),
            new(1, start + 10 * day + 600_000, 3, 2, 5000), new(1, start + 11 * day, 0, 4, 0), // a manual reschedule: not an answer
            new(3, start + day, 4, 0, 2000),
        ]);
        var preview = (await (await learner.PostAsync("/api/import/preview?format=anki&title=Capitals", new ByteArrayContent(package))).Content.ReadFromJsonAsync<ImportPreview>())!;
        (await learner.PostAsync("/api/banks", new StringContent(preview.Bank.GetRawText(), System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var first = await learner.PostAsync("/api/import/anki-history?bank=capitals", new ByteArrayContent(package));
        var again = await learner.PostAsync("/api/import/anki-history?bank=capitals", new ByteArrayContent(package));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        (await first.Content.ReadFromJsonAsync<HistoryImported>()).Should().Be(new HistoryImported(Reviews: 6, Cards: 2, AlreadyThere: 0, NotAnswers: 1, OtherCards: 0));
        (await again.Content.ReadFromJsonAsync<HistoryImported>())!.Reviews.Should().Be(0, "importing twice adds nothing twice");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Steppe.Web.Data.AppDbContext>();
        var reviews = db.Reviews.OrderBy(r => r.ReviewedAtTicks).ToList();
        reviews.Select(r => ((int)r.Rating, r.StateBefore.ToString())).Should().Equal((3, "New"), (3, "Learning"), (4, "New"), (3, "Review"), (1, "Review"), (3, "Relearning"));
        reviews[0].ReviewedAtTicks.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(start).UtcTicks);
        reviews[0].DurationMs.Should().Be(6000);
        var card = db.Cards.Single(c => c.QuestionId == "n1600000000001-1");
        (card.State, card.Reviews, card.Lapses).Should().Be((Steppe.Domain.Scheduling.CardState.Review, 5, 1));
        card.Stability.Should().BePositive();
    }

    private static List<string> Guids(byte[] package)
    {
        var path = Path.Combine(Path.GetTempPath(), $"guids-{Guid.NewGuid():N}.db");
        try
        {
            using (var archive = new ZipArchive(new MemoryStream(package)))
            {
                archive.GetEntry("collection.anki2")!.ExtractToFile(path);
            }
            using var db = new SqliteConnection($"Data Source={path};Pooling=False");
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "SELECT guid FROM notes ORDER BY id";
            using var reader = command.ExecuteReader();
            var guids = new List<string>();
            while (reader.Read())
            {
                guids.Add(reader.GetString(0));
            }
            return guids;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                Add(archive, name, bytes);
            }
        }
        return zip.ToArray();
    }

    private static byte[] MillionNotes(byte[] package) =>
        Altered(package, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) INSERT INTO notes SELECT i, 'g', 1, 0, 0, '', 'a', 0, 0, 0, '' FROM n");

    /// <summary>The package's collection changed by SQL (a million notes more, a view for a table …).</summary>
    private static byte[] Altered(byte[] package, string sql)
    {
        var path = Path.Combine(Path.GetTempPath(), $"million-{Guid.NewGuid():N}.db");
        try
        {
            using (var archive = new ZipArchive(new MemoryStream(package)))
            using (var entry = archive.GetEntry("collection.anki2")!.Open())
            using (var file = File.Create(path))
            {
                entry.CopyTo(file);
            }
            using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                db.Open();
                Execute(db, sql);
            }
            SqliteConnection.ClearAllPools();
            return Zip(("collection.anki2", File.ReadAllBytes(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
