using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Fleet;

/// <summary>
/// The background indexer of <c>serve</c>: migrates the store, then every <c>Fleet:PollSeconds</c> reads the failed
/// rows of the jobs table past its watermark (<c>updated_at</c>), and every <c>Fleet:SweepMinutes</c> (and at start:
/// the back-fill) all of them, and indexes each job whose version the store does not hold yet, newest first. Each
/// job is claimed in the store first, so replicas never analyse the same job twice. No request is needed: a job is in
/// the failures view within a poll interval plus its analysis after its row says failed.
/// </summary>
internal sealed partial class FleetIndexer(
    FleetStore store, FailedJobFeed feed, JobIndexer indexer, FleetNotifier notifier,
    IOptions<FleetOptions> fleetOptions, IOptions<NotifyOptions> notifyOptions, TimeProvider time, ILogger<FleetIndexer> logger) : BackgroundService
{
    /// <summary>How long to wait before retrying a log whose analysis threw.</summary>
    private static readonly TimeSpan s_retryAfter = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, string> _settled = new(StringComparer.Ordinal);

    /// <summary>This replica's name in claims: host and process id, readable in the store when debugging, and a random
    /// suffix for several services in one process (tests).</summary>
    public string Replica { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = fleetOptions.Value;
        if (!options.Enabled) return;
        await Task.Yield();
        var interval = TimeSpan.FromSeconds(Math.Max(0.01, options.PollSeconds));
        var sweepEvery = TimeSpan.FromMinutes(Math.Max(0.01, options.SweepMinutes));
        if (!await MigrateAsync(interval, stoppingToken).ConfigureAwait(false)) return;

        object? watermark = null;
        var nextSweep = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sweep = time.GetUtcNow() >= nextSweep;
                if (sweep)
                {
                    var settled = await store.SettledVersionsAsync(options.MaxAttempts, stoppingToken).ConfigureAwait(false);
                    _settled.Clear();
                    foreach (var (id, version) in settled) _settled[id] = version;
                    nextSweep = time.GetUtcNow() + sweepEvery;
                }

                var rows = await feed.ReadAsync(sweep ? null : watermark, stoppingToken).ConfigureAwait(false);
                foreach (var row in rows) watermark = FailedJobFeed.Later(watermark, row);
                var todo = rows.Where(r => !_settled.TryGetValue(r.Job.Id, out var v) || v != r.Version).ToList();
                if (todo.Count > 0) await IndexAllAsync(todo, options, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                FleetMetrics.IndexErrors.WithLabels("poll").Inc();
                LogPollFailed(ex.Message);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> MigrateAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.EnsureMigratedAsync(stoppingToken).ConfigureAwait(false);
                LogStarted(store.Database.Describe);
                return true;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may come up after the service: keep trying rather than run without the view.
                FleetMetrics.IndexErrors.WithLabels("migrate").Inc();
                LogMigrationFailed(store.Database.Describe, ex.Message);
                try
                {
                    await Task.Delay(interval * 10, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
        }

        return false;
    }

    private Task IndexAllAsync(List<FailedJob> todo, FleetOptions options, CancellationToken stoppingToken)
    {
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Concurrency > 0 ? options.Concurrency : Math.Max(1, Environment.ProcessorCount / 2),
            CancellationToken = stoppingToken,
        };
        // Newest first: Parallel.ForEachAsync takes items in order, so recent failures are not stuck behind history.
        return Parallel.ForEachAsync(todo, parallel, (job, token) => new ValueTask(IndexOneAsync(job, options, token)));
    }

    private async Task IndexOneAsync(FailedJob failed, FleetOptions options, CancellationToken cancellationToken)
    {
        var lease = TimeSpan.FromSeconds(options.ClaimSeconds);
        if (!await store.TryClaimAsync(failed.Job.Id, failed.Version, Replica, lease, options.MaxAttempts, cancellationToken).ConfigureAwait(false))
        {
            // Indexed, being indexed, or given up on elsewhere: the next sweep looks again.
            _settled[failed.Job.Id] = failed.Version;
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        IndexedJob indexed;
        try
        {
            indexed = await Task.Run(() => indexer.Index(failed, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            FleetMetrics.IndexErrors.WithLabels("analyse").Inc();
            LogAnalysisFailed(failed.Job.Id, ex.Message);
            await store.FailAsync(failed.Job.Id, failed.Version, Replica, ex.GetType().Name + ": " + ex.Message, s_retryAfter, cancellationToken).ConfigureAwait(false);
            _settled[failed.Job.Id] = failed.Version;
            return;
        }

        var notify = notifyOptions.Value;
        var completed = await store.CompleteAsync(indexed, Replica, Math.Max(1, notify.BurstJobs), TimeSpan.FromMinutes(notify.WindowMinutes), cancellationToken).ConfigureAwait(false);
        _settled[failed.Job.Id] = failed.Version;
        if (!completed.Stored) return;

        var now = time.GetUtcNow().UtcDateTime;
        FleetMetrics.Indexed.Inc();
        FleetMetrics.BytesIndexed.Inc(indexed.LogBytes);
        FleetMetrics.IndexSeconds.Observe(stopwatch.Elapsed.TotalSeconds);
        if (now - indexed.FailedAt <= TimeSpan.FromMinutes(notify.WindowMinutes))
        {
            // History from the back-fill would read as a huge lag and a burst of failures; only fresh failures count.
            FleetMetrics.LagSeconds.Set(Math.Max(0, (now - indexed.FailedAt).TotalSeconds));
            FleetMetrics.JobFailures.WithLabels(indexed.Signature.Category).Inc();
        }
        await notifier.NotifyAsync(indexed, completed, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fleet indexer started on {Store}")]
    private partial void LogStarted(string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fleet store {Store} could not be migrated (retrying): {Error}")]
    private partial void LogMigrationFailed(string store, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fleet indexer poll failed (retrying): {Error}")]
    private partial void LogPollFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} could not be analysed for the fleet view (retried later): {Error}")]
    private partial void LogAnalysisFailed(string jobId, string error);
}
