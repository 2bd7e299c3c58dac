namespace ErrorTrace.Core.Markers;

/// <summary>
/// A resource manager's own report that it killed a process for its memory, in the manager's words rather than the
/// kernel's (those are the <c>oom-killer</c> marker's): a memory kill is SIGKILL (the corpus README's conventions).
/// Each reads the manager's fixed sentence, never a log's prose about memory.
/// </summary>
internal static class MemoryKillReports
{
    /// <summary>The marker (one of <see cref="LineMarkers.All"/>).</summary>
    public static readonly LineMarker Marker = new("memory-kill", ["memory and exited", "Container killed", "exceeded memory limit", "Exceeded job memory limit"],
        "Managers that kill for memory and say so: Cloud ML Engine / AI Platform's job status 'The replica master 0 ran out-of-memory and exited with a non-zero status of 9(SIGKILL)' (also 'of 247', -9 as an unsigned byte); slurmstepd's memory enforcement where it prints no 'error:' tag (older Slurm: 'slurmstepd: Job 1171978 exceeded memory limit (18202456 > 16384000), being killed'; the tagged line is slurm-error's), read before the '*** JOB … CANCELLED AT … ***' that follows it, so the SIGKILL is the death and the cancellation its echo; YARN's container monitor as Spark logs it, 'Container killed by YARN for exceeding memory limits. 8.2 GB of 8 GB physical memory used.' (not 'Container killed on request', a preemption). Not Ray's memory monitor ('(raylet) … Workers (tasks / actors) killed due to memory pressure (OOM)'): the corpus reads it as no root of its own (the task's error, e.g. ray.exceptions.OutOfMemoryError, is). Each needle's fingerprint ('mory', 'kill', 'Exce') is one the gate already had (Text/RareWindow).",
        (marker, line) => IsMemoryKill(line) ? new MarkerHit(marker, MarkerKind.Death, "SIGKILL") : null);

    /// <summary>One of the managers' sentences, whole enough to be that manager's.</summary>
    public static bool IsMemoryKill(ReadOnlySpan<char> line) =>
        line.Contains("ran out-of-memory and exited", StringComparison.Ordinal)
        || (line.Contains("Container killed by YARN", StringComparison.Ordinal) && line.Contains("memory limits", StringComparison.Ordinal))
        || SlurmReport.IsMemoryKill(line);
}
