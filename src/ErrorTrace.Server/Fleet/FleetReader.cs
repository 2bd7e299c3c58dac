using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using ErrorTrace.Core.Fleet;
using ErrorTrace.Server.Data;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Fleet;

/// <summary>
/// The endpoints' side of the store: signatures of the indexed jobs the caller may see (an owner's own jobs, or all for
/// an admin), filtered by time, category and host, read from the aggregates where they answer the query exactly
/// (<see cref="FailureSource"/>). A page is two round trips: the page of groups with its totals and the suspect hosts,
/// then the page's hosts, days and recent jobs (by index, a few per signature).
/// </summary>
internal sealed class FleetReader(FleetStore store, TimeProvider time, IOptions<FleetOptions> options)
{
    /// <summary>The list's per-day counts cover this many days back (the sparkline); a signature's page has every day.</summary>
    public const int SparklineDays = 14;

    /// <summary>Pages remembered at most; beyond that the memo is emptied (many owners and filters must not grow it).</summary>
    private const int MaxCachedPages = 1_000;

    private readonly ConcurrentDictionary<FailureQuery, (FailureList List, long Until)> _pages = new();

    private FleetDatabase Db => store.Database;

    /// <summary>A page of signatures. The same page is reused for <c>Fleet:ListCacheSeconds</c> (per replica): dashboards
    /// poll the same page, and the store changes only when an indexer writes.</summary>
    public async Task<FailureList> ListAsync(FailureQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var lifetime = (long)(options.Value.ListCacheSeconds * 1000);
        if (lifetime > 0 && _pages.TryGetValue(query, out var cached) && cached.Until > now) return cached.List;
        var list = await QueryAsync(query, cancellationToken).ConfigureAwait(false);
        if (lifetime > 0)
        {
            if (_pages.Count >= MaxCachedPages) _pages.Clear();
            _pages[query] = (list, now + lifetime);
        }

        return list;
    }

