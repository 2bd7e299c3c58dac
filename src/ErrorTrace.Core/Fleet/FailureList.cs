namespace ErrorTrace.Core.Fleet;

/// <summary>A page of signatures, most jobs first; <see cref="Total"/> counts signatures, not jobs.</summary>
public sealed record FailureList
{
    public IReadOnlyList<SignatureGroup> Signatures { get; init; } = [];

    public long Total { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; }

    /// <summary>Failed jobs behind all the signatures (not only this page's).</summary>
    public long JobCount { get; init; }

    public IReadOnlyList<SuspectHost> SuspectHosts { get; init; } = [];
}
