namespace ErrorTrace.Server.Fleet;

/// <summary>
/// Counts kept up to date as jobs are indexed, so the failures list reads a row per signature instead of grouping every
/// indexed job on each request. A job <em>counts</em> while its store row has a signature (from its first completed
/// analysis on; a re-analysis that is running or failed leaves the previous one counted), in two scopes: every job
/// (<see cref="AllScope"/>, what an admin sees) and its owner's (what the owner sees). Four tables:
/// <list type="bullet">
/// <item><c>fleet_totals</c> (scope, signature): jobs, first and last failure — the list without a filter;</item>
/// <item><c>fleet_days</c> (scope, signature, UTC day): the same per day — the sparklines and <c>since</c>;</item>
/// <item><c>fleet_hosts</c> (scope, signature, host): jobs — the hosts of a signature;</item>
/// <item><c>fleet_host_totals</c> (scope, host): distinct signatures and jobs — the suspect hosts.</item>
/// </list>
/// Exact with several replicas: a job's counts change only in the transaction that writes its analysis under its claim
/// (<see cref="FleetStore.CompleteAsync"/>), which takes its old values from the locked row, subtracts them and adds the
/// new ones (a re-analysis that changed the signature, owner, host or time moves the job). Counts are increments on
/// locked rows; a first or last failure that may have left a row is recomputed from the jobs (by index) in a later
/// statement than the one that locked it, so it sees every committed job; rows are locked in one global order
/// (<see cref="AggregateCell"/>), so transactions never deadlock on each other. Rows at zero are deleted.
/// </summary>
internal static class FleetAggregates
{
    public const string TotalsTable = "fleet_totals";
    public const string DaysTable = "fleet_days";
    public const string HostsTable = "fleet_hosts";
    public const string HostTotalsTable = "fleet_host_totals";

    /// <summary>The scope of every job, whatever its owner; an owner's scope is <c>owner:</c> and the name, so no owner
    /// name can be taken for it.</summary>
    public const string AllScope = "*";

    public const long DayMillis = 86_400_000;

    private const string OwnerPrefix = "owner:";

    public static string Scope(string? owner) => owner is null ? AllScope : OwnerPrefix + owner;

    /// <summary>The UTC day of a time in Unix milliseconds, as SQL's integer division computes it (times are never
    /// negative: the store clamps them).</summary>
    public static long Day(long millis) => millis / DayMillis;

    /// <summary>Migration 2: the tables, the indexes the list's filtered reads use, and the counts of the jobs the store
    /// already holds (a store indexed by an earlier version is counted once, on the first start of this one).</summary>
    public static string Migration(FleetDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var owner = $"'{OwnerPrefix}' || owner";
        var counted = "signature IS NOT NULL";
        return $"""
            UPDATE {db.Jobs} SET failed_at = COALESCE(indexed_at, 0) WHERE {counted} AND failed_at IS NULL;
            CREATE TABLE {db.Totals} (
                scope TEXT NOT NULL, signature TEXT NOT NULL, category TEXT NOT NULL,
                job_count BIGINT NOT NULL, first_seen BIGINT, last_seen BIGINT,
                PRIMARY KEY (scope, signature));
            CREATE TABLE {db.Days} (
                scope TEXT NOT NULL, signature TEXT NOT NULL, day BIGINT NOT NULL, category TEXT NOT NULL,
                job_count BIGINT NOT NULL, first_seen BIGINT, last_seen BIGINT,
                PRIMARY KEY (scope, signature, day));
            CREATE INDEX fleet_days_day ON {db.Days} (scope, day);
            CREATE TABLE {db.Hosts} (
                scope TEXT NOT NULL, signature TEXT NOT NULL, host TEXT NOT NULL, category TEXT NOT NULL,
                job_count BIGINT NOT NULL,
                PRIMARY KEY (scope, signature, host));
            CREATE INDEX fleet_hosts_category ON {db.Hosts} (scope, category, host);
            CREATE TABLE {db.HostTotals} (
                scope TEXT NOT NULL, host TEXT NOT NULL, signature_count BIGINT NOT NULL, job_count BIGINT NOT NULL,
                PRIMARY KEY (scope, host));
            CREATE INDEX fleet_jobs_owner_signature ON {db.Jobs} (owner, signature, failed_at);
            CREATE INDEX fleet_jobs_host ON {db.Jobs} (host, signature, failed_at);
            INSERT INTO {db.Totals} (scope, signature, category, job_count, first_seen, last_seen)
                SELECT '{AllScope}', signature, MIN(category), COUNT(*), MIN(failed_at), MAX(failed_at) FROM {db.Jobs}
                WHERE {counted} GROUP BY signature;
            INSERT INTO {db.Totals} (scope, signature, category, job_count, first_seen, last_seen)
                SELECT {owner}, signature, MIN(category), COUNT(*), MIN(failed_at), MAX(failed_at) FROM {db.Jobs}
                WHERE {counted} AND owner IS NOT NULL GROUP BY owner, signature;
            INSERT INTO {db.Days} (scope, signature, day, category, job_count, first_seen, last_seen)
                SELECT '{AllScope}', signature, failed_at / {DayMillis}, MIN(category), COUNT(*), MIN(failed_at), MAX(failed_at) FROM {db.Jobs}
                WHERE {counted} GROUP BY signature, failed_at / {DayMillis};
            INSERT INTO {db.Days} (scope, signature, day, category, job_count, first_seen, last_seen)
                SELECT {owner}, signature, failed_at / {DayMillis}, MIN(category), COUNT(*), MIN(failed_at), MAX(failed_at) FROM {db.Jobs}
                WHERE {counted} AND owner IS NOT NULL GROUP BY owner, signature, failed_at / {DayMillis};
            INSERT INTO {db.Hosts} (scope, signature, host, category, job_count)
                SELECT '{AllScope}', signature, host, MIN(category), COUNT(*) FROM {db.Jobs}
                WHERE {counted} AND host IS NOT NULL GROUP BY signature, host;
            INSERT INTO {db.Hosts} (scope, signature, host, category, job_count)
                SELECT {owner}, signature, host, MIN(category), COUNT(*) FROM {db.Jobs}
                WHERE {counted} AND host IS NOT NULL AND owner IS NOT NULL GROUP BY owner, signature, host;
            INSERT INTO {db.HostTotals} (scope, host, signature_count, job_count)
                SELECT scope, host, COUNT(*), SUM(job_count) FROM {db.Hosts} GROUP BY scope, host;
            """;
    }

