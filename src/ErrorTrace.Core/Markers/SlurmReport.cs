namespace ErrorTrace.Core.Markers;

/// <summary>
/// A line Slurm's own tools print (<c>slurmstepd: error: …</c>, <c>srun: error: …</c>): each is a report of its own, never
/// more of the message above it. slurmstepd writes several in a row when it kills a job (<c>Job 7518 exceeded memory
/// limit …, being killed</c>, <c>Exceeded job memory limit</c>, <c>*** JOB 7518 ON node CANCELLED AT … ***</c>): read as
/// continuation lines of the first, the death and the cancellation after it were never asked about.
/// </summary>
internal static class SlurmReport
{
    private static readonly string[] s_tools = ["slurmstepd: ", "srun: ", "sbatch: ", "salloc: "];

    /// <summary>The line starts with a Slurm tool's name and colon. Two compares for a line that does not start with 's'.</summary>
    public static bool Starts(ReadOnlySpan<char> line)
    {
        line = line.TrimStart();
        if (line.IsEmpty || line[0] != 's') return false;
        foreach (var tool in s_tools)
        {
            if (line.StartsWith(tool, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    /// <summary>slurmstepd's memory enforcement, which kills the job's processes (SIGKILL): <c>Job 7518 exceeded memory
    /// limit (626359956 &gt; 512000000), being killed</c>, <c>Step 12.0 exceeded memory limit …, being killed</c>,
    /// <c>Exceeded job memory limit</c>. Not <c>Exceeded step memory limit at some point</c>: the accounting's note that
    /// usage peaked above the limit, which kills nothing.</summary>
    public static bool IsMemoryKill(ReadOnlySpan<char> line) =>
        (line.Contains("exceeded memory limit", StringComparison.Ordinal) && line.Contains("being killed", StringComparison.Ordinal))
        || line.Contains("Exceeded job memory limit", StringComparison.Ordinal);
}