    private async Task<FailureList> QueryAsync(FailureQuery query, CancellationToken cancellationToken)
    {
        var empty = new FailureList { Page = query.Page, PageSize = query.PageSize };
        if (!IsOwnerName(query.Owner)) return empty;
        await store.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        var source = FailureSource.For(Db, query);
        await using var connection = Db.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        // 1. The page of groups (the totals ride on it: window functions run before LIMIT) and the suspect hosts.
        var first = new SqlBuilder();
        first.Statement($"""
            SELECT g.signature, g.category, s.exception_type, s.title, g.job_count, g.first_seen, g.last_seen,
                   COUNT(*) OVER () AS signatures, SUM(g.job_count) OVER () AS jobs
            FROM ({source.Groups(first)}) g LEFT JOIN {Db.Signatures} s ON s.signature = g.signature
            ORDER BY g.job_count DESC, g.last_seen DESC, g.signature LIMIT {first.P(query.PageSize)} OFFSET {first.P((long)(query.Page - 1) * query.PageSize)}
            """);
        first.Statement($"""
            SELECT host, signatures, jobs FROM ({source.Suspects(first)}) h WHERE signatures >= {first.P(FleetGrouping.SuspectMinSignatures)}
            ORDER BY signatures DESC, jobs DESC, host LIMIT {first.P(FleetGrouping.HostsPerSignature)}
            """);
        long total = 0, jobCount = 0;
        List<SignatureGroup> groups = [];
        List<SuspectHost> suspects = [];
        await using (var command = first.Command(connection))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    groups.Add(ReadGroup(reader));
                    (total, jobCount) = (Int(reader, 7), Int(reader, 8));
                }

                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) suspects.Add(new SuspectHost(reader.GetString(0), Int(reader, 1), Int(reader, 2)));
            }
        }

        if (groups.Count == 0 && query.Page > 1)
        {
            // Past the last page the window has no row to ride on: count separately (rare).
            var totals = new SqlBuilder();
            totals.Append($"SELECT COUNT(*), SUM(job_count) FROM ({source.Groups(totals)}) g");
            await using var command = totals.Command(connection);
            (total, jobCount) = (await command.ListAsync(r => (Int(r, 0), r.IsDBNull(1) ? 0 : Int(r, 1)), cancellationToken).ConfigureAwait(false))[0];
        }

        // 2. The page's hosts, days of the sparkline, and latest jobs.
        var today = FleetAggregates.Day(time.GetUtcNow().ToUnixTimeMilliseconds());
        var filled = await FillAsync(connection, source, groups, FleetGrouping.JobsPerSignature, today - (SparklineDays - 1), cancellationToken).ConfigureAwait(false);
        return empty with { Signatures = filled, Total = total, JobCount = jobCount, SuspectHosts = suspects };
    }

    /// <summary>One signature with its jobs (a page of them, most recent first) and every day's count; null when the
    /// caller sees no job of it.</summary>
    public async Task<SignatureGroup?> DetailAsync(string signature, string? owner, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (!IsOwnerName(owner)) return null;
        await store.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        var query = new FailureQuery(owner, Since: null, Category: null, Host: null, page, pageSize);
        var source = FailureSource.For(Db, query);
        await using var connection = Db.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var head = new SqlBuilder();
        head.Append($"""
            SELECT t.signature, t.category, s.exception_type, s.title, t.job_count, t.first_seen, t.last_seen
            FROM {Db.Totals} t LEFT JOIN {Db.Signatures} s ON s.signature = t.signature
            WHERE t.scope = {head.P(FleetAggregates.Scope(owner))} AND t.signature = {head.P(signature)}
            """);
        List<SignatureGroup> groups;
        await using (var command = head.Command(connection))
            groups = await command.ListAsync(ReadGroup, cancellationToken).ConfigureAwait(false);
        if (groups.Count == 0) return null;
        var group = (await FillAsync(connection, source, groups, maxJobs: 0, fromDay: 0, cancellationToken).ConfigureAwait(false))[0];

        var jobs = new SqlBuilder();
        jobs.Append($"""
            SELECT job_id, status, failed_at, host FROM {Db.Jobs} WHERE {source.JobFilter(jobs)} AND signature = {jobs.P(signature)}
            ORDER BY failed_at DESC, job_id DESC LIMIT {jobs.P(pageSize)} OFFSET {jobs.P((long)(page - 1) * pageSize)}
            """);
        await using var list = jobs.Command(connection);
        var rows = await list.ListAsync(r => new SignatureJob(r.GetString(0), Text(r, 1) ?? "failed", Time(r, 2), Text(r, 3)), cancellationToken).ConfigureAwait(false);
        return group with { Jobs = rows };
    }

    /// <summary>A job's signature and the number of the caller's jobs that share it; null when it is not indexed.</summary>
    public async Task<(string? Owner, JobFailure Failure)?> JobAsync(string jobId, string? owner, CancellationToken cancellationToken)
    {
        if (!IsOwnerName(owner)) return null;
        await store.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = Db.CreateConnection();
        var find = new SqlBuilder();
        find.Append($"""
            SELECT j.signature, j.category, j.title, j.host, j.owner, t.job_count FROM {Db.Jobs} j
            LEFT JOIN {Db.Totals} t ON t.scope = {find.P(FleetAggregates.Scope(owner))} AND t.signature = j.signature
            WHERE j.job_id = {find.P(jobId)} AND j.signature IS NOT NULL
            """);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = find.Command(connection);
        var rows = await command.ListAsync(r => (Signature: r.GetString(0), Category: r.GetString(1), Title: Text(r, 2) ?? "", Host: Text(r, 3), Owner: Text(r, 4),
            Jobs: r.IsDBNull(5) ? 0 : Int(r, 5)), cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0) return null;
        var row = rows[0];
        // The endpoint answers only callers who can see the job, so the count includes it.
        return (row.Owner, new JobFailure(jobId, row.Signature, row.Category, row.Title, row.Host, row.Jobs, Math.Max(0, row.Jobs - 1)));
    }

    /// <summary>Hosts, the most recent <paramref name="maxJobs"/> jobs and the per-day counts (from
    /// <paramref name="fromDay"/>) of the given groups, in one round trip.</summary>
    private async Task<List<SignatureGroup>> FillAsync(DbConnection connection, FailureSource source, List<SignatureGroup> groups, int maxJobs, long fromDay,
        CancellationToken cancellationToken)
    {
        if (groups.Count == 0) return groups;
        var names = groups.ConvertAll(g => g.Signature);
        var sql = new SqlBuilder();
        // Only the hosts the answer keeps: a signature of a flaky fleet has a row per host, and all of them would be
        // read, sent and dropped on every request.
        sql.Statement($"""
            SELECT signature, host, job_count FROM (
                SELECT signature, host, job_count, ROW_NUMBER() OVER (PARTITION BY signature ORDER BY job_count DESC, host) AS n
                FROM ({source.Hosts(sql, names)}) h) ranked
            WHERE n <= {sql.P(FleetGrouping.HostsPerSignature)} ORDER BY signature, job_count DESC, host
            """);
        sql.Statement($"SELECT signature, day, job_count FROM ({source.Days(sql, names, fromDay)}) d ORDER BY signature, day");
        if (maxJobs > 0)
        {
            // The latest few of each signature, each by its own index range (a window over all their jobs would read them all).
            var latest = names.Select((name, i) => $"""
                SELECT * FROM (SELECT signature, job_id, status, failed_at, host FROM {Db.Jobs} WHERE {source.JobFilter(sql)} AND signature = {sql.P(name)}
                ORDER BY failed_at DESC, job_id DESC LIMIT {sql.P(maxJobs)}) j{i.ToString(CultureInfo.InvariantCulture)}
                """);
            sql.Statement(string.Join("\nUNION ALL\n", latest));
        }

        var hosts = new List<(string, HostCount)>();
        var days = new List<(string, DayCount)>();
        var jobs = new List<(string, SignatureJob)>();
        await using (var command = sql.Command(connection))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) hosts.Add((reader.GetString(0), new HostCount(reader.GetString(1), Int(reader, 2))));
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var day = DateTimeOffset.FromUnixTimeMilliseconds(Int(reader, 1) * FleetAggregates.DayMillis).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    days.Add((reader.GetString(0), new DayCount(day, Int(reader, 2))));
                }

                if (maxJobs > 0 && await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        jobs.Add((reader.GetString(0), new SignatureJob(reader.GetString(1), Text(reader, 2) ?? "failed", Time(reader, 3), Text(reader, 4))));
                }
            }
        }

        var hostsOf = hosts.ToLookup(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
        var jobsOf = jobs.ToLookup(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
        var daysOf = days.ToLookup(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
        return groups.ConvertAll(g => g with
        {
            Hosts = hostsOf[g.Signature].Take(FleetGrouping.HostsPerSignature).ToList(),
            Jobs = jobsOf[g.Signature].ToList(),
            Days = daysOf[g.Signature].ToList(),
        });
    }

    /// <summary>A caller without an owner gets an owner filter no job has (<c>\0no-owner</c>); PostgreSQL refuses a NUL in
    /// text, so such a filter is answered as empty without asking.</summary>
    private static bool IsOwnerName(string? owner) => owner is null || !owner.Contains('\0', StringComparison.Ordinal);

    private static SignatureGroup ReadGroup(DbDataReader r) => new()
    {
        Signature = r.GetString(0),
        Category = r.GetString(1),
        ExceptionType = Text(r, 2) ?? "",
        Title = Text(r, 3) ?? "",
        JobCount = Int(r, 4),
        FirstSeen = Time(r, 5),
        LastSeen = Time(r, 6),
    };

    private static long Int(DbDataReader r, int column) => Convert.ToInt64(r.GetValue(column), CultureInfo.InvariantCulture);

    private static string? Text(DbDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);

    private static DateTime? Time(DbDataReader r, int column) =>
        r.IsDBNull(column) ? null : DateTimeOffset.FromUnixTimeMilliseconds(Int(r, column)).UtcDateTime;
}
