using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bogus;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steppe.Domain.Scheduling;
using Steppe.Web.Data;
using Steppe.Web.Study;

namespace Steppe.Benchmarks;

/// <summary>`study-load USERS CARDS SAMPLES [FILE]`: seeds USERS learners with CARDS cards each into a fresh
/// SQLite file (Bogus, fixed seed: a quarter new, most in review with a year of history behind them, some
/// learning, relearning, suspended, and a few answers already given today), then times the study service as a
/// request uses it (a fresh DbContext per operation, the app's SQLite settings): fetching a random learner's
/// next card, and answering it. Prints median, p95, p99 and maximum of each.</summary>
public static class StudyLoad
{
    private const string BankId = "load-bank";

    public static async Task<int> RunAsync(int users, int cardsPerUser, int samples, string? file)
    {
        file ??= Path.Combine(Path.GetTempPath(), $"steppe-load-{Environment.ProcessId}.db");
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }
        var connectionString = $"Data Source={file}";
        var services = new ServiceCollection()
            .AddDbContext<AppDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()))
            .AddSingleton(TimeProvider.System)
            .AddScoped<StudyService>()
            .AddSingleton<WriteGate>()
            .BuildServiceProvider();
        await services.MigrateSteppeDatabaseAsync();

        var seeding = Stopwatch.StartNew();
        var userIds = await SeedAsync(connectionString, users, cardsPerUser);
        Console.WriteLine($"seeded {users:N0} users × {cardsPerUser:N0} cards in {seeding.Elapsed.TotalSeconds:F1} s; file {new FileInfo(file).Length / 1024 / 1024:N0} MB");

        var random = new Random(7);
        var next = new List<double>(samples);
        var submit = new List<double>(samples);
        for (var i = 0; i < samples + 50; i++)
        {
            var user = userIds[random.Next(userIds.Count)];
            var watch = Stopwatch.StartNew();
            NextCardResponse shown;
            await using (var scope = services.CreateAsyncScope())
            {
                shown = await scope.ServiceProvider.GetRequiredService<StudyService>().NextAsync(user, CancellationToken.None);
            }
            var nextMs = watch.Elapsed.TotalMilliseconds;
            if (shown.Card is not { } card)
            {
                continue;
            }
            watch.Restart();
            await using (var scope = services.CreateAsyncScope())
            {
                var result = await scope.ServiceProvider.GetRequiredService<StudyService>()
                    .ReviewAsync(user, new ReviewRequest(Guid.NewGuid(), card.Id, card.Version, random.Next(1, 5), 4000), CancellationToken.None);
                if (result is not ReviewResult.Accepted)
                {
                    throw new InvalidOperationException($"review answered {result}");
                }
            }
            var submitMs = watch.Elapsed.TotalMilliseconds;
            if (i >= 50) // the first 50 warm up the JIT, EF's query cache and SQLite's page cache
            {
                next.Add(nextMs);
                submit.Add(submitMs);
            }
        }
        StudyHttpLoad.Report("next card", next);
        StudyHttpLoad.Report("submit review", submit);
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        return 0;
    }

    private static async Task<List<string>> SeedAsync(string connectionString, int users, int cardsPerUser)
    {
        var faker = new Faker { Random = new Randomizer(20261127) };
        var now = DateTimeOffset.UtcNow;
        var userIds = new List<string>(users);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF;"; // seeding only; the timed part uses the app's settings
            await pragma.ExecuteNonQueryAsync();
        }
        await using var transaction = await connection.BeginTransactionAsync();

        var bank = Command(connection, "INSERT INTO Banks (Id, Title, Language, QuestionCount, Content, FileSha256, UpdatedAt, Themes) VALUES ($id, 'Load bank', 'en', $n, $content, '', 0, '[]')",
            ("$id", BankId), ("$n", cardsPerUser), ("$content", Encoding.UTF8.GetBytes("{}")));
        await bank.ExecuteNonQueryAsync();
        var question = Command(connection, "INSERT INTO Questions (BankId, Id, Position, Type, Prompt, Themes, Content) VALUES ($bank, $id, $pos, 'short-answer', $prompt, '[]', $content)",
            ("$bank", BankId), ("$id", ""), ("$pos", 0), ("$prompt", ""), ("$content", ""));
        for (var q = 0; q < cardsPerUser; q++)
        {
            var prompt = faker.Lorem.Sentence(10) + "?";
            question.Parameters["$id"].Value = $"q{q:D5}";
            question.Parameters["$pos"].Value = q;
            question.Parameters["$prompt"].Value = prompt;
            question.Parameters["$content"].Value = $$"""{"id":"q{{q:D5}}","type":"short-answer","prompt":"{{prompt}}","answer":"{{faker.Lorem.Word()}}"}""";
            await question.ExecuteNonQueryAsync();
        }

        var user = Command(connection, "INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, CreatedAt) VALUES ($id, $email, $upper, $email, $upper, 0, 0, 0, 1, 0, 0)",
            ("$id", ""), ("$email", ""), ("$upper", ""));
        var deck = Command(connection, "INSERT INTO Decks (UserId, BankId, Title, CreatedAtTicks) VALUES ($user, $bank, 'Load bank', 0) RETURNING Id",
            ("$user", ""), ("$bank", BankId));
        var card = Command(connection, "INSERT INTO Cards (UserId, DeckId, BankId, QuestionId, State, Step, Stability, Difficulty, DueTicks, LastReviewTicks, ScheduledDays, Reviews, Lapses, Suspended, BuriedUntilTicks, Leech, Version, AddedAtTicks) VALUES ($user, $deck, $bank, $q, $state, 0, $s, $d, $due, $last, $days, $reviews, $lapses, $suspended, NULL, 0, $reviews, $added) RETURNING Id",
            ("$user", ""), ("$deck", 0L), ("$bank", BankId), ("$q", ""), ("$state", 0), ("$s", DBNull.Value), ("$d", DBNull.Value), ("$due", 0L), ("$last", DBNull.Value),
            ("$days", 0), ("$reviews", 0), ("$lapses", 0), ("$suspended", false), ("$added", 0L));
        var review = Command(connection, "INSERT INTO Reviews (UserId, CardId, ClientId, Rating, ReviewedAtTicks, DurationMs, StateBefore) VALUES ($user, $card, $client, $rating, $at, 5000, $before)",
            ("$user", ""), ("$card", 0L), ("$client", ""), ("$rating", 3), ("$at", 0L), ("$before", 0));

        for (var u = 0; u < users; u++)
        {
            var id = faker.Random.Guid().ToString();
            var email = $"learner{u}@example.org";
            userIds.Add(id);
            user.Parameters["$id"].Value = id;
            user.Parameters["$email"].Value = email;
            user.Parameters["$upper"].Value = email.ToUpperInvariant();
            await user.ExecuteNonQueryAsync();
            deck.Parameters["$user"].Value = id;
            var deckId = (long)(await deck.ExecuteScalarAsync())!;
            var added = now.AddDays(-faker.Random.Int(30, 365));
            for (var q = 0; q < cardsPerUser; q++)
            {
                var roll = faker.Random.Double();
                var state = roll < 0.25 ? CardState.New : roll < 0.30 ? CardState.Learning : roll < 0.33 ? CardState.Relearning : CardState.Review;
                var reviews = state == CardState.New ? 0 : faker.Random.Int(1, 4);
                var last = state == CardState.New ? (DateTimeOffset?)null
                    : state == CardState.Review ? now.AddDays(-faker.Random.Double(0.5, 60)) : now.AddMinutes(-faker.Random.Int(1, 30));
                var due = state switch
                {
                    CardState.New => added,
                    CardState.Review => last!.Value.AddDays(faker.Random.Double(1, 120)),
                    _ => now.AddMinutes(faker.Random.Int(-20, 20)),
                };
                var p = card.Parameters;
                p["$user"].Value = id;
                p["$deck"].Value = deckId;
                p["$q"].Value = $"q{q:D5}";
                p["$state"].Value = (int)state;
                p["$s"].Value = state == CardState.New ? DBNull.Value : faker.Random.Double(0.5, 200);
                p["$d"].Value = state == CardState.New ? DBNull.Value : faker.Random.Double(1, 10);
                p["$due"].Value = due.UtcTicks;
                p["$last"].Value = last is { } l ? l.UtcTicks : DBNull.Value;
                p["$days"].Value = state == CardState.Review ? (int)(due - last!.Value).TotalDays : 0;
                p["$reviews"].Value = reviews;
                p["$lapses"].Value = state == CardState.Relearning ? 1 : 0;
                p["$suspended"].Value = faker.Random.Double() < 0.02;
                p["$added"].Value = added.UtcTicks;
                var cardId = (long)(await card.ExecuteScalarAsync())!;
                // Each answered card's history: its answers spread between when it was added and its last review.
                for (var r = 0; r < reviews; r++)
                {
                    var at = r == reviews - 1 ? last!.Value : added + (last!.Value - added) * ((r + 1.0) / reviews);
                    review.Parameters["$user"].Value = id;
                    review.Parameters["$card"].Value = cardId;
                    review.Parameters["$client"].Value = faker.Random.Guid().ToString().ToUpperInvariant();
                    review.Parameters["$rating"].Value = faker.Random.Double() < 0.1 ? 1 : 3;
                    review.Parameters["$at"].Value = at.UtcTicks;
                    review.Parameters["$before"].Value = r == 0 ? (int)CardState.New : (int)CardState.Review;
                    await review.ExecuteNonQueryAsync();
                }
            }
        }
        await transaction.CommitAsync();
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE;";
            await analyze.ExecuteNonQueryAsync();
        }
        return userIds;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.Prepare();
        return command;
    }
}
