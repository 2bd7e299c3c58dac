using System.Data.Common;
using System.Globalization;
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

    /// <summary>Tries of a completion rolled back by a deadlock or serialisation failure before the error is the
    /// indexer's (the job is then tried again once its claim's lease runs out).</summary>
    private const int MaxCompleteAttempts = 3;

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

    /// <summary>Stores the analysis under <paramref name="replica"/>'s claim, moves the job's counts in the aggregates
    /// (<see cref="FleetAggregates"/>) from what it counted as before to its new signature, owner, host and time, records
    /// the signature, and decides whether this completion is news: a signature first seen now, or one that just reached
    /// <paramref name="burstJobs"/> jobs within <paramref name="window"/> (announced once per window, by whichever replica
    /// gets there first). Three round trips: the claimed row (locked), every write as one batch, the commit.</summary>
    public async Task<CompletedIndex> CompleteAsync(IndexedJob job, string replica, int burstJobs, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryCompleteAsync(job, replica, burstJobs, window, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException ex) when (attempt < MaxCompleteAttempts && db.IsRetryable(ex))
            {
                // Rolled back whole (a deadlock with something outside the store's own lock order): try again.
            }
        }
    }

    private async Task<CompletedIndex> TryCompleteAsync(IndexedJob job, string replica, int burstJobs, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = Now();
        var windowStart = now - (long)window.TotalMilliseconds;
        await using var connection = db.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var claim = new SqlBuilder();
        claim.Append($"""
            SELECT signature, category, owner, host, failed_at FROM {db.Jobs}
            WHERE job_id = {claim.P(job.JobId)} AND claimed_by = {claim.P(replica)} AND version = {claim.P(job.Version)} AND state = '{Claimed}'{db.ForUpdate}
            """);
        CountedJob? before;
        await using (var select = claim.Command(connection, transaction))
        {
            var rows = await select.ListAsync(r => r.IsDBNull(0) ? null : new CountedJob(r.GetString(0), r.GetString(1),
                r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? 0 : r.GetInt64(4)), cancellationToken).ConfigureAwait(false);
            // Not ours any more (its lease ran out and another replica took it, or its version moved on): nothing is written.
            if (rows.Count == 0) return new CompletedIndex(Stored: false, NewSignature: false, Burst: false, JobsInWindow: 0);
            before = rows[0];
        }

        var failedAt = Math.Max(0, Millis(job.FailedAt));
        var after = new CountedJob(job.Signature.Id, job.Signature.Category, job.Owner, job.Host, failedAt);
        var sql = new SqlBuilder();
        sql.Statement($"""
            UPDATE {db.Jobs} SET state = '{Indexed}', owner = {sql.P(job.Owner)}, status = {sql.P(job.Status)}, host = {sql.P(job.Host)},
                signature = {sql.P(job.Signature.Id)}, category = {sql.P(job.Signature.Category)}, exception_type = {sql.P(job.Signature.ExceptionType)},
                title = {sql.P(job.Signature.Title)}, failed_at = {sql.P(failedAt)}, indexed_at = {sql.P(now)}, log_bytes = {sql.P(job.LogBytes)},
                error = NULL, lease_until = NULL
            WHERE job_id = {sql.P(job.JobId)}
            """);
        sql.Statement($"""
            INSERT INTO {db.Signatures} (signature, category, exception_type, title, first_indexed)
            VALUES ({sql.P(job.Signature.Id)}, {sql.P(job.Signature.Category)}, {sql.P(job.Signature.ExceptionType)}, {sql.P(job.Signature.Title)}, {sql.P(now)})
            ON CONFLICT (signature) DO NOTHING
            RETURNING signature
            """);
        FleetAggregates.AppendChanges(sql, db, before, after);
        var inWindow = $"(SELECT COUNT(*) FROM {db.Jobs} WHERE signature = {sql.P(job.Signature.Id)} AND failed_at >= {sql.P(windowStart)})";
        sql.Statement($"SELECT {inWindow}");
        sql.Statement($"""
            UPDATE {db.Signatures} SET burst_notified_at = {sql.P(now)}
            WHERE signature = {sql.P(job.Signature.Id)} AND (burst_notified_at IS NULL OR burst_notified_at < {sql.P(windowStart)})
              AND {inWindow} >= {sql.P(burstJobs)}
            RETURNING signature
            """);

        bool isNew, burst;
        long jobsInWindow;
        await using (var batch = sql.Command(connection, transaction))
        {
            var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                isNew = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                await NextResultAsync(reader, cancellationToken).ConfigureAwait(false);
                jobsInWindow = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture) : 0;
                await NextResultAsync(reader, cancellationToken).ConfigureAwait(false);
                burst = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
                {
                    // Every statement runs (none after this returns rows).
                }
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new CompletedIndex(Stored: true, isNew, burst, jobsInWindow);
    }

    private static async Task NextResultAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            throw new InvalidOperationException("The store's completion batch returned fewer results than it has queries.");
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
