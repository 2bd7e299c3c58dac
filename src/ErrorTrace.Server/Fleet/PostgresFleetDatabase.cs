using System.Data.Common;
using ErrorTrace.Server.Jobs;
using Npgsql;

namespace ErrorTrace.Server.Fleet;

/// <summary>The store as a schema of PostgreSQL, shared by every replica.</summary>
internal sealed class PostgresFleetDatabase : FleetDatabase
{
    /// <summary>Any fixed 64-bit key: the advisory lock replicas take to migrate one at a time ("errtrace" in ASCII).</summary>
    private const long MigrationLockKey = 0x6572727472616365;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;

    public PostgresFleetDatabase(string connectionString, string schema)
    {
        _schema = SqlIdentifier.Quote(schema);
        if (schema.Contains('.', StringComparison.Ordinal)) throw new InvalidOperationException($"Store:Schema '{schema}' must be a schema name, not schema.table.");
        _dataSource = NpgsqlDataSource.Create(connectionString);
        Describe = $"PostgreSQL schema {schema}";
    }

    public override string Jobs => $"{_schema}.fleet_jobs";

    public override string Signatures => $"{_schema}.fleet_signatures";

    public override string Migrations => $"{_schema}.fleet_migrations";

    public override string Describe { get; }

    public override string Least => "LEAST";

    public override string Greatest => "GREATEST";

    public override string ForUpdate => " FOR UPDATE";

    public override string Table(string name) => $"{_schema}.{name}";

    public override DbConnection CreateConnection() => _dataSource.CreateConnection();

    public override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        // Two replicas may both try: IF NOT EXISTS still races on the catalogue (23505 on pg_namespace), so serialise
        // them. The lock must be the transaction-scoped one: Npgsql sends these statements before one Sync, so they
        // run as one implicit transaction, and a session lock released by a trailing pg_advisory_unlock would let the
        // other replica in before this CREATE SCHEMA commits; it would then not see the schema and collide with it.
        command.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLockKey}); CREATE SCHEMA IF NOT EXISTS {_schema};";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLockKey})";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override bool IsRetryable(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
