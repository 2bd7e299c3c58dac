using System.IO.Hashing;
using System.Text.Json;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Reports;
using ErrorTrace.Server.Jobs;
using ErrorTrace.Server.Logs;
using ErrorTrace.Server.Redaction;
using ErrorTrace.Server.Telemetry;
using Microsoft.Net.Http.Headers;

namespace ErrorTrace.Server.Reports;

/// <summary>A job's report as the API returns it: from the cache when the log has not changed, else after reading
/// only what changed. Failed jobs get the full report; others get the seed's empty one unless <c>scan</c> is asked.</summary>
/// <param name="options">How logs are read and classified (the <c>Classification:RulesFile</c> rules); the defaults when null.</param>
internal sealed class ReportService(AnalysisCache cache, ILogLocator locator, AnalysisOptions? options = null)
{
    private readonly AnalysisOptions _options = options ?? AnalysisOptions.Default;

    public async Task<RenderedReport> GetAsync(JobRecord job, bool scan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var location = locator.Locate(job);
        if (!job.IsFailed && !scan) return Render(EmptyReports.NotScanned(job, location), key: "", read: false);
        if (location.Missing) return Render(EmptyReports.MissingLog(job, location), key: "", read: false);

        var analysis = cache.GetOrAdd(job.Id);
        // Unchanged job and file: the last report, without queueing on the gate behind every other request for it.
        if (analysis.Published is { } published && FileStat.Of(location.FullPath!) is var (identity, length)
            && published.IsFor(job.Status, job.ErrorMessage, location.DisplayPath, identity, length))
        {
            ServiceMetrics.CacheHits.Inc();
            return published.Report;
        }

        await analysis.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Parsing is not cancelled with the request: what was read stays valid for the next one.
            var (kind, _) = LogRefresher.Refresh(analysis, location.FullPath!, finished: !job.IsRunning, _options);
            if (kind == RefreshKind.Vanished)
            {
                analysis.Analyzer = null;
                analysis.Published = null;
                return Render(EmptyReports.MissingLog(job, location), key: "", read: false);
            }

            var analyzer = analysis.Analyzer!;
            var key = string.Join('\n', job.Status, job.ErrorMessage, location.DisplayPath, analysis.Length, analyzer.BytesConsumed, analyzer.IsComplete);
            if (kind == RefreshKind.Hit && analysis.Report?.Key == key)
            {
                ServiceMetrics.CacheHits.Inc();
                Publish(analysis, job, location, analysis.Report);
                return analysis.Report;
            }

            if (kind != RefreshKind.Hit) ServiceMetrics.CacheMisses.WithLabels(kind == RefreshKind.Full ? "full" : "incremental").Inc();
            else ServiceMetrics.CacheMisses.WithLabels("render").Inc();
            var report = analyzer.CreateReport(new ReportContext
            {
                JobId = job.Id,
                Status = job.Status,
                ErrorSummary = job.ErrorMessage,
                LogPath = location.DisplayPath,
                LogSizeBytes = analysis.Length,
            });
            analysis.Report = Render(report, key, read: true);
            Publish(analysis, job, location, analysis.Report);
            cache.Resize(job.Id, analysis);
            return analysis.Report;
        }
        finally
        {
            analysis.Gate.Release();
        }
    }

    /// <summary>Under the gate: what the report was made from, for requests that find the file unchanged.</summary>
    private static void Publish(JobAnalysis analysis, JobRecord job, LogLocation location, RenderedReport report) =>
        analysis.Published = new PublishedReport(job.Status, job.ErrorMessage, location.DisplayPath, analysis.Identity, analysis.Length, report);

    private static RenderedReport Render(ErrorReport report, string key, bool read)
    {
        var redacted = ReportRedactor.Redact(report);
        var json = JsonSerializer.SerializeToUtf8Bytes(redacted, ReportJsonContext.Default.ErrorReport);
        var etag = "\"" + Convert.ToHexStringLower(XxHash128.Hash(json)) + "\"";
        return new RenderedReport(key, json, new EntityTagHeaderValue(etag), read ? ReportDigest.Of(redacted) : null);
    }
}
