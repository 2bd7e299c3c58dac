namespace ErrorTrace.Core.Fleet;

/// <summary>
/// Groups failed jobs by signature in memory (the CLI's <c>fleet</c>; the service does the same in SQL over its store):
/// most jobs first, then the most recent, then the id, so the order is total and stable.
/// </summary>
public static class FleetGrouping
{
    /// <summary>A host is a suspect when jobs died on it of at least this many different signatures: one bad failure
    /// is the job's, three unrelated ones on one machine are the machine's.</summary>
    public const int SuspectMinSignatures = 3;

    /// <summary>Jobs listed per signature in a list (its own page lists all).</summary>
    public const int JobsPerSignature = 10;

    /// <summary>Hosts listed per signature.</summary>
    public const int HostsPerSignature = 10;

    public static FailureList Group(IEnumerable<IndexedFailure> failures, int page = 1, int pageSize = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(failures);
        var all = failures.ToList();
        var groups = all.GroupBy(f => f.Signature.Id, StringComparer.Ordinal)
            .Select(g => Summarise(g.ToList(), JobsPerSignature))
            .OrderByDescending(g => g.JobCount).ThenByDescending(g => g.LastSeen).ThenBy(g => g.Signature, StringComparer.Ordinal)
            .ToList();
        return new FailureList
        {
            Signatures = groups.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize)).Take(pageSize).ToList(),
            Total = groups.Count,
            Page = page,
            PageSize = pageSize == int.MaxValue ? groups.Count : pageSize,
            JobCount = all.Count,
            SuspectHosts = Suspects(all),
        };
    }

    /// <summary>One signature's group with every job (its own page).</summary>
    public static SignatureGroup? Detail(IEnumerable<IndexedFailure> failures, string signature)
    {
        ArgumentNullException.ThrowIfNull(failures);
        var jobs = failures.Where(f => f.Signature.Id == signature).ToList();
        return jobs.Count == 0 ? null : Summarise(jobs, int.MaxValue);
    }

    public static IReadOnlyList<SuspectHost> Suspects(IEnumerable<IndexedFailure> failures) =>
        failures.Where(f => f.Host is not null)
            .GroupBy(f => f.Host!, StringComparer.Ordinal)
            .Select(g => new SuspectHost(g.Key, g.Select(f => f.Signature.Id).Distinct(StringComparer.Ordinal).Count(), g.Count()))
            .Where(h => h.SignatureCount >= SuspectMinSignatures)
            .OrderByDescending(h => h.SignatureCount).ThenByDescending(h => h.JobCount).ThenBy(h => h.Host, StringComparer.Ordinal)
            .ToList();

    private static SignatureGroup Summarise(List<IndexedFailure> jobs, int maxJobs)
    {
        var latest = jobs.OrderByDescending(j => j.UpdatedAt).ThenByDescending(j => j.JobId, StringComparer.Ordinal).ToList();
        var first = latest[^1].Signature;
        var times = jobs.Where(j => j.UpdatedAt is not null).Select(j => j.UpdatedAt!.Value).ToList();
        return new SignatureGroup
        {
            Signature = first.Id,
            Category = first.Category,
            ExceptionType = first.ExceptionType,
            Title = first.Title,
            JobCount = jobs.Count,
            FirstSeen = times.Count > 0 ? times.Min() : null,
            LastSeen = times.Count > 0 ? times.Max() : null,
            Hosts = jobs.Where(j => j.Host is not null).GroupBy(j => j.Host!, StringComparer.Ordinal)
                .Select(g => new HostCount(g.Key, g.Count()))
                .OrderByDescending(h => h.JobCount).ThenBy(h => h.Host, StringComparer.Ordinal).Take(HostsPerSignature).ToList(),
            Jobs = latest.Take(maxJobs).Select(j => new SignatureJob(j.JobId, j.Status, j.UpdatedAt, j.Host)).ToList(),
            Days = times.GroupBy(t => t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
                .Select(g => new DayCount(g.Key, g.Count())).OrderBy(d => d.Day, StringComparer.Ordinal).ToList(),
        };
    }
}
