using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Logs that show a failure only in lines the engine reads no exception from, which came back with no analysis: each
/// mechanism's family in other programs' words than the corpus logs it came from (runtime timeouts of Ascend's HCCL, a
/// second OpenMP runtime, ROCm's arch and access faults, NaN in tables and darknet's lines, TensorFlow's histogram check,
/// host memory in runc's, Ray's, tcmalloc's and Torch7's words, disks in Ray's, Kubernetes', Windows' and the Hub's, NVML's
/// driver mismatch, zsh's SIGILL, GPU OOM in allocators' warnings, Windows' access violation, faulthandler's other
/// threads, LLaVA's template mismatch). Near misses by the rules alone.
/// </summary>
public sealed class SilentFailureLineTests
{
    [Theory]
    [InlineData("EI0002: [PID: 88] 2025-01-02-03:04:05.678.901 The wait execution of the Notify register times out. Reason: The Notify register has not received the Notify record from remote rank: [3].", "timeout", "timeout-accelerator-runtime")]
    [InlineData("EE1002: 2025-02-03-10:00:00.000.000 Stream synchronize timeout. rtStreamSynchronize execute failed, reason=[stream sync timeout]", "timeout", "timeout-accelerator-runtime")]
    [InlineData("OMP: Error #15: Initializing libiomp5.dylib, but found libiomp5.dylib already initialized.", "dependency_error", "dependency-duplicate-native-runtime")]
    [InlineData("rocBLAS error: hipErrorNoBinaryForGpu: Unable to find code object for all current devices!", "cuda_error", "cuda-driver-or-arch-mismatch")]
    [InlineData("F0102 10:11:12.000 1234 im2col.cu:61] Check failed: error == cudaSuccess (8 vs. 0)  invalid device function", "cuda_error", "cuda-driver-or-arch-mismatch")]
    [InlineData("Memory access fault by GPU node-2 (Agent handle: 0x5581d2c0) on address 0x7f3c00000000. Reason: Page not present or supervisor privilege.", "cuda_error", "cuda-illegal-memory-access")]
    [InlineData("| train/policy_loss     | nan      |", "numerical_error", "numerical-nan-loss")]
    [InlineData("2025-03-04 10:00:00 WARNING Skipping step 4410: non-finite loss detected", "numerical_error", "numerical-nan-loss")]
    [InlineData("312: -nan, -nan avg, 0.000100 rate, 3.120000 seconds, 19968 images", "numerical_error", "numerical-nan-loss")]
    [InlineData("W tensorflow/core/framework/op_kernel.cc:1158] Invalid argument: Nan in summary histogram for: dense_2/kernel_0", "numerical_error", "numerical-tensor-check-nan")]
    [InlineData("Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: container init was OOM-killed (memory limit too low?): unknown", "host_oom", "host-oom-kernel-log")]
    [InlineData("tcmalloc: large alloc 17179869184 bytes == 0x55d1c4000000 @  0x7f1b2 0x7f1b3", "host_oom", "host-oom-tcmalloc-large-alloc")]
    [InlineData("$ Torch: not enough memory: you tried to allocate 24GB. Buy new RAM! at /opt/torch/pkg/torch/lib/TH/THGeneral.c:270", "host_oom", "host-oom-interpreter-out-of-memory")]
    [InlineData("(raylet) System memory request exceeds memory available in /dev/shm. The request is for 4294967296 bytes, and the amount available is 2147483648 bytes.", "disk_error", "shm-exhausted")]
    [InlineData("ray.exceptions.OutOfDiskError: Local disk is full", "disk_error", "disk-full")]
    [InlineData("  Warning  Evicted  2m  kubelet  Pod ephemeral local storage usage exceeds the total limit of containers 10Gi.", "disk_error", "disk-full")]
    [InlineData("Error: Es ist nicht genügend Speicherplatz auf dem Datenträger vorhanden. (os error 112)", "disk_error", "disk-full")]
    [InlineData("Failed to initialize NVML: Driver/library version mismatch", "dependency_error", "dependency-driver-too-old")]
    [InlineData("zsh: illegal hardware instruction  python bench.py", "dependency_error", "dependency-binary-unfit-for-machine")]
    [InlineData("[W CUDACachingAllocator.cpp:1047] memory allocation failed with OOM on device 0 while trying to allocate 2147483648 bytes", "oom_training", "gpu-oom")]
    [InlineData("Process finished with exit code -1073741819 (0xC0000005)", "segfault", "segfault-signal-or-faulthandler")]
    [InlineData("WARNING: tokenization mismatch: 112 vs. 119. (ignored)", "config_error", "config-conversation-template-mismatch")]
    public void A_failures_line_alone_is_analysed(string line, string category, string rule)
    {
        var report = Analyze.ByRules("Epoch 3 | step 400/1200\n" + line + "\n");

        Assert.Equal((category, rule), (report.Analysis?.ErrorType, report.Analysis?.RuleId));
    }

    [Fact]
    public void Faulthandlers_other_threads_alone_are_a_native_crash()
    {
        var report = Analyze.ByRules(
            "Thread 0x00007f11aa7fc640 (most recent call first):\n" +
            "  File \"/usr/lib/python3.11/threading.py\", line 331 in wait\n" +
            "  File \"/usr/lib/python3.11/threading.py\", line 1002 in _bootstrap\n");

        Assert.Equal("segfault", report.Analysis?.ErrorType);
    }

    [Theory]
    [InlineData("tcmalloc: large alloc 536870912 bytes == 0x55d1c4000000 @  0x7f1b2")]
    [InlineData("rollout: 32 prompts, tokenization of 112 vs. 119 tokens (padding)")]
    [InlineData("| train/policy_loss     | 0.0132   |")]
    [InlineData("Stream synchronize finished in 12 ms")]
    public void A_healthy_line_with_the_same_nouns_says_nothing(string line) =>
        Assert.Null(Analyze.ByRules("Epoch 3 | step 400/1200\n" + line + "\n").Analysis);

    [Fact]
    public void A_large_alloc_beside_a_raised_failure_leaves_the_failure_to_decide()
    {
        var report = Analyze.ByRules(
            "tcmalloc: large alloc 17179869184 bytes == 0x55d1c4000000 @  0x7f1b2\n" +
            "Traceback (most recent call last):\n" +
            "  File \"train.py\", line 9, in <module>\n" +
            "    cfg = load(sys.argv[1])\n" +
            "KeyError: 'model'\n");

        Assert.NotEqual("host_oom", report.Analysis?.ErrorType);
    }
}
