using ErrorTrace.Server.Jobs;
using ErrorTrace.Server.Logs;
using ErrorTrace.Server.Options;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Reports;

/// <summary>
/// The job list's counts and root causes (<see cref="ReportDigest"/>), from the same cache as the reports, without making
/// the list wait for every cold log:
/// each failed job's report is asked for on the thread pool (parses run <see cref="AnalysisCache.ParseSlots"/> at a
/// time), the list waits at most <c>Cache:JobListWaitMilliseconds</c>, and a job still being read then is marked
/// pending. Its parse goes on after the answer and warms the cache, so the next poll has the count.
/// </summary>
internal sealed class JobDigests(ReportService reports, IOptions<CacheOptions> options, TimeProvider time, ILogger<JobDigests> logger)
{
    public async Task<IReadOnlyDictionary<string, JobDigest>> ForAsync(IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken)
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

        // Not cancelled with the request: a parse that outlives the answer still fills the cache for the next one.
        var tasks = wanted.ConvertAll(job => Task.Run(() => reports.GetAsync(job, scan: false, CancellationToken.None), CancellationToken.None));
        var all = Task.WhenAll(tasks);
        _ = all.ContinueWith(t => logger.LogWarning(t.Exception, "Reading a job's log for the job list failed"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        var wait = TimeSpan.FromMilliseconds(options.Value.JobListWaitMilliseconds);
        if (wait > TimeSpan.Zero) await Task.WhenAny(all, Task.Delay(wait, time, cancellationToken)).ConfigureAwait(false);

        for (var i = 0; i < wanted.Count; i++)
        {
            digests[wanted[i].Id] = tasks[i].IsCompletedSuccessfully
                ? new JobDigest(tasks[i].Result.Digest, Pending: false)
                : new JobDigest(null, Pending: !tasks[i].IsFaulted);
        }

        return digests;
    }
}
