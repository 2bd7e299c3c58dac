using ErrorTrace.Core.Fleet;

namespace ErrorTrace.Server.Fleet;

/// <summary>What the indexer stores for one failed job: the storage row, not an API DTO.</summary>
internal sealed record IndexedJob
{
    public required string JobId { get; init; }

    public required string Version { get; init; }

    public string? Owner { get; init; }

    public required string Status { get; init; }

    public string? Host { get; init; }

    public required FailureSignature Signature { get; init; }

    /// <summary>When the job failed: its <c>updated_at</c>, else <c>created_at</c>, else when it was indexed.</summary>
    public required DateTime FailedAt { get; init; }

    public long LogBytes { get; init; }
}
