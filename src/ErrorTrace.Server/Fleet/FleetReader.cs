using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using ErrorTrace.Core.Fleet;
using ErrorTrace.Server.Data;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Fleet;

/// <summary>
/// The endpoints' side of the store: signatures grouped in SQL over the indexed jobs the caller may see (an owner's own
/// jobs, or all for an admin), filtered by time, category and host. A page is four full statements: the page of groups
/// with the totals, then hosts, recent jobs and days for that page's signatures only (by index), and the suspect hosts.
/// </summary>
internal sealed class FleetReader(FleetStore store, TimeProvider time, IOptions<FleetOptions> options)
{
    /// <summary>The list's per-day counts cover this many days back (the sparkline); a signature's page has every day.</summary>
    public const int SparklineDays = 14;

    private const long DayMillis = 86_400_000;

    /// <summary>Pages remembered at most; beyond that the memo is emptied (many owners and filters must not grow it).</summary>
    private const int MaxCachedPages = 1_000;

    private readonly ConcurrentDictionary<FailureQuery, (FailureList List, long Until)> _pages = new();

    private FleetDatabase Db => store.Database;

    /// <summary>A page of signatures. The same page is reused for <c>Fleet:ListCacheSeconds</c>: the store changes only
    /// when an indexer writes (every few seconds at most), and dashboards poll the same page; each replica keeps its own.</summary>
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
        await store.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        var (where, bind) = Filters(query.Owner, query.Since, query.Category, query.Host);
        await using var connection = Db.CreateConnection();

        // The totals ride on the page's own scan: window functions over the groups run before LIMIT.
        await using var page = await DbQueries.CommandAsync(connection, $"""
            SELECT signature, MIN(category), MIN(exception_type), MIN(title), COUNT(*) AS job_count, MIN(failed_at), MAX(failed_at) AS last_seen,
                   COUNT(*) OVER () AS signatures, SUM(COUNT(*)) OVER () AS jobs
            FROM {Db.Jobs} WHERE {where}
            GROUP BY signature ORDER BY job_count DESC, last_seen DESC, signature LIMIT @Limit OFFSET @Offset
            """, cancellationToken).ConfigureAwait(false);
        bind(page).With("Limit", query.PageSize).With("Offset", (long)(query.Page - 1) * query.PageSize);
        long total = 0, jobCount = 0;
        var groups = await page.ListAsync(r =>
        {
            total = Int(r, 7);
            jobCount = Int(r, 8);
            return ReadGroup(r);
        }, cancellationToken).ConfigureAwait(false);
        if (groups.Count == 0 && query.Page > 1)
        {
            // Past the last page the window has no row to ride on: count separately (rare).
            await using var totals = await DbQueries.CommandAsync(connection,
                $"SELECT COUNT(DISTINCT signature), COUNT(*) FROM {Db.Jobs} WHERE {where}", cancellationToken).ConfigureAwait(false);
            (total, jobCount) = (await bind(totals).ListAsync(r => (Int(r, 0), Int(r, 1)), cancellationToken).ConfigureAwait(false))[0];
        }

        var sparklineFrom = time.GetUtcNow().ToUnixTimeMilliseconds() / DayMillis * DayMillis - (SparklineDays - 1) * DayMillis;
        var filled = await FillAsync(connection, groups, where, bind, FleetGrouping.JobsPerSignature, sparklineFrom, cancellationToken).ConfigureAwait(false);

        await using var suspects = await DbQueries.CommandAsync(connection, $"""
            SELECT host, COUNT(DISTINCT signature) AS signatures, COUNT(*) AS jobs FROM {Db.Jobs}
            WHERE {where} AND host IS NOT NULL
            GROUP BY host HAVING COUNT(DISTINCT signature) >= @MinSignatures
            ORDER BY signatures DESC, jobs DESC, host LIMIT @MaxHosts
            """, cancellationToken).ConfigureAwait(false);
        bind(suspects).With("MinSignatures", FleetGrouping.SuspectMinSignatures).With("MaxHosts", FleetGrouping.HostsPerSignature);
        var suspectHosts = await suspects.ListAsync(r => new SuspectHost(r.GetString(0), Int(r, 1), Int(r, 2)), cancellationToken).ConfigureAwait(false);

