using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Specs for the mechanisms of <see cref="UnseenMechanismCases"/>, each a short log as the library prints it, read by the
/// whole engine, with the near misses that share its words.
/// </summary>
public sealed class UnseenMechanismTests
{
    private const string LokyPossibilities = "A worker process managed by the executor was unexpectedly terminated. This could be caused by a segmentation fault while calling the function or by an excessive memory usage causing the Operating System to kill the worker.";

    [Fact]
    public void A_loky_worker_killed_by_sigkill_is_host_memory_not_the_segfault_loky_names_as_a_possibility() =>
        Assert.Equal(("host_oom", "host-oom-joblib-worker-killed"), Decided(
            "Traceback (most recent call last):\n" +
            "  File \"fit_forest.py\", line 40, in <module>\n" +
            "    model.fit(X_train, y_train)\n" +
            "  File \"/usr/lib/python3/dist-packages/joblib/parallel.py\", line 1754, in _retrieve\n" +
            "    self._raise_error_fast()\n" +
            $"joblib.externals.loky.process_executor.TerminatedWorkerError: {LokyPossibilities}\n" +
            "\n" +
            "The exit codes of the workers are {SIGKILL(-9)}\n"));

    [Fact]
    public void The_loky_message_pasted_without_its_traceback_is_read_the_same() =>
        Assert.Equal("host_oom", Decided($"{LokyPossibilities} The exit codes of the workers are {{SIGKILL(-9), SIGKILL(-9), SIGKILL(-9)}}\n").Category);

    [Fact]
    public void A_loky_worker_that_died_of_sigsegv_is_a_segfault() =>
        Assert.Equal("segfault", Decided(
            $"joblib.externals.loky.process_executor.TerminatedWorkerError: {LokyPossibilities}\n" +
            "\n" +
            "The exit codes of the workers are {SIGSEGV(-11)}\n").Category);

    [Fact]
    public void A_loky_worker_that_exited_with_a_status_is_neither_memory_nor_a_segfault() =>
        Assert.DoesNotContain(Decided(
            $"joblib.externals.loky.process_executor.TerminatedWorkerError: {LokyPossibilities}\n" +
            "\n" +
            "The exit codes of the workers are {EXIT(1)}\n").Category, new string?[] { "host_oom", "segfault" });

    private static (string? Category, string? Rule) Decided(string log)
    {
        var analysis = Analyze.Text(log).Analysis;
        return (analysis?.ErrorType, analysis?.RuleId);
    }
}
