using ErrorTrace.Core.Tracebacks;

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

    /// <summary>srun's report of a task that a signal ended, in strsignal()'s words as the last field:
    /// <c>srun: error: nid001: task 0: Killed</c>, <c>srun: error: gpu-4: tasks 0-3: Segmentation fault (core dumped)</c>
    /// (not <c>task 0: Exited with exit code 1</c>, an exit). A paste's ellipsis for the node and task fields
    /// (<c>srun: error: ... Aborted (core dumped)</c>) is read past. The field must be the report alone: a longer text is
    /// a message that only starts with such a word.</summary>
    public static string? TaskSignal(ReadOnlySpan<char> line)
    {
        const string Srun = "srun: error: ";
        var at = line.IndexOf(Srun, StringComparison.Ordinal);
        if (at < 0) return null;
        var fields = line[(at + Srun.Length)..];
        var field = fields[(fields.LastIndexOf(": ", StringComparison.Ordinal) + 1)..].Trim().TrimStart(Ellipsis).TrimStart();
        return field.Length <= MaxReportChars ? SignalNames.FromDescription(field) : null;
    }

    /// <summary>What a paste puts for the fields it left out: three dots or the ellipsis character.</summary>
    private const string Ellipsis = ".\u2026";

    /// <summary>The longest report strsignal() and bash make: <c>Floating point exception (core dumped)</c>.</summary>
    private const int MaxReportChars = 40;
}
