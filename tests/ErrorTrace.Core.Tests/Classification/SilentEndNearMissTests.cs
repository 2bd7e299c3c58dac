using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using ErrorTrace.Core.Tests.Engine;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What the rules and wordings of <see cref="SilentEndCases"/> must not take: memory or buffer space that is not a disk's,
/// a write error that is a pipe's, a memory status that names an allocation, NumPy's other invalid-value warnings and a
/// cast warning beside a real failure, a launcher that killed ranks after one printed its traceback, other things that
/// are 'not enough memory', a barrier that is only configured, other mismatches.
/// </summary>
public sealed class SilentEndNearMissTests
{
    [Theory]
    [InlineData("RuntimeError", "not enough space in the KV cache for the prompt: reduce max_model_len")]
    [InlineData("ValueError", "not enough memory to run the pipeline on this device")]
    public void Space_or_memory_that_is_not_a_disk_is_not_a_full_disk(string type, string message) =>
        Assert.NotEqual("disk-full", Classify(In(Py(type, message)))?.RuleId);

    [Theory]
    [InlineData("[INFO] 512 GB of free disk space on /data, caching the dataset there")]
    [InlineData("write error: Broken pipe")]
    public void A_free_space_report_or_a_pipe_write_error_is_not_a_full_disk(string line) =>
        Assert.NotEqual(FailureCategory.DiskError, ClassifyLine(line)?.ErrorType);

    [Theory]
    [InlineData("Resource exhausted: OOM when allocating tensor with shape[64,512,512] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc")]
    [InlineData("Resource exhausted: Failed to allocate request for 32.00MiB (33554432B) on device ordinal 0")]
    [InlineData("RESOURCE_EXHAUSTED: Received message larger than max (7340032 vs. 4194304)")]
    public void A_resource_exhausted_status_that_names_no_file_is_not_a_full_disk(string message) =>
        Assert.NotEqual(FailureCategory.DiskError, Classify(In(Py("tensorflow.python.framework.errors_impl.InternalError", message)))?.ErrorType);

    [Fact]
    public void A_cast_warning_beside_a_raised_failure_leaves_the_failure_to_decide()
    {
        var input = new ClassificationInput(Py("KeyError", "'pixel_values'", [Sp + "diffusers/pipelines/pipeline_utils.py:__call__"]), [], [], null)
        {
            Context = [new ContextLine(10, "/venv/lib/site-packages/diffusers/image_processor.py:147: RuntimeWarning: invalid value encountered in cast")],
        };

        Assert.NotEqual(FailureCategory.NumericalError, Classify(input)?.ErrorType);
    }

    [Theory]
    [InlineData("/opt/conda/lib/python3.8/site-packages/numpy/core/_methods.py:73: RuntimeWarning: invalid value encountered in true_divide")]
    [InlineData("/home/u/utils/__init__.py:67: RuntimeWarning: invalid value encountered in log1p")]
    public void Numpy_invalid_values_other_than_a_cast_say_nothing(string line) =>
        Assert.Null(ClassifyLine(line));

    [Fact]
    public void A_launcher_killing_ranks_after_a_rank_traceback_is_that_traceback()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n" +
            "  File \"finetune.py\", line 12, in <module>\n" +
            "    main()\n" +
            "  File \"finetune.py\", line 9, in main\n" +
            "    raise ValueError(\"--lora_rank must be positive\")\n" +
            "ValueError: --lora_rank must be positive\n" +
            "[2024-05-02 10:11:12,001] [INFO] [launch.py:315:sigkill_handler] Killing subprocess 51234\n" +
            "[2024-05-02 10:11:12,002] [INFO] [launch.py:315:sigkill_handler] Killing subprocess 51235\n");

        Assert.NotEqual(FailureCategory.HostOom, report.Analysis?.ErrorType);
        Assert.Equal("ValueError", report.Traceback?.ExceptionType);
    }

    [Fact]
    public void A_launcher_killing_silent_ranks_is_a_failed_job()
    {
        var report = Analyze.Text(
            "[2024-05-02 10:01:00,000] [INFO] [launch.py:256:main] process 51234 spawned with command: ['/opt/conda/bin/python', '-u', 'finetune.py', '--local_rank=0']\n" +
            "loading weights file /models/t5-11b/pytorch_model.bin\n" +
            "[2024-05-02 10:11:12,001] [INFO] [launch.py:315:sigkill_handler] Killing subprocess 51234\n");

        Assert.Equal(("host_oom", "host-oom-launcher-killed-silent-ranks", "failed"), (report.Analysis!.ErrorType, report.Analysis.RuleId, report.Status));
    }

    [Theory]
    [InlineData("Width: not enough memory for the tile, falling back to 512")]
    [InlineData("THCudaCheck FAIL file=/opt/torch/extra/cutorch/lib/THC/THCStorage.cu line=66 error=2 : out of memory")]
    public void Not_enough_memory_that_is_not_an_interpreters_is_not_this(string line) =>
        Assert.NotEqual("host-oom-interpreter-out-of-memory", ClassifyLine(line)?.RuleId);

    [Theory]
    [InlineData("DataLoader worker (pid 8102) is killed by signal: Segmentation fault. ")]
    [InlineData("DataLoader worker (pid(s) 8102) exited unexpectedly")]
    public void A_worker_that_crashed_or_vanished_is_not_a_terminated_one(string message) =>
        Assert.NotEqual(FailureCategory.HostOom, Classify(In(Py("RuntimeError", message)))?.ErrorType);

    [Fact]
    public void A_configured_barrier_timeout_is_not_a_timeout() =>
        Assert.Null(ClassifyLine("I0412 08:00:00.000 coordination_service.cc:120] Initializing CoordinationService with barrier timeout 3600s"));

    [Fact]
    public void A_mismatch_of_shapes_is_not_an_api_version_mismatch() =>
        Assert.NotEqual(FailureCategory.DependencyError, Classify(In(Py("ValueError", "Mismatched shapes between value and initializer for parameter \"kernel\" in \"/Dense_0\": (444, 256), (472, 256)")))?.ErrorType);

    private static FailureAnalysis? Classify(ClassificationInput input) => FailureClassifier.Classify(input, RuleSet.Default);

    private static FailureAnalysis? ClassifyLine(string line) =>
        FailureClassifier.Classify(new ClassificationInput(null, [], [], null) { Context = [new ContextLine(10, line)] }, RuleSet.Default);
}
