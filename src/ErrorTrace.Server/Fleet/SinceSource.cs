namespace ErrorTrace.Server.Fleet;

/// <summary>
/// A query with <c>since</c> (and perhaps a category), no host: the groups and days from <c>fleet_days</c> for the
/// whole UTC days after <c>since</c>, plus the jobs of its own day's remainder (at most a day of rows, by the
/// failed_at index) — exact to the millisecond, at the cost of signatures × days rows plus one day's jobs. Hosts and
/// suspects within a time are not kept per day; they are grouped from the jobs since then (<see cref="JobScanSource"/>).
/// </summary>
internal sealed class SinceSource(FleetDatabase db, FailureQuery query) : JobScanSource(db, query)
{
    private long Since => FleetStore.Millis(Query.Since!.Value);

    /// <summary>The first whole day at or after <c>since</c>.</summary>
    private long FirstDay => (Math.Max(0, Since) + FleetAggregates.DayMillis - 1) / FleetAggregates.DayMillis;

    private string Category(SqlBuilder sql) => Query.Category is null ? "" : $" AND category = {sql.P(Query.Category)}";

    public override string Groups(SqlBuilder sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return $"""
            SELECT signature, MIN(category) AS category, SUM(job_count) AS job_count, MIN(first_seen) AS first_seen, MAX(last_seen) AS last_seen FROM (
                SELECT signature, category, job_count, first_seen, last_seen FROM {Db.Days}
                WHERE scope = {sql.P(Scope)} AND day >= {sql.P(FirstDay)}{Category(sql)}
                UNION ALL
                SELECT signature, category, 1, failed_at, failed_at FROM {Db.Jobs}
                WHERE {JobFilter(sql)} AND failed_at < {sql.P(FirstDay * FleetAggregates.DayMillis)}) parts
            GROUP BY signature
            """;
    }

    public override string Days(SqlBuilder sql, IReadOnlyList<string> signatures, long fromDay)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return $"""
            SELECT signature, day, job_count FROM {Db.Days}
            WHERE scope = {sql.P(Scope)} AND {In(sql, signatures)} AND day >= {sql.P(Math.Max(fromDay, FirstDay))}
            UNION ALL
            SELECT signature, failed_at / {FleetAggregates.DayMillis}, COUNT(*) FROM {Db.Jobs}
            WHERE {JobFilter(sql)} AND {In(sql, signatures)} AND failed_at >= {sql.P(fromDay * FleetAggregates.DayMillis)} AND failed_at < {sql.P(FirstDay * FleetAggregates.DayMillis)}
            GROUP BY signature, failed_at / {FleetAggregates.DayMillis}
            """;
    }
}
