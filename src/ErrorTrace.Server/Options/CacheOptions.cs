namespace ErrorTrace.Server.Options;

/// <summary><c>Cache</c>: the memory the per-job analyses may take.</summary>
internal sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>Approximate bytes: each entry counts its report JSON plus the analyzer's buffers.</summary>
    public long SizeLimitBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>How long a job row may be served from memory (<see cref="Jobs.CachedJobRepository"/>); 0 turns it off.</summary>
    public int JobRowMilliseconds { get; set; } = 1000;

    /// <summary>How long a job's resolved log path may be reused (<see cref="Logs.CachedLogLocator"/>); 0 turns it off.</summary>
    public int LogLocationMilliseconds { get; set; } = 1000;

    /// <summary>How long the job list waits for cold logs to be read before answering with those jobs marked
    /// <c>analysis_pending</c> (<see cref="Reports.JobDigests"/>); their parses go on in the background. 0 never waits.
    /// Counted from when the list's handler starts, so reading the page's rows and queueing its logs is inside it.</summary>
    public int JobListWaitMilliseconds { get; set; } = 1500;
}
