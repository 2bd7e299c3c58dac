namespace ErrorTrace.Core.Fleet;

/// <summary>
/// One signature and the jobs that share it (<c>GET /api/training/failures</c>, <c>errortrace fleet --format json</c>).
/// In a list, <see cref="Jobs"/> holds the most recent ones only; the signature's own page has all of them.
/// </summary>
public sealed record SignatureGroup
{
    public required string Signature { get; init; }

    public required string Category { get; init; }

    public required string ExceptionType { get; init; }

    public required string Title { get; init; }

    public long JobCount { get; init; }

    public DateTime? FirstSeen { get; init; }

    public DateTime? LastSeen { get; init; }

    /// <summary>Hosts the jobs died on, most jobs first (jobs whose host is unknown are not counted here).</summary>
    public IReadOnlyList<HostCount> Hosts { get; init; } = [];

    /// <summary>Most recent first.</summary>
    public IReadOnlyList<SignatureJob> Jobs { get; init; } = [];

    /// <summary>Jobs per UTC day, oldest first, days without a job left out (additive: the panel's sparkline).</summary>
    public IReadOnlyList<DayCount> Days { get; init; } = [];
}