    /// <summary>Appends to <paramref name="sql"/> the statements that move one job's counts from
    /// <paramref name="before"/> (null: it did not count) to <paramref name="after"/>, inside the transaction that
    /// writes its row (already written, so recomputations see its new values).</summary>
    public static void AppendChanges(SqlBuilder sql, FleetDatabase db, CountedJob? before, CountedJob? after)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(db);
        if (before == after) return;
        var cells = new SortedDictionary<AggregateCell, (int Delta, string Category, long FailedAt)>();
        void Count(CountedJob job, int delta)
        {
            string?[] owners = job.Owner is null ? [null] : [null, job.Owner];
            foreach (var owner in owners)
            {
                Add(new AggregateCell(AggregateKind.Total, owner, job.Signature, 0, ""));
                Add(new AggregateCell(AggregateKind.Day, owner, job.Signature, Day(job.FailedAt), ""));
                if (job.Host is not null) Add(new AggregateCell(AggregateKind.Host, owner, job.Signature, 0, job.Host));
            }

            void Add(AggregateCell cell) =>
                cells[cell] = cells.TryGetValue(cell, out var d) ? (d.Delta + delta, d.Category, d.FailedAt) : (delta, job.Category, job.FailedAt);
        }

        if (before is not null) Count(before, -1);
        if (after is not null) Count(after, +1);
        var sameTime = before is not null && after is not null && before.FailedAt == after.FailedAt;

        // 1. Counts, in lock order; a row whose job stays but whose time moved is locked for its recomputation.
        var recompute = new List<AggregateCell>();
        var emptied = new List<AggregateCell>();
        foreach (var (cell, (delta, category, failedAt)) in cells)
        {
            if (delta == 0 && (cell.Kind == AggregateKind.Host || sameTime)) continue;
            sql.Statement(Change(sql, db, cell, delta, category, failedAt));
            if (delta <= 0 && cell.Kind != AggregateKind.Host) recompute.Add(cell);
            if (delta < 0) emptied.Add(cell);
        }

        // 2. Each host's distinct signatures and jobs, from its rows' changes: a row now at 1 after +1 was created, a
        //    row now at 0 after -1 was emptied (both locked by this transaction above, so the counts are exact).
        var hosts = cells.Where(c => c.Key.Kind == AggregateKind.Host && c.Value.Delta != 0)
            .GroupBy(c => (c.Key.Scope, c.Key.Host)).OrderBy(g => g.Key.Scope, StringComparer.Ordinal).ThenBy(g => g.Key.Host, StringComparer.Ordinal);
        foreach (var host in hosts)
        {
            var (scope, name) = host.Key;
            var jobs = host.Sum(c => c.Value.Delta);
            string Rows(int delta, int count)
            {
                var signatures = host.Where(c => c.Value.Delta == delta).Select(c => sql.P(c.Key.Signature)).ToList();
                return signatures.Count == 0 ? "0" : $"(SELECT COUNT(*) FROM {db.Hosts} WHERE scope = {sql.P(scope)} AND host = {sql.P(name)} AND job_count = {count} AND signature IN ({string.Join(", ", signatures)}))";
            }

            sql.Statement($"""
                INSERT INTO {db.HostTotals} (scope, host, signature_count, job_count)
                VALUES ({sql.P(scope)}, {sql.P(name)}, {Rows(+1, 1)} - {Rows(-1, 0)}, {sql.P(jobs)})
                ON CONFLICT (scope, host) DO UPDATE SET signature_count = {HostTotalsTable}.signature_count + excluded.signature_count,
                    job_count = {HostTotalsTable}.job_count + excluded.job_count
                """);
            if (jobs < 0) sql.Statement($"DELETE FROM {db.HostTotals} WHERE scope = {sql.P(scope)} AND host = {sql.P(name)} AND job_count = 0");
        }

