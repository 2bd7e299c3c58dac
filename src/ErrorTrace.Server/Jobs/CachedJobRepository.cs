using ErrorTrace.Server.Hosting;
using Microsoft.Extensions.Caching.Memory;

namespace ErrorTrace.Server.Jobs;

/// <summary>
/// Remembers job rows for a moment: a dashboard polling a report, or a load balancer's burst, asks for the same row
/// hundreds of times a second, and the database round trip was the largest cost of a cached report. A row is at
/// most <c>Cache:JobRowMilliseconds</c> stale (default 1 s; 0 turns the memo off), which only delays a status
/// change by that much; nothing else depends on it, so replicas stay independent. A <see cref="MemoryCache"/> on the
/// service's <see cref="TimeProvider"/>, holding at most <see cref="MaxRows"/> rows (ids probed at random must not grow it).
/// </summary>
internal sealed class CachedJobRepository : IJobRepository, IDisposable
{
    /// <summary>Rows remembered at most; each counts 1 towards the cache's size limit.</summary>
    public const int MaxRows = 10_000;

    private readonly IJobRepository _inner;
    private readonly TimeSpan _lifetime;
    private readonly MemoryCache _rows;

    public CachedJobRepository(IJobRepository inner, TimeSpan lifetime, TimeProvider time)
    {
        _inner = inner;
        _lifetime = lifetime;
        _rows = new MemoryCache(new MemoryCacheOptions { SizeLimit = MaxRows, Clock = new TimeProviderClock(time) });
    }

    public async Task<JobRecord?> FindAsync(string jobId, CancellationToken cancellationToken)
    {
        // An unknown id is remembered too (as a null row): probing ids must not reach the database each time.
        if (_rows.TryGetValue(jobId, out Row? cached) && cached is not null) return cached.Record;
        var row = await _inner.FindAsync(jobId, cancellationToken).ConfigureAwait(false);
        _rows.Set(jobId, new Row(row), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _lifetime });
        return row;
    }

    public Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken) => _inner.ListAsync(query, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => _inner.PingAsync(cancellationToken);

    public void Dispose() => _rows.Dispose();

    private sealed record Row(JobRecord? Record);
}
