using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Tests.Engine;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// An OOM whose one failing allocation is a large share of the device, with nothing else in the log, is an input-size
/// blow-up at test time (phase hint oom-one-allocation-of-the-device); any training evidence or an ordinary-sized block
/// keeps it training. And the reader of the two PyTorch wordings behind it.
/// </summary>
public sealed class OomAllocationShareTests
{
    [Theory]
    [InlineData("CUDA out of memory. Tried to allocate 6.00 GiB (GPU 0; 11.17 GiB total capacity; 1.20 GiB already allocated; 3.1 GiB free)", 6.00 / 11.17)]
    [InlineData("HIP out of memory. Tried to allocate 512.00 MiB (GPU 1; 15.98 GiB total capacity; 14.90 GiB already allocated)", 0.5 / 15.98)]
    [InlineData("CUDA out of memory. Tried to allocate 20.00 GiB. GPU 3 has a total capacity of 79.15 GiB of which 2.12 GiB is free.", 20.0 / 79.15)]
    [InlineData("CUDA out of memory. Tried to allocate 1024.00 KiB (GPU 0; 1.95 GiB total capacity; 1.2 GiB already allocated)", 1.0 / 1024 / 1.95)]
    public void Reads_the_allocation_against_the_device(string message, double share) =>
        Assert.Equal(share, OomAllocation.ShareOfDevice(message)!.Value, 3);

    [Theory]
    [InlineData("RESOURCE_EXHAUSTED: Error allocating device buffer: Attempting to allocate 15.65G. That was not possible. There are 11.08G free.")]
    [InlineData("CUDA out of memory. Tried to allocate 2.00 GiB")]
    [InlineData("OOM when allocating tensor with shape[1,666,1000,64] and type float")]
    public void Says_nothing_without_both_numbers(string message) => Assert.Null(OomAllocation.ShareOfDevice(message));

    [Theory]
    [InlineData("torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 18.00 GiB (GPU 0; 23.69 GiB total capacity; 2.10 GiB already allocated; 20.9 GiB free; 2.2 GiB reserved in total by PyTorch)\n")]
    [InlineData("RuntimeError: CUDA out of memory. Tried to allocate 9.50 GiB. GPU 0 has a total capacity of 15.77 GiB of which 5.01 GiB is free. Of the allocated memory 0.90 GiB is allocated by PyTorch\n")]
    public void One_allocation_of_a_quarter_of_the_device_with_nothing_else_is_evaluation(string log) =>
        Assert.Equal(FailureCategory.OomEval, Analyze.Text(log).Analysis?.ErrorType);

    [Theory]
    [InlineData("torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 512.00 MiB (GPU 0; 23.69 GiB total capacity; 21.90 GiB already allocated; 300 MiB free)\n")]
    [InlineData("Epoch 3/50: loss=0.412\ntorch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 18.00 GiB (GPU 0; 23.69 GiB total capacity; 2.10 GiB already allocated; 20.9 GiB free)\n")]
    public void An_ordinary_block_or_any_training_line_keeps_it_training(string log) =>
        Assert.Equal(FailureCategory.OomTraining, Analyze.Text(log).Analysis?.ErrorType);

    [Fact]
    public void Training_frames_outweigh_a_large_allocation()
    {
        var root = Py("torch.OutOfMemoryError", "CUDA out of memory. Tried to allocate 30.00 GiB. GPU 0 has a total capacity of 79.15 GiB of which 12.0 GiB is free.", TrainStep);

        Assert.Equal(FailureCategory.OomTraining, FailureClassifier.Classify(In(root), RuleSet.Default)!.ErrorType);
    }

    [Fact]
    public void A_share_above_the_whole_device_is_refused_in_a_rules_file()
    {
        var document = new PhaseMatchDocument { AllocationShare = 1.5 };

        Assert.Throws<ArgumentException>(() => PhaseEvidence.Create(document, "phases.x"));
    }

    [Theory]
    [InlineData("_flash_attn_varlen_backward", "flash_attn/flash_attn_interface.py", FailureCategory.OomTraining)]
    [InlineData("_bwd_kernel", "triton_flash_attn.py", FailureCategory.OomTraining)]
    [InlineData("_flash_attn_varlen_forward", "flash_attn/flash_attn_interface.py", FailureCategory.OomEval)]
    public void A_fused_kernels_backward_half_is_training_and_its_forward_half_is_not(string function, string file, string expected)
    {
        var log = $"""
            Traceback (most recent call last):
              File "/usr/lib/python3.11/site-packages/{file}", line 165, in {function}
                dq, dk, dv, softmax_d, = flash_attn_cuda.varlen_bwd(
            torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 8.81 GiB (GPU 1; 23.68 GiB total capacity; 14.97 GiB already allocated; 7.56 GiB free)

            """;

        Assert.Equal(expected, Analyze.Text(log).Analysis?.ErrorType);
    }
}
