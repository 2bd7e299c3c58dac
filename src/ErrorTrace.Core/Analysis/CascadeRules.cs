using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// Failures that are consequences of another failure, not causes. The root cause is the first failure that matches none
/// of these; when every failure matches one, the first failure is the root after all (a pure hang shows only
/// watchdog timeouts). Ordered, named, each with the reason it is a cascade.
/// </summary>
internal static class CascadeRules
{
    private static readonly (string Id, Func<TracebackInfo, bool> Matches, string Why)[] s_rules =
    [
        ("launcher-child-failed", f => f.ExceptionType.EndsWith("ChildFailedError", StringComparison.Ordinal),
            "torchelastic wraps a child's failure; its table's death is recorded separately."),
        ("launcher-called-process", f => f.ExceptionType.EndsWith("CalledProcessError", StringComparison.Ordinal),
            "accelerate/deepspeed launchers re-raise the child's non-zero exit."),
        ("spawn-process-signal", f => f.Kind != "signal" && f.ExceptionMessage.Contains(SubprocessDeath.TerminatedWith, StringComparison.Ordinal),
            "torch.multiprocessing.spawn's join re-raises a worker's death by signal ('process 1 terminated with signal SIGKILL'); the death is recorded separately (SubprocessDeath)."),
        ("caught-signal-error", f => CaughtSignalError.SignalOf(f) is not null,
            "A framework's signal handler prints the signal as an exception (Paddle's 'FatalError: `Segmentation fault` is detected by the operating system.'); the death is recorded separately (CaughtSignalError)."),
        ("launcher-signal", f => f.ExceptionType.EndsWith("SignalException", StringComparison.Ordinal),
            "torchelastic's agent received SIGTERM/SIGINT, usually because a peer failed or the scheduler cancelled the job."),
        ("interrupted", f => f.ExceptionType == "KeyboardInterrupt" || (f.ExceptionType == "SIGTERM" && !Mentions(f, " DUE TO ")),
            "Ranks interrupted by the launcher after another rank failed. Not Slurm's 'CANCELLED AT … DUE TO TIME LIMIT' (or PREEMPTION, NODE FAILURE): that SIGTERM is the cause; a plain 'CANCELLED AT' (a step killed after a task failed, or scancel) stays a consequence."),
        ("ray-train-failed", f => f.ExceptionType.EndsWith("TrainingFailedError", StringComparison.Ordinal),
            "Ray Train's driver re-raises a worker's failure as TrainingFailedError ('The Ray Train run failed. Please inspect the previous error messages for a cause'); the worker's own traceback, printed with its (RayTrainWorker pid=…) label or chained as the cause, is the root."),
        ("nccl-watchdog", f => Mentions(f, "Watchdog caught collective operation timeout") || Mentions(f, "watchdog thread terminated"),
            "A rank waiting on a collective that a failed peer never joined times out after the peer's failure."),
        (HorovodShutdown, f => Mentions(f, "Horovod has been shut down. This was caused by an exception on one of the ranks"),
            "Horovod's collectives raise AbortedError ('Horovod has been shut down. This was caused by an exception on one of the ranks …') on every rank once one rank failed or left."),
        ("cpp-stack-without-type", f => f.Kind == "cpp" && f.ExceptionType.Length == 0,
            "A C++ stack whose type line was lost (ProcessGroupNCCL's watchdog record, an excerpt without 'terminate called') says where, not what: any failure printed in full is better evidence, even a cascade; alone, it is the root and its location the innermost frame."),
        ("peer-gone", f => Mentions(f, "Connection reset by peer") || Mentions(f, "Broken pipe") || Mentions(f, "communicator was aborted")
            || Mentions(f, "NCCL communicator was aborted") || Mentions(f, "has been terminated") && Mentions(f, "rank"),
            "Collectives fail on the survivors once a peer process has died."),
    ];

    /// <summary>Horovod's shutdown names no cause of its own: it says the cause was another rank's exception.</summary>
    public const string HorovodShutdown = "horovod-shutdown";

    /// <summary>The id of the first cascade rule the failure matches, or null.</summary>
    public static string? Match(TracebackInfo failure)
    {
        foreach (var (id, matches, _) in s_rules)
        {
            if (matches(failure)) return id;
        }

        return null;
    }

    private static bool Mentions(TracebackInfo f, string text) =>
        f.ExceptionMessage.Contains(text, StringComparison.Ordinal) || f.Chain.Any(c => c.ExceptionMessage.Contains(text, StringComparison.Ordinal));
}
