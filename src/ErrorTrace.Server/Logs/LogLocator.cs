using ErrorTrace.Server.Jobs;
using ErrorTrace.Server.Options;

namespace ErrorTrace.Server.Logs;

/// <summary>
/// Finds a job's log: the row's <c>log_path</c> when set (relative to the logs directory, or absolute inside it), else
/// <c>job_{id}.log</c> then <c>job_{id}.log.gz</c>. A path is accepted only if it is inside the logs directory both
/// as written (after <see cref="Path.GetFullPath(string)"/> removes <c>..</c>) and once every symlink is resolved.
/// Anything else — <c>../</c>, an absolute path elsewhere, a symlink out — is reported as a missing log with a note, and
/// never opened. The answer is only a path: <see cref="LogOpener"/> checks it again on the opened handle, so nothing
/// relies on it staying true between this check and the read.
/// </summary>
internal sealed class LogLocator(ServicePaths paths) : ILogLocator
{
    public LogLocation Locate(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var logsDir = paths.LogsDir;
        var logsRoot = CanonicalPath.Resolve(logsDir) ?? logsDir;
        var candidates = string.IsNullOrWhiteSpace(job.LogPath)
            ? [$"job_{job.Id}.log", $"job_{job.Id}.log.gz"]
            : new[] { job.LogPath.Trim() };

        foreach (var candidate in candidates)
        {
            if (candidate.Contains('\0', StringComparison.Ordinal))
                return new LogLocation { Note = "The job's log path is not a valid path; the log was not read." };
            var full = Path.GetFullPath(Path.IsPathRooted(candidate) ? candidate : Path.Combine(logsDir, candidate));
            if (!CanonicalPath.IsInside(full, logsDir))
                return new LogLocation { Note = "The job's log path is outside the logs directory; the log was not read." };
            var display = Path.GetRelativePath(logsDir, full);
            var canonical = CanonicalPath.Resolve(full);
            if (canonical is null || !CanonicalPath.IsInside(canonical, logsRoot))
                return new LogLocation { DisplayPath = display, Note = "The job's log resolves (through a symbolic link) outside the logs directory; the log was not read." };
            if (FileStat.OfPath(canonical) is { } status)
            {
                // A FIFO would block the reader forever, a device could be anything: only regular files are logs.
                return status.IsRegular
                    ? new LogLocation { DisplayPath = display, FullPath = canonical, LogsRoot = logsRoot }
                    : new LogLocation { DisplayPath = display, Note = LogOpener.NotRegularNote };
            }
        }

        var expected = string.IsNullOrWhiteSpace(job.LogPath) ? $"job_{job.Id}.log" : Path.GetFileName(job.LogPath.Trim());
        return new LogLocation { DisplayPath = expected, Note = "The log file is missing; the report shows only what the database knows." };
    }
}
