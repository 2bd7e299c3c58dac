using System.Collections.Concurrent;

namespace ErrorTrace.Server.Jobs;

/// <summary>
/// Remembers job rows for a moment: a dashboard polling a report, or a load balancer's burst, asks for the same row
/// hundreds of times a second, and the database round trip was the largest cost of a cached report. A row is at
/// most <c>Cache:JobRowMilliseconds</c> stale (default 1 s; 0 turns the memo off), which only delays a status
/// change by that much; nothing else depends on it, so replicas stay independent.
/// </summary>
internal sealed class CachedJobRepository(IJobRepository inner, TimeSpan lifetime, Func<long>? clock = null) : IJobRepository
{
    /// <summary>Rows remembered at most; beyond that the memo is emptied (ids probed at random must not grow it).</summary>
    private const int MaxRows = 10_000;

    private readonly ConcurrentDictionary<string, (JobRecord? Row, long ExpiresAt)> _rows = new(StringComparer.Ordinal);
    private readonly Func<long> _clock = clock ?? (() => Environment.TickCount64);

    public async Task<JobRecord?> FindAsync(string jobId, CancellationToken cancellationToken)
    {
        var now = _clock();
        if (_rows.TryGetValue(jobId, out var entry) && entry.ExpiresAt > now) return entry.Row;
        var row = await inner.FindAsync(jobId, cancellationToken).ConfigureAwait(false);
        if (_rows.Count >= MaxRows) _rows.Clear();
        _rows[jobId] = (row, now + (long)lifetime.TotalMilliseconds);
        return row;
    }

    public Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);
}
