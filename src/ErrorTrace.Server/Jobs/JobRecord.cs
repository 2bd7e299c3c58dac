namespace ErrorTrace.Server.Jobs;

/// <summary>A job as the service uses it, whatever the table's column names and types.</summary>
internal sealed record JobRecord
{
    public required string Id { get; init; }

    /// <summary>failed, cancelled, completed or running (lower-cased).</summary>
    public required string Status { get; init; }

    public string? ErrorMessage { get; init; }

    public string? Owner { get; init; }

    public string? LogPath { get; init; }

    public DateTime? CreatedAt { get; init; }

    public DateTime? UpdatedAt { get; init; }

    public bool IsFailed => Status == JobStatuses.Failed;

    public bool IsRunning => Status == JobStatuses.Running;
}
