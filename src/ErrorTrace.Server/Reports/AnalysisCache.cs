using ErrorTrace.Server.Options;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Reports;

/// <summary>
/// The per-job analyses, bounded by memory: a <see cref="MemoryCache"/> with a size limit where each entry counts its
/// report JSON plus <see cref="AnalyzerFootprintBytes"/>. An entry holds the file identity and length it read, so a
/// lookup is valid only for the same file at the same length (see <see cref="LogRefresher"/>). Nothing here is needed
/// for correctness: an evicted job, or another replica, simply reads the log again.
/// </summary>
internal sealed class AnalysisCache : IDisposable
{
    /// <summary>The engine's fixed buffers (three 64 KiB line buffers, the splitter's carry) and its bounded tables.</summary>
    public const long AnalyzerFootprintBytes = 512 * 1024;

    private readonly MemoryCache _cache;
    private readonly Lock _gate = new();

    public AnalysisCache(IOptions<CacheOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.SizeLimitBytes });
    }

    /// <summary>The job's entry, created once even when requests race (they then queue on its gate and parse once).</summary>
    public JobAnalysis GetOrAdd(string jobId)
    {
        // The usual case, an existing entry, needs no lock: MemoryCache reads are thread-safe.
        if (_cache.TryGetValue(Key(jobId), out JobAnalysis? cached) && cached is not null) return cached;
        lock (_gate)
        {
            if (_cache.TryGetValue(Key(jobId), out JobAnalysis? existing) && existing is not null) return existing;
            var created = new JobAnalysis();
            _cache.Set(Key(jobId), created, Entry(AnalyzerFootprintBytes));
            return created;
        }
    }

    /// <summary>The job's entry if the cache has one (nothing is created).</summary>
    public JobAnalysis? TryGet(string jobId) => _cache.TryGetValue(Key(jobId), out JobAnalysis? cached) ? cached : null;

    /// <summary>Records the entry's new size after a refresh (the cache may evict others, or this one, to fit).</summary>
    public void Resize(string jobId, JobAnalysis analysis)
    {
        var size = AnalyzerFootprintBytes + (analysis.Report?.Json.Length ?? 0);
        lock (_gate)
        {
            if (_cache.TryGetValue(Key(jobId), out JobAnalysis? existing) && ReferenceEquals(existing, analysis))
                _cache.Set(Key(jobId), analysis, Entry(size));
        }
    }

    public long Count => _cache.Count;

    public void Dispose() => _cache.Dispose();

    private static string Key(string jobId) => "job:" + jobId;

    private static MemoryCacheEntryOptions Entry(long size) => new() { Size = size, SlidingExpiration = TimeSpan.FromHours(6) };
}
