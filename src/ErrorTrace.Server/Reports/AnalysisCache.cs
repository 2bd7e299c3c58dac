using ErrorTrace.Server.Hosting;
using ErrorTrace.Server.Options;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Reports;

/// <summary>
/// The per-job analyses, bounded by memory: a <see cref="MemoryCache"/> with a size limit (<c>Cache:SizeLimitBytes</c>)
/// where each entry counts what it really holds: the analyzer's allocations while it read (kept only for running jobs),
/// the line index kept after it, the rendered report twice (its JSON and, once asked for, its gzip copy, never larger) and
/// <see cref="EntryOverheadBytes"/>. An entry that alone exceeds the limit is not kept. Parses run at most
/// <see cref="ParseSlots"/> at a time (on their own threads, <see cref="ParseWorkers"/>), so the memory of analyses being built and not yet in the cache is bounded too:
/// the process stays within the limit plus a constant (docs/service.md, "Memory"). Nothing here is needed for
/// correctness: an evicted job, or another replica, simply reads the log again.
/// </summary>
internal sealed class AnalysisCache : IDisposable
{
    /// <summary>The entry itself, its gate, the published record and keys: small next to any report.</summary>
    public const long EntryOverheadBytes = 4 * 1024;

    /// <summary>One <see cref="Core.Context.LineCheckpoint"/> (two longs) in a kept line index.</summary>
    private const int CheckpointBytes = 16;

    /// <summary>
    /// What the process may hold beyond <c>Cache:SizeLimitBytes</c> for the analyses themselves: the analyzers being
    /// built (at most <see cref="ParseSlots"/>, each bounded by the engine's limits; about 6 MB for a log of 5,000
    /// distinct errors, the most it groups) and the reports being rendered and sent. Measured by the server tests' load
    /// test (CacheMemoryTests); docs/service.md, "Memory", gives the whole budget.
    /// </summary>
    public const long InFlightAllowanceBytes = 64L * 1024 * 1024;

    /// <summary>How long an unrequested job stays cached at most: a dashboard's working set is today's jobs.</summary>
    private static readonly TimeSpan s_idleLifetime = TimeSpan.FromHours(6);

    private readonly MemoryCache _cache;
    private readonly Lock _gate = new();

    public AnalysisCache(IOptions<CacheOptions> options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = options.Value.SizeLimitBytes,
            TrackStatistics = true,
            Clock = new TimeProviderClock(time ?? TimeProvider.System),
        });
    }

    /// <summary>Logs read at once (first reads and appends). One per core: more would only share the cores, and each
    /// parse in flight holds an analyzer the cache does not count yet.</summary>
    public static int ParseSlots { get; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Where logs are read and reports built: <see cref="ParseSlots"/> dedicated threads, off the thread pool.</summary>
    public ParseWorkers Parsing { get; } = new(ParseSlots);

    /// <summary>The job's entry, created once even when requests race (they then queue on its gate and parse once).</summary>
    public JobAnalysis GetOrAdd(string jobId)
    {
        // The usual case, an existing entry, needs no lock: MemoryCache reads are thread-safe.
        if (_cache.TryGetValue(Key(jobId), out JobAnalysis? cached) && cached is not null) return cached;
        lock (_gate)
        {
            if (_cache.TryGetValue(Key(jobId), out JobAnalysis? existing) && existing is not null) return existing;
            var created = new JobAnalysis();
            _cache.Set(Key(jobId), created, Entry(EntryOverheadBytes));
            return created;
        }
    }

    /// <summary>The job's entry if it is cached, without creating one.</summary>
    public JobAnalysis? Find(string jobId) => _cache.TryGetValue(Key(jobId), out JobAnalysis? cached) ? cached : null;

    /// <summary>Records the entry's new size after a refresh (the cache may evict others, or this one, to fit).</summary>
    public void Resize(string jobId, JobAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var size = SizeOf(analysis);
        lock (_gate)
        {
            if (_cache.TryGetValue(Key(jobId), out JobAnalysis? existing) && ReferenceEquals(existing, analysis))
                _cache.Set(Key(jobId), analysis, Entry(size));
        }
    }

    /// <summary>What an entry holds, in bytes.</summary>
    public static long SizeOf(JobAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        // The line index is inside the analyzer's allocations while it is kept; alone, 16 bytes a checkpoint.
        var held = analysis.Analyzer is null ? (analysis.LineIndex?.Count ?? 0) * (long)CheckpointBytes : analysis.AnalyzerBytes;
        return EntryOverheadBytes + held + (2L * (analysis.Report?.Json.Length ?? 0));
    }

    public long Count => _cache.Count;

    /// <summary>The sizes the cache counts now (for tests and metrics).</summary>
    public long CountedBytes => _cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public void Dispose()
    {
        _cache.Dispose();
        Parsing.Dispose();
    }

    private static string Key(string jobId) => "job:" + jobId;

    private static MemoryCacheEntryOptions Entry(long size) => new() { Size = size, SlidingExpiration = s_idleLifetime };
}
