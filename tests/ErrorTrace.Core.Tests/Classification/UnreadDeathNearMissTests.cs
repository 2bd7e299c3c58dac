using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What the rules of <see cref="UnreadDeathCases"/> must not take: a wait followed by progress, a memory percentage
/// that is not a disk's, prose and labels that contain a signal's word, a CUDA word next to host memory.
/// </summary>
public sealed class UnreadDeathNearMissTests
{
    [Fact]
    public void A_barrier_wait_followed_by_training_is_a_slow_start_not_a_hang()
    {
        var report = Analyze.Text(
            "[2024-02-01 09:00:10,110][torch.distributed.distributed_c10d][INFO] - Waiting in store based barrier to initialize process group for rank: 0, key: store_based_barrier_key:1 (world_size=2, worker_count=1, timeout=0:30:00)\n" +
            "[2024-02-01 09:00:12,001][torch.distributed.distributed_c10d][INFO] - Rank 0: Completed store-based barrier for key:store_based_barrier_key:1 with 2 nodes.\n" +
            "Epoch 1: 100%|██████████| 500/500 [02:10<00:00, 3.83it/s, loss=0.412]\n");

        Assert.Null(report.Analysis);
        Assert.Equal("completed", report.Status);
    }

    [Fact]
    public void A_log_ending_on_a_barrier_wait_is_a_failed_job()
    {
        var report = Analyze.Text(
            "[2024-02-01 09:00:10,110][torch.distributed.distributed_c10d][INFO] - Waiting in store based barrier to initialize process group for rank: 0, key: store_based_barrier_key:1 (world_size=2, worker_count=1, timeout=0:30:00)\n" +
            "[2024-02-01 09:00:20,110][torch.distributed.distributed_c10d][INFO] - Waiting in store based barrier to initialize process group for rank: 0, key: store_based_barrier_key:1 (world_size=2, worker_count=1, timeout=0:30:00)\n");

        Assert.Equal(("timeout", "timeout-log-ends-waiting", "failed"), (report.Analysis!.ErrorType, report.Analysis.RuleId, report.Status));
    }

    [Theory]
    [InlineData("GPU memory is over 95% full, consider a smaller batch")]
    [InlineData("[monitor] cpu 12% mem 96% full load")]
    public void A_percentage_full_without_a_path_is_not_a_disk(string line) =>
        Assert.NotEqual(FailureCategory.DiskError, ClassifyLine(line)?.ErrorType);

    [Theory]
    [InlineData("The worker was Killed by the user at step 300")]
    [InlineData("status: Killed")]
    [InlineData("Das Modell wurde Getötet genannt")]
    [InlineData("[INFO] Processus arrêté par l'utilisateur")]
    public void A_signal_word_in_prose_or_a_label_is_not_a_death(string line) =>
        Assert.Null(ClassifyLine(line));

    [Fact]
    public void A_gpu_api_name_next_to_host_memory_words_is_not_a_gpu_oom() =>
        Assert.NotEqual(FailureCategory.OomTraining, ClassifyLine("GpuProcessHost: renderer restarted, host memory fine")?.ErrorType);

    [Fact]
    public void A_loader_that_read_every_sample_says_nothing() =>
        Assert.Null(ClassifyLine("train: Scanning /data/labels/train.cache... 5000 images, 0 backgrounds, 0 corrupt: 100%|██████████| 5000/5000"));

    private static FailureAnalysis? ClassifyLine(string line) =>
        FailureClassifier.Classify(new ClassificationInput(null, [], [], null) { Context = [new ContextLine(10, line)] }, RuleSet.Default);
}
