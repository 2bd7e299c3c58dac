using Prometheus;

namespace ErrorTrace.Server.Telemetry;

/// <summary>The service's own Prometheus series. Requests and latencies by route and status come from
/// prometheus-net's <c>UseHttpMetrics</c> (<c>http_requests_received_total</c>, <c>http_request_duration_seconds</c>).</summary>
internal static class ServiceMetrics
{
    public static readonly Counter CacheHits = Metrics.CreateCounter(
        "errortrace_cache_hits_total", "Reports answered from the cache without reading the log.");

    public static readonly Counter CacheMisses = Metrics.CreateCounter(
        "errortrace_cache_misses_total", "Reports that needed the log read: kind=full (from the start) or incremental (only the appended bytes).",
        new CounterConfiguration { LabelNames = ["kind"] });

    public static readonly Counter BytesParsed = Metrics.CreateCounter(
        "errortrace_bytes_parsed_total", "Log bytes fed to the engine (decompressed).");

    public static readonly Histogram ParseSeconds = Metrics.CreateHistogram(
        "errortrace_parse_duration_seconds", "Time spent reading and parsing logs, per refresh.",
        new HistogramConfiguration { LabelNames = ["kind"], Buckets = Histogram.ExponentialBuckets(0.0005, 4, 10) });
}
