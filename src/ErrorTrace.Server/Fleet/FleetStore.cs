using System.Data.Common;
using ErrorTrace.Server.Data;

namespace ErrorTrace.Server.Fleet;

/// <summary>
/// The indexer's side of the store. Each job is analysed once across replicas: <see cref="TryClaimAsync"/> is one
/// upsert that succeeds for exactly one caller — when the job is new to the store, its version (updated_at, status)
/// changed, or an earlier claim's lease ran out (its replica died) — and <see cref="CompleteAsync"/> writes the result
/// only under that claim.
/// </summary>
internal sealed class FleetStore(FleetDatabase db, TimeProvider time) : IDisposable
{
    public const string Claimed = "claimed";
    public const string Indexed = "indexed";
    public const string Failed = "error";

    private readonly SemaphoreSlim _migration = new(1, 1);
    private volatile bool _migrated;

    public FleetDatabase Database => db;

    /// <summary>Creates or migrates the schema once per process (the indexer at start, or the first request when the
    /// indexer is off); a failure is retried by the next caller.</summary>
    public async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (_migrated) return;
        await _migration.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated) return;
            await FleetSchema.MigrateAsync(db, time, cancellationToken).ConfigureAwait(false);
            _migrated = true;
        }
        finally
        {
            _migration.Release();
        }
    }

    /// <summary>The version each job was indexed at, and of jobs given up on (tried <paramref name="maxAttempts"/> times):
    /// neither needs another look until its version changes.</summary>
    public async Task<Dictionary<string, string>> SettledVersionsAsync(int maxAttempts, CancellationToken cancellationToken)
    {
        await using var connection = db.CreateConnection();
        await using var command = await DbQueries.CommandAsync(connection,
            $"SELECT job_id, version FROM {db.Jobs} WHERE state = '{Indexed}' OR (state = '{Failed}' AND attempts >= @MaxAttempts)", cancellationToken).ConfigureAwait(false);
        var rows = await command.With("MaxAttempts", maxAttempts).ListAsync(r => (r.GetString(0), r.GetString(1)), cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
    }

    public async Task<bool> TryClaimAsync(string jobId, string version, string replica, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var connection = db.CreateConnection();
        await using var command = await DbQueries.CommandAsync(connection, $"""
            INSERT INTO {db.Jobs} (job_id, version, state, claimed_by, lease_until, attempts)
            VALUES (@JobId, @Version, '{Claimed}', @Replica, @LeaseUntil, 1)
            ON CONFLICT (job_id) DO UPDATE SET
                attempts = CASE WHEN fleet_jobs.version <> excluded.version THEN 1 ELSE fleet_jobs.attempts + 1 END,
                version = excluded.version, state = '{Claimed}', claimed_by = excluded.claimed_by, lease_until = excluded.lease_until
            WHERE fleet_jobs.version <> excluded.version
               OR (fleet_jobs.state = '{Claimed}' AND fleet_jobs.lease_until < @Now)
               OR (fleet_jobs.state = '{Failed}' AND fleet_jobs.lease_until < @Now AND fleet_jobs.attempts < @MaxAttempts)
            RETURNING job_id
            """, cancellationToken).ConfigureAwait(false);
        command.With("JobId", jobId).With("Version", version).With("Replica", replica)
            .With("LeaseUntil", now + (long)lease.TotalMilliseconds).With("Now", now).With("MaxAttempts", maxAttempts);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not (null or DBNull);
    }

    /// <summary>Stores the analysis under <paramref name="replica"/>'s claim, records the signature, and decides whether
    /// this completion is news: a signature first seen now, or one that just reached <paramref name="burstJobs"/> jobs
    /// within <paramref name="window"/> (announced once per window, by whichever replica gets there first).</summary>
    public async Task<CompletedIndex> CompleteAsync(IndexedJob job, string replica, int burstJobs, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = Now();
        var windowStart = now - (long)window.TotalMilliseconds;
        await using var connection = db.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var update = DbQueries.Command(connection, $"""
            UPDATE {db.Jobs} SET state = '{Indexed}', owner = @Owner, status = @Status, host = @Host, signature = @Signature,
                category = @Category, exception_type = @ExceptionType, title = @Title, failed_at = @FailedAt, indexed_at = @Now,
                log_bytes = @LogBytes, error = NULL, lease_until = NULL
            WHERE job_id = @JobId AND claimed_by = @Replica AND version = @Version AND state = '{Claimed}'
            """, transaction))
        {
            update.With("Owner", job.Owner).With("Status", job.Status).With("Host", job.Host).With("Signature", job.Signature.Id)
                .With("Category", job.Signature.Category).With("ExceptionType", job.Signature.ExceptionType).With("Title", job.Signature.Title)
                .With("FailedAt", Millis(job.FailedAt)).With("Now", now).With("LogBytes", job.LogBytes)
                .With("JobId", job.JobId).With("Replica", replica).With("Version", job.Version);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                return new CompletedIndex(Stored: false, NewSignature: false, Burst: false, JobsInWindow: 0);
        }

        bool isNew;
        await using (var insert = DbQueries.Command(connection, $"""
            INSERT INTO {db.Signatures} (signature, category, exception_type, title, first_indexed)
            VALUES (@Signature, @Category, @ExceptionType, @Title, @Now)
            ON CONFLICT (signature) DO NOTHING
            RETURNING signature
            """, transaction))
        {
            insert.With("Signature", job.Signature.Id).With("Category", job.Signature.Category)
                .With("ExceptionType", job.Signature.ExceptionType).With("Title", job.Signature.Title).With("Now", now);
            isNew = await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not (null or DBNull);
        }

        long inWindow;
        await using (var count = DbQueries.Command(connection,
            $"SELECT COUNT(*) FROM {db.Jobs} WHERE signature = @Signature AND state = '{Indexed}' AND failed_at >= @WindowStart", transaction))
        {
            inWindow = await count.With("Signature", job.Signature.Id).With("WindowStart", windowStart).ScalarInt64Async(cancellationToken).ConfigureAwait(false);
        }

        var burst = false;
        if (inWindow >= burstJobs)
        {
            await using var mark = DbQueries.Command(connection, $"""
                UPDATE {db.Signatures} SET burst_notified_at = @Now
                WHERE signature = @Signature AND (burst_notified_at IS NULL OR burst_notified_at < @WindowStart)
                """, transaction);
            burst = await mark.With("Now", now).With("Signature", job.Signature.Id).With("WindowStart", windowStart)
                .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new CompletedIndex(Stored: true, isNew, burst, inWindow);
    }

    /// <summary>Gives the claim back after a failed analysis; it is tried again once the lease runs out.</summary>
    public async Task FailAsync(string jobId, string version, string replica, string error, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        await using var connection = db.CreateConnection();
        await using var command = await DbQueries.CommandAsync(connection, $"""
            UPDATE {db.Jobs} SET state = '{Failed}', error = @Error, lease_until = @RetryAt
            WHERE job_id = @JobId AND claimed_by = @Replica AND version = @Version AND state = '{Claimed}'
            """, cancellationToken).ConfigureAwait(false);
        await command.With("Error", error.Length > 500 ? error[..500] : error).With("RetryAt", Now() + (long)retryAfter.TotalMilliseconds)
            .With("JobId", jobId).With("Replica", replica).With("Version", version).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _migration.Dispose();

    public static long Millis(DateTime time) => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
