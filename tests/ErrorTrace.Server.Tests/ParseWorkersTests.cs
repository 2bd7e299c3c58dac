using ErrorTrace.Server.Reports;

namespace ErrorTrace.Server.Tests;

/// <summary>The parse threads: logs are read off the thread pool (a page of cold jobs once held every pool thread, so
/// the list's own timer and answer queued behind the parses), a request that gives up while queued never runs, and a
/// failure reaches the caller.</summary>
public sealed class ParseWorkersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Work_runs_on_a_dedicated_thread_not_the_thread_pool()
    {
        using var workers = new ParseWorkers(2);
        bool? onPool = null;
        string? name = null;
        await workers.RunAsync(() => (onPool, name) = (Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name), Ct);
        Assert.False(onPool);
        Assert.StartsWith("errortrace parse", name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Work_cancelled_while_it_waits_for_a_thread_never_runs()
    {
        using var workers = new ParseWorkers(1);
        using var release = new ManualResetEventSlim();
        var busy = workers.RunAsync(() => release.Wait(Ct), Ct);
        using var giveUp = new CancellationTokenSource();
        var ran = false;
        var queued = workers.RunAsync(() => ran = true, giveUp.Token);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        release.Set();
        await busy;
        // The one thread is free again and takes work in order: anything queued after the cancelled item runs after it.
        await workers.RunAsync(() => { }, Ct);
        Assert.False(ran);
    }

    [Fact]
    public async Task A_failure_in_the_work_reaches_the_caller_and_the_thread_goes_on()
    {
        using var workers = new ParseWorkers(1);
        await Assert.ThrowsAsync<InvalidDataException>(() => workers.RunAsync(() => throw new InvalidDataException("bad log"), Ct));
        var after = 0;
        await workers.RunAsync(() => after = 1, Ct);
        Assert.Equal(1, after);
    }
}
