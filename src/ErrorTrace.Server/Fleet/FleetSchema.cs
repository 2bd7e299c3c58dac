using System.Data.Common;
using ErrorTrace.Server.Data;

namespace ErrorTrace.Server.Fleet;

/// <summary>
/// The store's schema, created and migrated on start: numbered migrations, each applied once, in one transaction with
/// its record in the migrations table, under a lock so replicas starting together do not race. A new version of the
/// service adds a migration at the end; none is ever edited once released.
/// </summary>
internal static class FleetSchema
{
    public static IReadOnlyList<string> For(FleetDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return
        [
            // 1: jobs and signatures. Times are Unix milliseconds (BIGINT), the same in both databases.
            $"""
            CREATE TABLE {db.Jobs} (
                job_id TEXT PRIMARY KEY,
                version TEXT NOT NULL,
                state TEXT NOT NULL,
                claimed_by TEXT,
                lease_until BIGINT,
                attempts INTEGER NOT NULL DEFAULT 0,
                owner TEXT,
                status TEXT,
                host TEXT,
                signature TEXT,
                category TEXT,
                exception_type TEXT,
                title TEXT,
                failed_at BIGINT,
                indexed_at BIGINT,
                log_bytes BIGINT,
                error TEXT);
            CREATE INDEX fleet_jobs_signature ON {db.Jobs} (signature, failed_at);
            CREATE INDEX fleet_jobs_failed_at ON {db.Jobs} (failed_at);
            CREATE INDEX fleet_jobs_owner ON {db.Jobs} (owner, failed_at);
            CREATE TABLE {db.Signatures} (
                signature TEXT PRIMARY KEY,
                category TEXT NOT NULL,
                exception_type TEXT NOT NULL,
                title TEXT NOT NULL,
                first_indexed BIGINT NOT NULL,
                burst_notified_at BIGINT);
            """,
            // 2: counts kept as jobs are indexed (the list reads them instead of grouping every job), filled from the
            //    jobs already indexed.
            FleetAggregates.Migration(db),
        ];
    }

    /// <summary>Applies the migrations not applied yet, up to <paramref name="upTo"/> (all by default; tests stop early to
    /// make a store as an earlier version left it).</summary>
    public static async Task MigrateAsync(FleetDatabase db, TimeProvider time, CancellationToken cancellationToken, int upTo = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var connection = db.CreateConnection();
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await db.PrepareAsync(connection, cancellationToken).ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await db.LockMigrationsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                // Under the lock too: on PostgreSQL, CREATE TABLE IF NOT EXISTS run by two replicas at once can still
                // both try to create it (a duplicate key in pg_type), so one of them fails to start.
                await ExecuteAsync(connection, transaction, $"CREATE TABLE IF NOT EXISTS {db.Migrations} (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)", cancellationToken).ConfigureAwait(false);
                await using var current = DbQueries.Command(connection, $"SELECT MAX(version) FROM {db.Migrations}", transaction);
                var applied = await current.ScalarInt64Async(cancellationToken).ConfigureAwait(false);
                var migrations = For(db);
                for (var version = (int)applied + 1; version <= Math.Min(upTo, migrations.Count); version++)
                {
                    await ExecuteAsync(connection, transaction, migrations[version - 1], cancellationToken).ConfigureAwait(false);
                    await using var record = DbQueries.Command(connection, $"INSERT INTO {db.Migrations} (version, applied_at) VALUES (@Version, @At)", transaction);
                    await record.With("Version", version).With("At", time.GetUtcNow().ToUnixTimeMilliseconds()).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = DbQueries.Command(connection, sql, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
