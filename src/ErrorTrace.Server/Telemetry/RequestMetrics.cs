using Prometheus;

namespace ErrorTrace.Server.Telemetry;

/// <summary>
/// Requests and latencies by route, method and status: prometheus-net's <c>UseHttpMetrics</c>
/// (<c>http_requests_received_total</c>, <c>http_request_duration_seconds</c>, <c>http_requests_in_progress</c>), and
/// which <see cref="System.Diagnostics.Metrics"/> meters prometheus-net republishes.
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

    /// <summary>Before the error middlewares, so the status counted is the one they finally write; after routing (which
    /// <see cref="WebApplication"/> puts first), so the route template is the <c>endpoint</c> label.</summary>
    public static WebApplication UseRequestMetrics(this WebApplication app)
    {
        // Takes effect at the first scrape, so it must run at startup; setting it again (tests' hosts) is harmless.
        Metrics.ConfigureMeterAdapter(options => options.InstrumentFilterPredicate = instrument => instrument.Meter.Name == RuntimeMeter);
        app.UseRouting();
        // The method is a label, and prometheus-net takes it as sent: a client inventing methods must not invent series.
        // The service answers GET, HEAD and CORS preflights only; anything else is refused before it is counted.
        app.Use((context, next) =>
        {
            var method = context.Request.Method;
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsPost(method)
                || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method) || HttpMethods.IsPatch(method))
                return next(context);
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return Task.CompletedTask;
        });
        app.UseHttpMetrics();
        return app;
    }
}
