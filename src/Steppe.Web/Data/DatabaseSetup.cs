using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Steppe.Web.Hosting;

namespace Steppe.Web.Data;

public static class DatabaseSetup
{
    public const string DefaultConnectionString = "Data Source=data/steppe.db";

    /// <summary>Reads the connection string when the context is first made, not at registration, so that
    /// every configuration source (including a test host's) has been applied.</summary>
    private static readonly SqlitePragmas Pragmas = new();

    public static IServiceCollection AddSteppeDatabase(this IServiceCollection services)
    {
        services.AddDbContext<AppDbContext>((sp, o) =>
        {
            var configured = sp.GetRequiredService<IConfiguration>().GetConnectionString("Steppe") ?? DefaultConnectionString;
            o.UseSqlite(ResolveConnectionString(configured, sp.GetRequiredService<IHostEnvironment>().ContentRootPath))
                .AddInterceptors(Pragmas);
        });
        return services;
    }

    /// <summary>Makes a relative data source relative to the content root (not the working folder), creates
    /// its folder, and turns foreign keys on for every connection.</summary>
    public static string ResolveConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true };
        var isMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:";
        if (!isMemory)
        {
            builder.DataSource = SteppePaths.Resolve(contentRoot, builder.DataSource);
            if (Path.GetDirectoryName(builder.DataSource) is { } folder && !Directory.Exists(folder))
            {
                PrivateFiles.OwnerOnlyFolderAt(folder);
            }
        }
        return builder.ToString();
    }

    /// <summary>The folder of the SQLite file (where the app keeps its other data), or null for an in-memory
    /// database.</summary>
    public static string? DataDirectory(IConfiguration configuration, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(ResolveConnectionString(configuration.GetConnectionString("Steppe") ?? DefaultConnectionString, contentRoot));
        var isMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:";
        return isMemory ? null : Path.GetDirectoryName(builder.DataSource);
    }

    /// <summary>Makes the database file and its folder private (<see cref="PrivateFiles"/>), applies the committed migrations and switches the file to WAL journal mode (a property of the
    /// file, so once is enough): readers then never wait for the writer.</summary>
    public static async Task MigrateSteppeDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (DataDirectory(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>().ContentRootPath) is not null)
        {
            PrivateFiles.Database(file); // before SQLite makes the file with the umask's mode
        }
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
