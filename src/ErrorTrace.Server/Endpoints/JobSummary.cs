namespace ErrorTrace.Server.Endpoints;

/// <summary>One row of the panel's job list. Not the storage row: only what a client may see, redacted.</summary>
internal sealed record JobSummary
{
    public required string JobId { get; init; }

    public required string Status { get; init; }

    public string? ErrorSummary { get; init; }

    public string? Owner { get; init; }

    public DateTime? CreatedAt { get; init; }

    public DateTime? UpdatedAt { get; init; }

    /// <summary>Distinct errors (level error, as the job page counts them) in the report of a failed job; null for other
    /// jobs (not scanned) and missing logs.</summary>
    public int? ErrorCount { get; init; }

    /// <summary>Distinct warnings, beside <see cref="ErrorCount"/>; null when that is.</summary>
    public int? WarningCount { get; init; }

    /// <summary>A failed job's root cause in one line; null for other jobs and when the log gave none.</summary>
    public Reports.JobRootCause? RootCause { get; init; }

    /// <summary>True while a failed job's log is still being read for the first time: <see cref="ErrorCount"/> is then
    /// null and the next listing has it.</summary>
    public bool AnalysisPending { get; init; }
}
