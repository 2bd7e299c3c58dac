namespace ErrorTrace.Server.Fleet;

/// <summary>
/// A query the aggregates cannot answer exactly (a host; for <see cref="SinceSource"/> the hosts and suspects within a
/// time): grouped from the store's job rows, through an index that bounds the scan to the rows that match — a host's jobs
/// (<c>fleet_jobs_host</c>: host, signature, failed_at), the jobs since a time (<c>fleet_jobs_failed_at</c>, or
/// <c>fleet_jobs_owner</c> for an owner), a page's signatures (<c>fleet_jobs_signature</c>).
/// </summary>
internal class JobScanSource(FleetDatabase db, FailureQuery query) : FailureSource(db, query)
{
    public override string Groups(SqlBuilder sql) =>
        $"SELECT signature, MIN(category) AS category, COUNT(*) AS job_count, MIN(failed_at) AS first_seen, MAX(failed_at) AS last_seen FROM {Db.Jobs} WHERE {JobFilter(sql)} GROUP BY signature";

    public override string Hosts(SqlBuilder sql, IReadOnlyList<string> signatures) =>
        $"SELECT signature, host, COUNT(*) AS job_count FROM {Db.Jobs} WHERE {JobFilter(sql)} AND {In(sql, signatures)} AND host IS NOT NULL GROUP BY signature, host";

    public override string Days(SqlBuilder sql, IReadOnlyList<string> signatures, long fromDay) =>
        $"SELECT signature, failed_at / {FleetAggregates.DayMillis} AS day, COUNT(*) AS job_count FROM {Db.Jobs} WHERE {JobFilter(sql)} AND {In(sql, signatures)} AND failed_at >= {sql.P(fromDay * FleetAggregates.DayMillis)} GROUP BY signature, failed_at / {FleetAggregates.DayMillis}";

    public override string Suspects(SqlBuilder sql) =>
        $"SELECT host, COUNT(DISTINCT signature) AS signatures, COUNT(*) AS jobs FROM {Db.Jobs} WHERE {JobFilter(sql)} AND host IS NOT NULL GROUP BY host";
}
