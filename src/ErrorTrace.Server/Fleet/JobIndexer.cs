using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Fleet;
using ErrorTrace.Core.Input;
using ErrorTrace.Core.Reports;
using ErrorTrace.Server.Logs;
using ErrorTrace.Server.Reports;

namespace ErrorTrace.Server.Fleet;

/// <summary>
/// Analyses one failed job for the store: the log found under the same path-safety rules as the errors endpoint and
/// opened through <see cref="LogOpener"/> (no symbolic link, FIFO or device; checked on the handle, so nothing swapped
/// after the check is read), read once through a fresh analyzer (not the request cache, which stays for people's
/// requests) with the service's rules (<c>Classification:RulesFile</c>), completed like a finished job's, and reduced to
/// its signature and host. A missing or refused log still gives a signature ("Log missing").
/// </summary>
internal sealed class JobIndexer(ILogLocator locator, AnalysisOptions options, TimeProvider time)
{
    public IndexedJob Index(FailedJob failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var job = failed.Job;
        var location = locator.Locate(job);
        ErrorReport report;
        long bytes = 0;
        string? refusal = null;
        using var log = location.Missing ? null : LogOpener.TryOpen(location.FullPath!, location.LogsRoot, out refusal);
        if (log is null)
        {
            report = EmptyReports.MissingLog(job, location, refusal);
        }
        else
        {
            bytes = log.Status.Length;
            // Read through the handle LogOpener checked, never the path again (disposing either closes it once).
            using var stream = new FileStream(log.Handle, FileAccess.Read, bufferSize: 1);
            report = LogFile.Analyze(stream, options, new ReportContext
            {
                JobId = job.Id,
                Status = job.Status,
                ErrorSummary = job.ErrorMessage,
                LogPath = location.DisplayPath,
                LogSizeBytes = bytes,
            }, cancellationToken: cancellationToken);
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
