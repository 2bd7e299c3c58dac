using Prometheus;

namespace ErrorTrace.Server.Fleet;

/// <summary>The indexer's Prometheus series (each replica counts what it indexed; sum them across replicas).</summary>
internal static class FleetMetrics
{
    /// <summary>For alerts (<c>increase(errortrace_job_failures_total[15m])</c> by category). Only failures recent when
    /// indexed (within <c>Notify:WindowMinutes</c>) count, so a first start that back-fills months of history does not
    /// look like an outage; every indexed job counts in <see cref="Indexed"/>.</summary>
    public static readonly Counter JobFailures = Metrics.CreateCounter(
        "errortrace_job_failures_total", "Failed jobs indexed soon after they failed, by category.",
        new CounterConfiguration { LabelNames = ["category"] });

    public static readonly Counter Indexed = Metrics.CreateCounter(
        "errortrace_fleet_jobs_indexed_total", "Failed jobs this replica analysed and stored (back-fill included).");

    public static readonly Counter IndexErrors = Metrics.CreateCounter(
        "errortrace_fleet_index_errors_total", "Jobs whose analysis failed (retried later), and polls that failed.",
        new CounterConfiguration { LabelNames = ["stage"] });

    public static readonly Counter BytesIndexed = Metrics.CreateCounter(
        "errortrace_fleet_bytes_indexed_total", "Log bytes read by the indexer.");

    public static readonly Histogram IndexSeconds = Metrics.CreateHistogram(
        "errortrace_fleet_index_duration_seconds", "Time to analyse and store one job.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 4, 10) });

    public static readonly Gauge LagSeconds = Metrics.CreateGauge(
        "errortrace_fleet_index_lag_seconds", "Seconds between the last recently failed job's updated_at and its indexing (the back-fill of older jobs is left out).");

    public static readonly Counter Notifications = Metrics.CreateCounter(
        "errortrace_fleet_notifications_total", "Webhook notifications: kind=new|burst, outcome=sent|failed.",
        new CounterConfiguration { LabelNames = ["kind", "outcome"] });
}
