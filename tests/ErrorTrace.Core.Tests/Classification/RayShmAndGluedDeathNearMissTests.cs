using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What the families of <see cref="RayShmAndGluedDeathCases"/> must not take: a worker's real crash beside Ray's list of
/// causes, the word "killed" in a sentence that has a count in it, host memory words that are no shared memory.
/// </summary>
public sealed class RayShmAndGluedDeathNearMissTests
{
    private const string RayList =
        "The actor is dead because its worker process has died. There are some potential root causes. (1) The process is killed by SIGKILL by OOM killer due to high memory usage. (2) ray stop --force is called. (3) The worker is crashed unexpectedly due to SIGSEGV or other unexpected errors.";

    [Fact]
    public void A_workers_own_segfault_beside_rays_list_is_a_segfault() =>
        Assert.Equal(FailureCategory.Segfault, Lines("Fatal Python error: Segmentation fault", RayList)?.ErrorType);

    [Fact]
    public void Rays_list_alone_is_not_a_segfault() =>
        Assert.Equal(FailureCategory.HostOom, Lines(RayList)?.ErrorType);

    [Theory]
    [InlineData("step 3/10: 2 stale workers were killed")]
    [InlineData("3/10 done in 12s; workers killed")]
    [InlineData("进度 3/10：上一轮的进程已杀死，重新启动")]
    public void The_word_killed_in_a_sentence_with_a_count_is_no_death(string line) =>
        Assert.Null(Lines(line));

    [Fact]
    public void Host_memory_words_are_not_shared_memory() =>
        Assert.NotEqual(FailureCategory.DiskError, FailureClassifier.Classify(In(Py("RuntimeError",
            "DefaultCPUAllocator: not enough memory: you tried to allocate 8589934592 bytes. Buy new RAM!\nThe machine is out of\nmemory.")), RuleSet.Default)!.ErrorType);

    private static FailureAnalysis? Lines(params string[] lines) =>
        FailureClassifier.Classify(In(null) with { Context = [.. lines.Select((l, i) => new ContextLine(10 + i, l))] }, RuleSet.Default);
}
