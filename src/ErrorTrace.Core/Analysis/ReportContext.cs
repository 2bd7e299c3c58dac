namespace ErrorTrace.Core.Analysis;

/// <summary>What the caller knows about the job besides its log (the jobs database row, or the CLI's flags).</summary>
public sealed record ReportContext
{
    public string JobId { get; init; } = "unknown";

    /// <summary>The job's status from its database; null lets the engine decide (failed when it found a fatal failure).</summary>
    public string? Status { get; init; }

    /// <summary>The database's short summary, e.g. "Training process exited with code 1"; also classification evidence.</summary>
    public string? ErrorSummary { get; init; }

    public string? LogPath { get; init; }

    public long? LogSizeBytes { get; init; }
}
