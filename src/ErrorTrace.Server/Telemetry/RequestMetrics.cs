using Prometheus;

namespace ErrorTrace.Server.Telemetry;

/// <summary>
/// Requests and latencies by route, method and status (<see cref="RequestMetricsMiddleware"/>), and which
/// <see cref="System.Diagnostics.Metrics"/> meters prometheus-net republishes.
///
/// prometheus-net republishes every meter's instruments once /metrics is first scraped. Its adapter sorts and copies
/// the tags of every measurement, and ASP.NET Core records several per request (hosting, routing, authentication,
/// Kestrel's memory pool): measured on the cached report, that halved the requests a second the service could answer.
/// Only the runtime's meter is republished: its instruments are observable, read at scrape time, never per request.
/// </summary>
internal static class RequestMetrics
{
    /// <summary>The runtime's own meter (GC, thread pool, JIT, CPU), exported as <c>system_runtime_*</c>.</summary>
    public const string RuntimeMeter = "System.Runtime";

    /// <summary>First in the pipeline, so the time and status include the error middlewares' answers.</summary>
    public static WebApplication UseRequestMetrics(this WebApplication app)
    {
        // Takes effect at the first scrape, so it must run at startup; setting it again (tests' hosts) is harmless.
        Metrics.ConfigureMeterAdapter(options => options.InstrumentFilterPredicate = instrument => instrument.Meter.Name == RuntimeMeter);
        app.UseMiddleware<RequestMetricsMiddleware>();
        return app;
    }
}
