using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Steppe.Web.Data;

/// <summary>Per-connection SQLite settings, run on every open (they are not stored in the file).
/// <c>synchronous=FULL</c>: with WAL, each commit is fsynced before SQLite returns, so a review the server has
/// acknowledged survives a killed process and also a power cut or kernel crash. NORMAL would survive a killed
/// process too, but could lose the last commits on power loss; the cost of FULL is one fsync per
/// write transaction, measured in the README's performance section. See docs/decisions/0003-sqlite-durability.md.
/// <c>busy_timeout</c>: a writer waits up to 5 s for another writer instead of failing at once.</summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Sql = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
