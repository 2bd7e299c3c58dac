using ErrorTrace.Server.Jobs;
using ErrorTrace.Server.Logs;
using ErrorTrace.Server.Options;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Reports;

/// <summary>
/// The job list's counts and root causes (<see cref="ReportDigest"/>), from the same cache as the reports, without making
/// the list wait for every cold log: each failed job's report is queued on the cache's parse threads
/// (<see cref="ParseWorkers"/>, newest job first), the list waits at most <c>Cache:JobListWaitMilliseconds</c>, and a job
/// still being read then is marked pending. Its parse goes on after the answer and warms the cache, so the next poll
/// has the count.
/// </summary>
internal sealed class JobDigests(ReportService reports, IOptions<CacheOptions> options, TimeProvider time, ILogger<JobDigests> logger)
{
    /// <param name="started">When the list's request started (<see cref="TimeProvider.GetTimestamp"/>): the wait for
    /// cold logs ends <c>Cache:JobListWaitMilliseconds</c> after it.</param>
    public async Task<IReadOnlyDictionary<string, JobDigest>> ForAsync(IReadOnlyList<JobRecord> jobs, long started, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        // Only failed jobs are scanned; an id that could never be requested (the table is the platform's) is skipped.
        var digests = new Dictionary<string, JobDigest>(StringComparer.Ordinal);
        var wanted = new List<JobRecord>();
        foreach (var job in jobs.Where(j => j.IsFailed && JobIdRule.IsValid(j.Id)))
        {
            // Already read and unchanged: counted at once, without a thread.
            if (reports.TryGetUnchanged(job) is { } report) digests[job.Id] = new JobDigest(report.Digest, Pending: false);
            else wanted.Add(job);
        }

        // Not cancelled with the request: a parse that outlives the answer still fills the cache for the next one. No
        // Task.Run: each call returns once its job is queued on the parse threads, which do the reading.
        var tasks = wanted.ConvertAll(job => reports.GetAsync(job, scan: false, CancellationToken.None));
        var all = Task.WhenAll(tasks);
        _ = all.ContinueWith(t => logger.LogWarning(t.Exception, "Reading a job's log for the job list failed"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        var wait = TimeSpan.FromMilliseconds(options.Value.JobListWaitMilliseconds) - time.GetElapsedTime(started);
        if (wait > TimeSpan.Zero && tasks.Count > 0) await Task.WhenAny(all, Task.Delay(wait, time, cancellationToken)).ConfigureAwait(false);

        for (var i = 0; i < wanted.Count; i++)
        {
            digests[wanted[i].Id] = tasks[i].IsCompletedSuccessfully
                ? new JobDigest(tasks[i].Result.Digest, Pending: false)
                : new JobDigest(null, Pending: !tasks[i].IsFaulted);
        }

        return digests;
    }
}
