using System.Collections.Concurrent;

namespace ErrorTrace.Server.Reports;

/// <summary>
/// The threads that read logs and build reports: <see cref="AnalysisCache.ParseSlots"/> of them, dedicated, so that
/// CPU-bound parses never hold the thread pool's threads. On the pool, a page of 100 cold jobs kept every pool thread
/// inside a parse (the pool adds threads slowly, and the fleet indexer held one more), so the job list's own wait timer,
/// the writing of its answer and the cheap first steps of the other jobs queued behind the parses: measured at load
/// 12-16, the timer fired 170-260 ms late and the answer took 640 ms more to be written once its handler had returned.
/// Bounding the threads also bounds the analyzers being built (docs/service.md, "Memory"). Work is taken in the order
/// it was queued, so a job list's newest jobs are read first.
/// </summary>
internal sealed class ParseWorkers : IDisposable
{
    private readonly BlockingCollection<Work> _queue = [];

    public ParseWorkers(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        for (var i = 0; i < threads; i++)
        {
            // Background threads: a pending parse never keeps the process alive at shutdown.
            new Thread(Drain) { IsBackground = true, Name = $"errortrace parse {i + 1}" }.Start();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a parse thread. Cancelled only while it waits for one: once started, it
    /// runs to the end (what it reads stays valid for the next request), and the task completes after it.</summary>
    public Task RunAsync(Action work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var item = new Work(work);
        if (cancellationToken.CanBeCanceled)
            item.Registration = cancellationToken.Register(static state => ((Work)state!).TryCancel(), item);
        try
        {
            _queue.Add(item, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Disposed (the service is stopping): nothing will run it.
            item.TryCancel();
        }

        return item.Done.Task;
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        // Whatever is still queued is cancelled rather than run; the threads end once the queue is empty.
        while (_queue.TryTake(out var item)) item.TryCancel();
    }

    private void Drain()
    {
        foreach (var item in _queue.GetConsumingEnumerable()) item.Run();
    }

    /// <summary>One queued piece of work; its state changes once, from queued to running or to cancelled.</summary>
    private sealed class Work(Action action)
    {
        private const int Queued = 0, Running = 1, Cancelled = 2;

        private int _state;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }

        public void TryCancel()
        {
            if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued) Done.TrySetCanceled();
        }

        public void Run()
        {
            // A request that gave up while this waited has released its job's gate: running now could race another.
            if (Interlocked.CompareExchange(ref _state, Running, Queued) != Queued) return;
            Registration.Dispose();
            try
            {
                action();
                Done.TrySetResult();
            }
            catch (Exception ex)
            {
                Done.TrySetException(ex);
            }
        }
    }
}
