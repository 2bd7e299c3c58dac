using System.Collections.Concurrent;
using ErrorTrace.Server.Jobs;

namespace ErrorTrace.Server.Logs;

/// <summary>
/// Remembers where each job's log is for a moment. Resolving a path checks every component for a symbolic link
/// (a <c>readlink</c> and an <c>lstat</c> each, for the logs directory and for the log), which was the largest part of
/// a cached report's cost (about 11 µs of 100). A location is at most <c>Cache:LogLocationMilliseconds</c> old
/// (default 1 s; 0 turns the memo off): a log that appears, or a symbolic link re-pointed by an operator, is seen that
/// much later. What is remembered is the canonical path, symlinks already resolved, so a link re-pointed outside the
/// logs directory is never followed through the memo; the existing check-then-open gap (a directory component swapped
/// for a link) is unchanged. The file's identity and length are still read on every request (<see cref="Reports.LogRefresher"/>),
/// so a log that grows, is rotated or vanishes is noticed at once. Nothing else depends on it, so replicas stay independent.
/// </summary>
internal sealed class CachedLogLocator(ILogLocator inner, TimeSpan lifetime, Func<long>? clock = null) : ILogLocator
{
    /// <summary>Jobs remembered at most; beyond that the memo is emptied (a listing of many jobs must not grow it).</summary>
    private const int MaxJobs = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _locations = new(StringComparer.Ordinal);
    private readonly Func<long> _clock = clock ?? (() => Environment.TickCount64);

    public LogLocation Locate(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = _clock();
        // The row's log_path is part of the key: a row that changes its path is located again at once.
        if (_locations.TryGetValue(job.Id, out var entry) && entry.ExpiresAt > now && string.Equals(entry.LogPath, job.LogPath, StringComparison.Ordinal))
            return entry.Location;
        var location = inner.Locate(job);
        if (_locations.Count >= MaxJobs) _locations.Clear();
        _locations[job.Id] = new Entry(job.LogPath, location, now + (long)lifetime.TotalMilliseconds);
        return location;
    }

    private sealed record Entry(string? LogPath, LogLocation Location, long ExpiresAt);
}
