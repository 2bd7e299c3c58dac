namespace ErrorTrace.Server.Reports;

/// <summary>A failed job's root cause in one line, for the job list: the category, the exception (or signal) and its
/// message's first line, and the rank and host it happened on.</summary>
internal sealed record JobRootCause
{
    /// <summary>The analysis's category (<c>oom_training</c>, …), null without an analysis.</summary>
    public string? Category { get; init; }

    /// <summary><c>torch.OutOfMemoryError</c>, <c>SIGKILL</c>; null when the failure is a log line, not an exception.</summary>
    public string? ExceptionType { get; init; }

    /// <summary>The message's first line (the death's line for a signal), redacted, at most 200 characters.</summary>
    public required string Title { get; init; }

    public int? Rank { get; init; }

    public string? Host { get; init; }
}
