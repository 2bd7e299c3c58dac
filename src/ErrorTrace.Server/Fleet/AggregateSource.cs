namespace ErrorTrace.Server.Fleet;

/// <summary>A query without <c>since</c> or host: every part from the aggregates, so its cost follows the number of
/// signatures (and hosts), not of jobs. A category filter is exact on them: a signature's category is part of it.</summary>
internal sealed class AggregateSource(FleetDatabase db, FailureQuery query) : FailureSource(db, query)
{
    public override string Groups(SqlBuilder sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var where = $"scope = {sql.P(Scope)}" + (Query.Category is null ? "" : $" AND category = {sql.P(Query.Category)}");
        return $"SELECT signature, category, job_count, first_seen, last_seen FROM {Db.Totals} WHERE {where}";
    }

    public override string Hosts(SqlBuilder sql, IReadOnlyList<string> signatures) =>
        $"SELECT signature, host, job_count FROM {Db.Hosts} WHERE scope = {sql.P(Scope)} AND {In(sql, signatures)}";

    public override string Days(SqlBuilder sql, IReadOnlyList<string> signatures, long fromDay) =>
        $"SELECT signature, day, job_count FROM {Db.Days} WHERE scope = {sql.P(Scope)} AND {In(sql, signatures)} AND day >= {sql.P(fromDay)}";

    /// <summary>Every host's distinct signatures are kept; within a category they are counted from its (signature,
    /// host) rows, at most that category's signatures times the hosts.</summary>
    public override string Suspects(SqlBuilder sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return Query.Category is null
            ? $"SELECT host, signature_count AS signatures, job_count AS jobs FROM {Db.HostTotals} WHERE scope = {sql.P(Scope)}"
            : $"SELECT host, COUNT(*) AS signatures, SUM(job_count) AS jobs FROM {Db.Hosts} WHERE scope = {sql.P(Scope)} AND category = {sql.P(Query.Category)} GROUP BY host";
    }
}
