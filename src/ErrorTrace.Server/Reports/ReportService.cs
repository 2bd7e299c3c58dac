using System.IO.Hashing;
using System.Text.Json;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Redaction;
using ErrorTrace.Core.Reports;
using ErrorTrace.Server.Jobs;
using ErrorTrace.Server.Logs;
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
        if (Published(job, location, analysis) is { } published) return published;

        await analysis.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Read by the request this one queued behind (a job list's poll behind the previous poll's parse): answered
            // here rather than queued on the parse threads behind every other cold log.
            if (Published(job, location, analysis) is { } fresh) return fresh;
            using var log = LogOpener.TryOpen(location.FullPath!, location.LogsRoot, out var refusal);
            if (log is null)
            {
                analysis.Reset();
                cache.Resize(job.Id, analysis);
                return Render(EmptyReports.MissingLog(job, location, refusal), key: "", read: false);
            }

            return await RefreshAsync(job, location, analysis, log, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            analysis.Gate.Release();
        }
    }

    /// <summary>The job's last report when neither its row nor its log changed since (one <c>statx</c>, no parse, no
    /// gate); null when the report would have to be made.</summary>
    public RenderedReport? TryGetUnchanged(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!job.IsFailed || cache.Find(job.Id) is not { } analysis) return null;
        var location = locator.Locate(job);
        return location.Missing ? null : Published(job, location, analysis);
    }

    private static RenderedReport? Published(JobRecord job, LogLocation location, JobAnalysis analysis)
    {
        if (analysis.Published is not { } published || FileStat.OfPath(location.FullPath!) is not { } now
            || !published.IsFor(job.Status, job.ErrorMessage, location.DisplayPath, now))
            return null;
        ServiceMetrics.CacheHits.Inc();
        return published.Report;
    }

    /// <summary>Under the job's gate: reads what changed and renders, on one of the cache's parse threads (so parses in
    /// flight are bounded and never hold the thread pool's threads).</summary>
    private async Task<RenderedReport> RefreshAsync(JobRecord job, LogLocation location, JobAnalysis analysis, OpenedLog log, CancellationToken cancellationToken)
    {
        RenderedReport? rendered = null;
        await cache.Parsing.RunAsync(() => rendered = Refresh(job, location, analysis, log), cancellationToken).ConfigureAwait(false);
        return rendered!;
    }

    private RenderedReport Refresh(JobRecord job, LogLocation location, JobAnalysis analysis, OpenedLog log)
    {
        var finished = !job.IsRunning;
        var key = string.Join('\n', job.Status, job.ErrorMessage, location.DisplayPath);
        var (kind, _) = LogRefresher.Refresh(analysis, log, location.IsGzip, finished, full: false, _options);
        if (kind == RefreshKind.Hit && analysis.Report?.Key == key)
        {
            ServiceMetrics.CacheHits.Inc();
            Publish(analysis, job, location, analysis.Report);
            return analysis.Report;
        }

        if (kind == RefreshKind.Hit && analysis.Analyzer is null)
        {
            // The row changed (status or message) after a finished job's analyzer was let go: read the log again.
            (kind, _) = LogRefresher.Refresh(analysis, log, location.IsGzip, finished, full: true, _options);
        }

        ServiceMetrics.CacheMisses.WithLabels(kind switch { RefreshKind.Full => "full", RefreshKind.Incremental => "incremental", _ => "render" }).Inc();
        var analyzer = analysis.Analyzer!;
        var report = analyzer.CreateReport(new ReportContext
        {
            JobId = job.Id,
            Status = job.Status,
            ErrorSummary = job.ErrorMessage,
            LogPath = location.DisplayPath,
            LogSizeBytes = analysis.File.Length,
        });
        analysis.Report = Render(report, key, read: true);
        // A finished job's analyzer is complete: nothing more can be appended, so only its report is worth keeping.
        if (analyzer.IsComplete) analysis.Analyzer = null;
        Publish(analysis, job, location, analysis.Report);
        cache.Resize(job.Id, analysis);
        return analysis.Report;
    }

    /// <summary>Under the gate: what the report was made from, for requests that find the file unchanged.</summary>
    private static void Publish(JobAnalysis analysis, JobRecord job, LogLocation location, RenderedReport report) =>
        analysis.Published = new PublishedReport(job.Status, job.ErrorMessage, location.DisplayPath, analysis.File, analysis.LineIndex, report);

    private static RenderedReport Render(ErrorReport report, string key, bool read)
    {
        var redacted = ReportRedactor.Redact(report);
        var json = JsonSerializer.SerializeToUtf8Bytes(redacted, ReportJsonContext.Default.ErrorReport);
        var etag = "\"" + Convert.ToHexStringLower(XxHash128.Hash(json)) + "\"";
        return new RenderedReport(key, json, new EntityTagHeaderValue(etag), read ? ReportDigest.Of(redacted) : null);
    }
}
