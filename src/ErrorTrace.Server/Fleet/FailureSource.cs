namespace ErrorTrace.Server.Fleet;

/// <summary>
/// Where one failures query reads a page's parts from. Each part is a subquery for <see cref="FleetReader"/> to wrap:
/// <see cref="Groups"/> one row per signature (signature, category, job_count, first_seen, last_seen); <see cref="Hosts"/>
/// (signature, host, job_count) and <see cref="Days"/> (signature, day, job_count) of the page's signatures;
/// <see cref="Suspects"/> (host, signatures, jobs); <see cref="JobFilter"/> the store rows a signature's recent jobs are
/// listed from. <see cref="For"/> picks the cheapest source that answers the query exactly.
/// </summary>
internal abstract class FailureSource(FleetDatabase db, FailureQuery query)
{
    protected FleetDatabase Db => db;

    protected FailureQuery Query => query;

    protected string Scope => FleetAggregates.Scope(query.Owner);

    /// <summary>No filter, or only a category (a signature's category never changes): the aggregates answer all of it.
    /// A <c>since</c>: whole days from <c>fleet_days</c>, the first day's remainder from the jobs. A host: the jobs.</summary>
    public static FailureSource For(FleetDatabase db, FailureQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Host is not null) return new JobScanSource(db, query);
        return query.Since is null ? new AggregateSource(db, query) : new SinceSource(db, query);
    }

    public abstract string Groups(SqlBuilder sql);

    public abstract string Hosts(SqlBuilder sql, IReadOnlyList<string> signatures);

    public abstract string Days(SqlBuilder sql, IReadOnlyList<string> signatures, long fromDay);

    public abstract string Suspects(SqlBuilder sql);

    /// <summary>The counted store rows this query covers (a WHERE clause on <c>fleet_jobs</c>).</summary>
    public virtual string JobFilter(SqlBuilder sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var where = "signature IS NOT NULL";
        if (query.Owner is not null) where += $" AND owner = {sql.P(query.Owner)}";
        if (query.Since is { } since) where += $" AND failed_at >= {sql.P(FleetStore.Millis(since))}";
        if (query.Category is not null) where += $" AND category = {sql.P(query.Category)}";
        if (query.Host is not null) where += $" AND host = {sql.P(query.Host)}";
        return where;
    }

    protected static string In(SqlBuilder sql, IReadOnlyList<string> signatures)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(signatures);
        return $"signature IN ({string.Join(", ", signatures.Select(s => sql.P(s)))})";
    }
}
