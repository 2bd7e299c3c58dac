using ErrorTrace.Server.Hosting;
using ErrorTrace.Server.Jobs;
using Microsoft.Extensions.Caching.Memory;

namespace ErrorTrace.Server.Logs;

/// <summary>
/// Remembers where each job's log is for a moment. Resolving a path checks every component for a symbolic link
/// (a <c>readlink</c> and an <c>lstat</c> each, for the logs directory and for the log), which was the largest part of
/// a cached report's cost (about 11 µs of 100). A location is at most <c>Cache:LogLocationMilliseconds</c> old
/// (default 1 s; 0 turns the memo off): a log that appears, or a symbolic link re-pointed by an operator, is seen that
/// much later. What is remembered is only a path: every read opens it through <see cref="LogOpener"/>, which refuses a
/// link, a non-regular file or a file outside the logs directory on the opened handle, so a log swapped for a link
/// after it was located is never followed. A <see cref="MemoryCache"/> on the service's <see cref="TimeProvider"/>,
/// holding at most <see cref="MaxJobs"/> locations (a listing of many jobs must not grow it).
/// </summary>
internal sealed class CachedLogLocator : ILogLocator, IDisposable
{
    /// <summary>Jobs remembered at most; each counts 1 towards the cache's size limit.</summary>
    public const int MaxJobs = 10_000;

    private readonly ILogLocator _inner;
    private readonly TimeSpan _lifetime;
    private readonly MemoryCache _locations;

    public CachedLogLocator(ILogLocator inner, TimeSpan lifetime, TimeProvider time)
    {
        _inner = inner;
        _lifetime = lifetime;
        _locations = new MemoryCache(new MemoryCacheOptions { SizeLimit = MaxJobs, Clock = new TimeProviderClock(time) });
    }

    public LogLocation Locate(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        // The row's log_path is part of the entry: a row that changes its path is located again at once.
        if (_locations.TryGetValue(job.Id, out Entry? entry) && entry is not null && string.Equals(entry.LogPath, job.LogPath, StringComparison.Ordinal))
            return entry.Location;
        var location = _inner.Locate(job);
        _locations.Set(job.Id, new Entry(job.LogPath, location), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _lifetime });
        return location;
    }

    public void Dispose() => _locations.Dispose();

    private sealed record Entry(string? LogPath, LogLocation Location);
}
