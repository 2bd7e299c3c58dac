using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// A GPU OOM printed as a line before a root failure that is its aftermath (the rules' <c>before_root</c>): a program that
/// caught the OOM and failed on the result it never produced, a native server that crashed without its buffers, peers whose
/// collectives failed after the OOM'd rank left. The category is the OOM's; near misses keep the root's own category: a root
/// that is a cause of its own, an OOM printed after the root, the kernel's SIGKILL after TensorFlow's CPU allocator failed.
/// </summary>
public sealed class OomAftermathTests
{
    private const string CaughtOom = "| WARNING: ran out of memory, skipping batch; THCudaCheck FAIL file=THCStorage.cu line=58 error=2 : out of memory";
    private const string GgmlOom = "ggml_gallocr_reserve_n: failed to allocate ROCm0 buffer of size 18035509504";

    [Fact]
    public void An_attribute_error_after_a_caught_oom_is_the_oom() =>
        Assert.Equal(("oom_training", "gpu-oom-before-aftermath"),
            Rule(CaughtOom, Py("AttributeError", "'NoneType' object has no attribute 'data'", ["train.py:main", "/work/fairseq/trainer.py:_backward_and_opt"], line: 20)));

    [Fact]
    public void A_segfault_after_a_failed_device_buffer_of_an_inference_server_is_an_eval_oom() =>
        Assert.Equal(("oom_eval", "gpu-oom-eval-before-aftermath"),
            Rule(GgmlOom, Signal("SIGSEGV", "[1]    101687 segmentation fault (core dumped)  build/bin/llama-server -m model.gguf", line: 20)));

    [Fact]
    public void A_peers_collective_timeout_after_an_oom_line_is_the_oom() =>
        Assert.Equal(FailureCategory.OomTraining, Rule("[rank3]: torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB",
            Py("torch.distributed.DistBackendError", "NCCL communicator was aborted on rank 0.", ["train.py:main", Sp + "torch/distributed/distributed_c10d.py:all_reduce"], line: 20)).Category);

    [Fact]
    public void A_root_that_is_a_cause_of_its_own_keeps_its_category() =>
        Assert.DoesNotContain(Rule(CaughtOom, Py("KeyError", "'labels'", ["train.py:main", "/work/proj/data.py:__getitem__"], line: 20)).Category,
            new[] { FailureCategory.OomTraining, FailureCategory.OomEval });

    [Fact]
    public void An_oom_printed_after_the_root_is_not_its_cause()
    {
        var root = Py("AttributeError", "'Trainer' object has no attribute 'lr'", ["train.py:main", "train.py:setup"], line: 20);
        var input = In(root) with { Context = [new ContextLine(40, CaughtOom)] };

        Assert.NotEqual("gpu-oom-before-aftermath", FailureClassifier.Classify(input, RuleSet.Default)!.RuleId);
    }

    [Fact]
    public void A_sigkill_after_tensorflows_cpu_allocator_failed_is_host_memory() =>
        Assert.Equal(FailureCategory.HostOom, Rule(
            "Resource exhausted: OOM when allocating tensor with shape[1024,50257] and type float on /job:localhost/replica:0/task:0/device:CPU:0 by allocator cpu",
            Signal("SIGKILL", "Killed", line: 20)).Category);

    [Theory]
    [InlineData("device:CPU:0 by allocator cpu", FailureCategory.HostOom)]
    [InlineData("device:CPU:0 by allocator mklcpu", FailureCategory.HostOom)]
    [InlineData("device:GPU:0 by allocator GPU_0_bfc", FailureCategory.OomTraining)]
    public void Tensorflows_oom_is_host_memory_in_a_cpu_allocator_and_gpu_memory_in_a_gpu_one(string allocator, string category) =>
        Assert.Equal(category, FailureClassifier.Classify(In(Py("tensorflow.python.framework.errors_impl.ResourceExhaustedError",
            $"OOM when allocating tensor with shape[86,64,224,224] and type float on /job:localhost/replica:0/task:0/{allocator}",
            ["train.py:main", Sp + "tensorflow/python/client/session.py:_do_call"])), RuleSet.Default)!.ErrorType);

    private static (string Category, string? Rule) Rule(string line, TracebackInfo root)
    {
        var input = In(root) with { Context = [new ContextLine(10, line)] };
        var analysis = FailureClassifier.Classify(input, RuleSet.Default)!;
        return (analysis.ErrorType, analysis.RuleId);
    }
}