        return new FailureList
        {
            Signatures = filled,
            Total = total,
            Page = query.Page,
            PageSize = query.PageSize,
            JobCount = jobCount,
            SuspectHosts = suspectHosts,
        };
    }

    /// <summary>One signature with its jobs (a page of them, most recent first) and every day's count; null when the
    /// caller sees no job of it.</summary>
    public async Task<SignatureGroup?> DetailAsync(string signature, string? owner, int page, int pageSize, CancellationToken cancellationToken)
    {
        await store.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        var (where, bind) = Filters(owner, since: null, category: null, host: null);
        where += " AND signature = @Signature";
        await using var connection = Db.CreateConnection();
        await using var head = await DbQueries.CommandAsync(connection, $"""
            SELECT signature, MIN(category), MIN(exception_type), MIN(title), COUNT(*), MIN(failed_at), MAX(failed_at)
            FROM {Db.Jobs} WHERE {where} GROUP BY signature
            """, cancellationToken).ConfigureAwait(false);
        var groups = await bind(head).With("Signature", signature).ListAsync(ReadGroup, cancellationToken).ConfigureAwait(false);
        if (groups.Count == 0) return null;
        var group = (await FillAsync(connection, groups, where, c => bind(c).With("Signature", signature), maxJobs: 0, daysFrom: null, cancellationToken).ConfigureAwait(false))[0];

        await using var jobs = await DbQueries.CommandAsync(connection, $"""
            SELECT job_id, status, failed_at, host FROM {Db.Jobs} WHERE {where}
            ORDER BY failed_at DESC, job_id DESC LIMIT @Limit OFFSET @Offset
            """, cancellationToken).ConfigureAwait(false);
        bind(jobs).With("Signature", signature).With("Limit", pageSize).With("Offset", (long)(page - 1) * pageSize);
        var list = await jobs.ListAsync(r => new SignatureJob(r.GetString(0), Text(r, 1) ?? "failed", Time(r, 2), Text(r, 3)), cancellationToken).ConfigureAwait(false);
        return group with { Jobs = list };
    }

    /// <summary>A job's signature and the number of the caller's jobs that share it; null when it is not indexed.</summary>
    public async Task<(string? Owner, JobFailure Failure)?> JobAsync(string jobId, string? owner, CancellationToken cancellationToken)
    {
        await store.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = Db.CreateConnection();
        await using var find = await DbQueries.CommandAsync(connection,
            $"SELECT signature, category, title, host, owner FROM {Db.Jobs} WHERE job_id = @JobId AND state = '{FleetStore.Indexed}'", cancellationToken).ConfigureAwait(false);
        var rows = await find.With("JobId", jobId).ListAsync(r => (Signature: r.GetString(0), Category: r.GetString(1), Title: r.GetString(2), Host: Text(r, 3), Owner: Text(r, 4)), cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0) return null;
        var row = rows[0];
        var (where, bind) = Filters(owner, since: null, category: null, host: null);
        await using var count = await DbQueries.CommandAsync(connection, $"SELECT COUNT(*) FROM {Db.Jobs} WHERE {where} AND signature = @Signature", cancellationToken).ConfigureAwait(false);
        var jobs = await bind(count).With("Signature", row.Signature).ScalarInt64Async(cancellationToken).ConfigureAwait(false);
        // The endpoint answers only callers who can see the job, so the count includes it.
        return (row.Owner, new JobFailure(jobId, row.Signature, row.Category, row.Title, row.Host, jobs, Math.Max(0, jobs - 1)));
    }

    /// <summary>Hosts, the most recent <paramref name="maxJobs"/> jobs and the per-day counts of the given groups.</summary>
    private async Task<List<SignatureGroup>> FillAsync(DbConnection connection, List<SignatureGroup> groups, string where, Func<DbCommand, DbCommand> bind,
        int maxJobs, long? daysFrom, CancellationToken cancellationToken)
    {
        if (groups.Count == 0) return groups;
        var names = new StringBuilder();
        for (var i = 0; i < groups.Count; i++) names.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"@S{i}");
        var inPage = $"{where} AND signature IN ({names})";
        DbCommand Bind(DbCommand command)
        {
            bind(command);
            for (var i = 0; i < groups.Count; i++) command.With($"S{i}", groups[i].Signature);
            return command;
        }

        await using var hosts = await DbQueries.CommandAsync(connection, $"""
            SELECT signature, host, COUNT(*) AS jobs FROM {Db.Jobs} WHERE {inPage} AND host IS NOT NULL
            GROUP BY signature, host ORDER BY signature, jobs DESC, host
            """, cancellationToken).ConfigureAwait(false);
        var hostRows = await Bind(hosts).ListAsync(r => (r.GetString(0), new HostCount(r.GetString(1), Int(r, 2))), cancellationToken).ConfigureAwait(false);

        List<(string, SignatureJob)> jobRows = [];
        if (maxJobs > 0)
        {
            await using var jobs = await DbQueries.CommandAsync(connection, $"""
                SELECT signature, job_id, status, failed_at, host FROM (
                    SELECT signature, job_id, status, failed_at, host,
                           ROW_NUMBER() OVER (PARTITION BY signature ORDER BY failed_at DESC, job_id DESC) AS n
                    FROM {Db.Jobs} WHERE {inPage}) ranked
                WHERE n <= @PerSignature ORDER BY signature, failed_at DESC, job_id DESC
                """, cancellationToken).ConfigureAwait(false);
            jobRows = await Bind(jobs).With("PerSignature", maxJobs)
                .ListAsync(r => (r.GetString(0), new SignatureJob(r.GetString(1), Text(r, 2) ?? "failed", Time(r, 3), Text(r, 4))), cancellationToken).ConfigureAwait(false);
        }

        await using var days = await DbQueries.CommandAsync(connection, $"""
            SELECT signature, failed_at / {DayMillis} AS day, COUNT(*) FROM {Db.Jobs} WHERE {inPage} AND failed_at >= @DaysFrom
            GROUP BY signature, failed_at / {DayMillis} ORDER BY signature, day
            """, cancellationToken).ConfigureAwait(false);
        var dayRows = await Bind(days).With("DaysFrom", daysFrom ?? long.MinValue)
            .ListAsync(r => (r.GetString(0), new DayCount(DateTimeOffset.FromUnixTimeMilliseconds(Int(r, 1) * DayMillis).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Int(r, 2))), cancellationToken).ConfigureAwait(false);

        var hostsOf = hostRows.ToLookup(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
        var jobsOf = jobRows.ToLookup(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
        var daysOf = dayRows.ToLookup(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
        return groups.ConvertAll(g => g with
        {
            Hosts = hostsOf[g.Signature].Take(FleetGrouping.HostsPerSignature).ToList(),
            Jobs = jobsOf[g.Signature].ToList(),
            Days = daysOf[g.Signature].ToList(),
        });
    }

    /// <summary>The WHERE clause of the caller's indexed jobs, and a binder for exactly its parameters (PostgreSQL must
    /// not be sent one the statement does not use).</summary>
    private static (string Where, Func<DbCommand, DbCommand> Bind) Filters(string? owner, DateTime? since, string? category, string? host)
    {
        var where = new StringBuilder($"state = '{FleetStore.Indexed}'");
        if (owner is not null) where.Append(" AND owner = @Owner");
        if (since is not null) where.Append(" AND failed_at >= @Since");
        if (category is not null) where.Append(" AND category = @Category");
        if (host is not null) where.Append(" AND host = @Host");
        return (where.ToString(), command =>
        {
            if (owner is not null) command.With("Owner", owner);
            if (since is { } s) command.With("Since", FleetStore.Millis(s));
            if (category is not null) command.With("Category", category);
            if (host is not null) command.With("Host", host);
            return command;
        }
        );
    }

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
