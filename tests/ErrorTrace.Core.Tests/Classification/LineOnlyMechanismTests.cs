using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Mechanisms a paste keeps as a line alone, with no exception the engine could read: the rules that name them read the
/// lines near the death too, so such a log is never left without an analysis. Each in other programs' words than the
/// corpus logs they came from; near misses where the same words mean nothing failed.
/// </summary>
public sealed class LineOnlyMechanismTests
{
    [Theory]
    [InlineData("[error][roi_align_kernel.cu:212]: launch failed: no kernel image is available for execution on the device", "cuda_error", "cuda-driver-or-arch-mismatch")]
    [InlineData("CUDA kernel failed : no kernel image is available for execution on the device", "cuda_error", "cuda-driver-or-arch-mismatch")]
    [InlineData("timed out initializing process group in store based barrier on rank: 5, for key: store_based_barrier_key:1 (world_size=8, worker_count=6, timeout=0:30:00)", "timeout", "timeout-barrier-or-store")]
    [InlineData("[W socket.cpp:558] [c10d] The client socket has failed to connect to [gpu-node-3]:29511 (errno: 113 - No route to host).", "nccl_error", "nccl-store-socket-failed")]
    [InlineData("one of the variables needed for gradient computation has been modified by an inplace operation: [torch.cuda.FloatTensor [128, 10]], which is output 0 of TBackward, is at version 2; expected version 1 instead.", "user_code", "user-code-autograd-misuse")]
    [InlineData("Unable to create tensor, you should probably activate truncation and/or padding with 'padding=True' 'truncation=True' to have batched tensors with the same length.", "data_error", "data-collate-size-mismatch")]
    [InlineData("The model did not return a loss from the inputs, only the following keys: logits,past_key_values. For reference, the inputs it received are input_ids,attention_mask.", "config_error", "config-adapter-targets-or-labels")]
    public void A_mechanisms_line_alone_is_analysed(string line, string category, string rule)
    {
        var report = Analyze.ByRules("Epoch 1/20\n  step 120/900\n" + line + "\n");

        Assert.Equal((category, rule), (report.Analysis?.ErrorType, report.Analysis?.RuleId));
    }

    [Theory]
    [InlineData("one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of SigmoidBackward0, is at version 1; expected version 0 instead.")]
    [InlineData("timed out initializing process group in store based barrier on rank: 0, for key: store_based_barrier_key:1 (world_size=2, worker_count=1, timeout=0:30:00)")]
    public void A_line_that_is_the_failure_itself_fails_the_job(string line) =>
        Assert.Equal("failed", Analyze.ByRules("loading model\n" + line + "\n").Status);

    [Fact]
    public void A_client_socket_retrying_is_analysed_but_does_not_fail_the_job_alone() =>
        Assert.Equal("completed", Analyze.ByRules("[W socket.cpp:558] [c10d] The client socket has failed to connect to [localhost]:29500 (errno: 99 - Cannot assign requested address).\n").Status);

    [Theory]
    [InlineData("torch.cuda.is_available(): True; arch list sm_70 sm_80 sm_86 sm_90; kernel images present for this device")]
    [InlineData("store based barrier on rank 3 completed after 12.4 s")]
    public void A_healthy_line_with_the_same_nouns_says_nothing(string line) =>
        Assert.Null(Analyze.ByRules("Epoch 1/20\n" + line + "\n").Analysis);
}
