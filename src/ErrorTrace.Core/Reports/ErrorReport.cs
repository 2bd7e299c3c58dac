namespace ErrorTrace.Core.Reports;

/// <summary>
/// The answer to "why did this job fail": the seed's <c>ErrorResponse</c> contract plus additive
/// fields (<see cref="Tracebacks"/>, <see cref="Log"/>, <see cref="Notes"/>). Serialized snake_case by
/// <see cref="ReportJson"/>.
/// </summary>
public sealed record ErrorReport
{
    public required string JobId { get; init; }

    /// <summary><c>failed</c>, <c>cancelled</c>, <c>completed</c> or <c>running</c>.</summary>
    public required string Status { get; init; }

    public string? ErrorSummary { get; init; }

    public IReadOnlyList<ErrorEntry> Errors { get; init; } = [];

    /// <summary>The root cause: the first real failure, not its cascade.</summary>
    public TracebackInfo? Traceback { get; init; }

    /// <summary>Every distinct traceback or death found, in order of first appearance.</summary>
    public IReadOnlyList<TracebackInfo> Tracebacks { get; init; } = [];

    public FailureAnalysis? Analysis { get; init; }

    public LogInfo? Log { get; init; }

    /// <summary>Things the reader should know about how the report was made (a missing log, truncated lines).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>What the log says of where it ran (hosts, ranks, GPUs, versions, launcher); null when it was not read.</summary>
    public EnvironmentInfo? Environment { get; init; }

    /// <summary>For a collective timeout: the ranks that timed out, the silent ones, each rank's last collective and the
    /// suspect rank with the reason; null when no NCCL watchdog timed out.</summary>
    public HangInfo? Hang { get; init; }

    /// <summary>For a log that holds several runs appended one after another, the runs that failed and the last one, in
    /// order; the root cause is the first failure of the last run that failed. Null (and left out of the JSON, so that a
    /// one-run report is unchanged) when the log holds one run.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RunInfo>? Runs { get; init; }
}
