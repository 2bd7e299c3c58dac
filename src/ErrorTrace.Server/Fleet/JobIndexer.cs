using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Fleet;
using ErrorTrace.Core.Input;
using ErrorTrace.Core.Reports;
using ErrorTrace.Server.Logs;
using ErrorTrace.Server.Reports;

namespace ErrorTrace.Server.Fleet;

/// <summary>
/// Analyses one failed job for the store: the log found under the same path-safety rules as the errors endpoint, read
/// once through a fresh analyzer (not the request cache, which stays for people's requests), completed like a finished
/// job's, and reduced to its signature and host. A missing or unreadable log still gives a signature ("Log missing").
/// </summary>
internal sealed class JobIndexer(ILogLocator locator, TimeProvider time)
{
    private static readonly AnalysisOptions s_options = AnalysisOptions.Default;

    public IndexedJob Index(FailedJob failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var job = failed.Job;
        var location = locator.Locate(job);
        ErrorReport report;
        long bytes = 0;
        if (location.Missing)
        {
            report = EmptyReports.MissingLog(job, location);
        }
        else
        {
            try
            {
                bytes = new FileInfo(location.FullPath!).Length;
                report = LogFile.Analyze(location.FullPath!, s_options, new ReportContext
                {
                    JobId = job.Id,
                    Status = job.Status,
                    ErrorSummary = job.ErrorMessage,
                    LogPath = location.DisplayPath,
                }, cancellationToken: cancellationToken);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                report = EmptyReports.MissingLog(job, location);
            }
        }

        return new IndexedJob
        {
            JobId = job.Id,
            Version = failed.Version,
            Owner = job.Owner,
            Status = job.Status,
            Host = failed.Host ?? FailureHost.Of(report),
            Signature = FailureSignatures.For(report),
            FailedAt = job.UpdatedAt ?? job.CreatedAt ?? time.GetUtcNow().UtcDateTime,
            LogBytes = bytes,
        };
    }
}