        // 3. First and last failure of rows a job left, from the jobs still in them (index range scans).
        foreach (var cell in recompute)
        {
            var jobs = $"FROM {db.Jobs} WHERE signature = {sql.P(cell.Signature)}" + (cell.Owner is null ? "" : $" AND owner = {sql.P(cell.Owner)}")
                + (cell.Kind == AggregateKind.Day ? $" AND failed_at >= {sql.P(cell.Day * DayMillis)} AND failed_at < {sql.P((cell.Day + 1) * DayMillis)}" : "");
            sql.Statement($"UPDATE {Table(db, cell)} SET first_seen = (SELECT MIN(failed_at) {jobs}), last_seen = (SELECT MAX(failed_at) {jobs}) WHERE {Key(sql, cell)}");
        }

        foreach (var cell in emptied) sql.Statement($"DELETE FROM {Table(db, cell)} WHERE {Key(sql, cell)} AND job_count = 0");
    }

    private static string Change(SqlBuilder sql, FleetDatabase db, AggregateCell cell, int delta, string category, long failedAt)
    {
        if (delta <= 0) return $"UPDATE {Table(db, cell)} SET job_count = job_count - {-delta} WHERE {Key(sql, cell)}";
        var bare = Bare(cell);
        return cell.Kind switch
        {
            AggregateKind.Total => $"""
                INSERT INTO {db.Totals} (scope, signature, category, job_count, first_seen, last_seen)
                VALUES ({sql.P(cell.Scope)}, {sql.P(cell.Signature)}, {sql.P(category)}, {delta}, {sql.P(failedAt)}, {sql.P(failedAt)})
                ON CONFLICT (scope, signature) DO UPDATE SET job_count = {bare}.job_count + excluded.job_count,
                    first_seen = {db.Least}({bare}.first_seen, excluded.first_seen), last_seen = {db.Greatest}({bare}.last_seen, excluded.last_seen)
                """,
            AggregateKind.Day => $"""
                INSERT INTO {db.Days} (scope, signature, day, category, job_count, first_seen, last_seen)
                VALUES ({sql.P(cell.Scope)}, {sql.P(cell.Signature)}, {sql.P(cell.Day)}, {sql.P(category)}, {delta}, {sql.P(failedAt)}, {sql.P(failedAt)})
                ON CONFLICT (scope, signature, day) DO UPDATE SET job_count = {bare}.job_count + excluded.job_count,
                    first_seen = {db.Least}({bare}.first_seen, excluded.first_seen), last_seen = {db.Greatest}({bare}.last_seen, excluded.last_seen)
                """,
            _ => $"""
                INSERT INTO {db.Hosts} (scope, signature, host, category, job_count)
                VALUES ({sql.P(cell.Scope)}, {sql.P(cell.Signature)}, {sql.P(cell.Host)}, {sql.P(category)}, {delta})
                ON CONFLICT (scope, signature, host) DO UPDATE SET job_count = {bare}.job_count + excluded.job_count
                """,
        };
    }

    private static string Key(SqlBuilder sql, AggregateCell cell) => cell.Kind switch
    {
        AggregateKind.Total => $"scope = {sql.P(cell.Scope)} AND signature = {sql.P(cell.Signature)}",
        AggregateKind.Day => $"scope = {sql.P(cell.Scope)} AND signature = {sql.P(cell.Signature)} AND day = {sql.P(cell.Day)}",
        _ => $"scope = {sql.P(cell.Scope)} AND signature = {sql.P(cell.Signature)} AND host = {sql.P(cell.Host)}",
    };

    private static string Table(FleetDatabase db, AggregateCell cell) => cell.Kind switch
    {
        AggregateKind.Total => db.Totals,
        AggregateKind.Day => db.Days,
        _ => db.Hosts,
    };

    /// <summary>The unqualified name, as <c>ON CONFLICT … DO UPDATE</c> refers to the existing row.</summary>
    private static string Bare(AggregateCell cell) => cell.Kind switch
    {
        AggregateKind.Total => TotalsTable,
        AggregateKind.Day => DaysTable,
        _ => HostsTable,
    };
}
