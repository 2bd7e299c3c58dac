namespace ErrorTrace.Core.Reports;

/// <summary>
/// One run of a log that holds several, appended one after another (a <c>nohup.out</c> collecting launches, LSF job
/// files, Slurm requeues): where it starts and ends, what started it, and how it failed. The report's root cause is the
/// first failure of the last run that failed; the earlier runs' failures are history, listed here.
/// </summary>
public sealed record RunInfo
{
    /// <summary>1 for the first run of the log.</summary>
    public required int Run { get; init; }

    public required long FirstLine { get; init; }

    public required long LastLine { get; init; }

    /// <summary>What showed the run's start: <c>nohup</c>, <c>torchrun</c>, <c>lsf</c>, <c>wandb</c>, <c>slurm-requeue</c>;
    /// null for the log's first run.</summary>
    public string? StartedBy { get; init; }

    /// <summary>Distinct failures (tracebacks, deaths) the run printed.</summary>
    public int Failures { get; init; }

    /// <summary>The run's root cause as a one-line headline (<c>SIGKILL: Killed</c>), null when it did not fail.</summary>
    public string? RootCause { get; init; }

    public long? RootLine { get; init; }

    /// <summary>This run's failure is the report's root cause.</summary>
    public bool IsRootRun { get; init; }
}
