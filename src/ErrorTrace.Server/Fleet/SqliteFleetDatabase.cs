using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ErrorTrace.Server.Fleet;

/// <summary>The embedded store: a SQLite file in write-ahead-log mode, so requests read while the indexer writes, and
/// several processes on one machine (a JIT and a published build over one data directory) can share it.</summary>
internal sealed class SqliteFleetDatabase : FleetDatabase
{
    /// <summary>How long a statement waits for another process's write lock before failing.</summary>
    private const int BusyTimeoutSeconds = 30;

    private readonly string _connectionString;

    public SqliteFleetDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = BusyTimeoutSeconds, Mode = SqliteOpenMode.ReadWriteCreate };
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } directory) Directory.CreateDirectory(directory);
        _connectionString = builder.ToString();
        Describe = "SQLite " + builder.DataSource;
    }

    public override string Jobs => "fleet_jobs";

    public override string Signatures => "fleet_signatures";

    public override string Migrations => "fleet_migrations";

    public override string Describe { get; }

    public override string Least => "MIN";

    public override string Greatest => "MAX";

    public override string ForUpdate => "";

    public override string Table(string name) => name;

    public override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    public override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Microsoft.Data.Sqlite begins transactions IMMEDIATE: the write lock is already held.</summary>
    public override Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
