using ErrorTrace.Core.Reports;
using ErrorTrace.Server.Jobs;
using ErrorTrace.Server.Logs;

namespace ErrorTrace.Server.Reports;

/// <summary>Reports made from the database row alone: the seed's answer for a job that did not fail, and the answer
/// when the log is missing (or not readable by the rules of <see cref="LogLocator"/> and <see cref="LogOpener"/>).</summary>
internal static class EmptyReports
{
    public static ErrorReport NotScanned(JobRecord job, LogLocation location) => Empty(job, location,
        location.Missing
            ? location.Note!
            : $"The job is {job.Status}: its log was not scanned. Ask with ?scan=true to read it anyway.");

    public static ErrorReport MissingLog(JobRecord job, LogLocation location, string? note = null) =>
        Empty(job, location, note ?? location.Note ?? LogOpener.MissingNote, missing: true);

    private static ErrorReport Empty(JobRecord job, LogLocation location, string note, bool missing = false) => new()
    {
        JobId = job.Id,
        Status = job.Status,
        ErrorSummary = job.ErrorMessage,
        Log = new LogInfo
        {
            Path = location.DisplayPath,
            SizeBytes = !missing && location.FullPath is { } path && FileStat.OfPath(path) is { IsRegular: true } status ? status.Length : 0,
            Missing = missing || location.Missing,
            Scanned = false,
        },
        Notes = [note],
    };
}
