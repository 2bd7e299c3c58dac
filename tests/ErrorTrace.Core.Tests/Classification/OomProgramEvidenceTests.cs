using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What the whole program says about an out-of-memory failure when its own frames say nothing: an inference engine's
/// builder or runtime in its own log tags (TensorRT, lmdeploy's TurboMind) makes it evaluation; a training run's start
/// banner anywhere keeps it training, however large the one failing allocation; the allocation's share of the device is
/// read from every wording that gives both numbers (PyTorch 2.1's misspelt one, PaddlePaddle's).
/// </summary>
public sealed class OomProgramEvidenceTests
{
    [Fact]
    public void A_tensorrt_engine_build_running_out_of_gpu_memory_is_an_inference_oom()
    {
        const string log = """
            [11/22/2024-13:40:08] [I] [TRT] Local timing cache in use. Profiling results in this builder pass will not be stored.
            [11/22/2024-13:40:47] [E] Error[1]: [defaultAllocator.cpp::allocate::31] Error Code 1: Cuda Runtime (out of memory)
            [11/22/2024-13:40:47] [W] [TRT] Requested amount of GPU memory (15485030400 bytes) could not be allocated.
            [11/22/2024-13:40:47] [E] Engine could not be created from network

            """;

        Assert.Equal(FailureCategory.OomEval, Analyze.Text(log).Analysis?.ErrorType);
    }

    [Fact]
    public void TensorRTs_cpp_namespace_alone_names_the_engine_builder() =>
        Assert.Equal(FailureCategory.OomEval, Analyze.Text(
            "[03/07/2020-16:57:34] [E] C:\\source\\rtSafe\\safeRuntime.cpp (25) - Cuda Error in nvinfer1::internal::DefaultAllocator::allocate: 2 (out of memory)\n")
            .Analysis?.ErrorType);

    [Fact]
    public void Lmdeploys_turbomind_backend_out_of_memory_is_an_inference_oom() =>
        Assert.Equal(FailureCategory.OomEval, Analyze.Text(
            "RuntimeError: [TM][ERROR] CUDA runtime error: out of memory /lmdeploy/src/turbomind/utils/memory_utils.cu:32\n").Analysis?.ErrorType);

    [Fact]
    public void A_tf_trt_warning_in_a_training_log_is_not_an_inference_engine()
    {
        const string log = """
            2023-05-02 10:01:12.100000: W tensorflow/compiler/tf2tensorrt/utils/py_utils.cc:38] TF-TRT Warning: Could not find TensorRT
            Could not load dynamic library 'libnvinfer.so.7'
            tensorflow.python.framework.errors_impl.ResourceExhaustedError: OOM when allocating tensor with shape[64,256,56,56] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc

            """;

        Assert.Equal(FailureCategory.OomTraining, Analyze.Text(log).Analysis?.ErrorType);
    }

    [Fact]
    public void Compiling_a_model_for_neuron_inference_is_an_inference_oom()
    {
        const string log = """
            2025-Mar-02 10:11:12.000001  911:911  ERROR  TDRV:tensor_allocate    Failed to allocate 268435456 bytes on DEVICE for tensor UNKNOWN.
            RuntimeError                              Traceback (most recent call last)
            ----> 1 neuron_model = torch_neuronx.trace(model, example_inputs)

            """;

        Assert.Equal(FailureCategory.OomEval, Analyze.Text(log).Analysis?.ErrorType);
    }

    [Fact]
    public void Neurons_training_package_alone_is_not_inference() =>
        Assert.Equal(FailureCategory.OomTraining, Analyze.Text("""
            import torch_neuronx
            2025-Mar-02 10:11:12.000001  911:911  ERROR  TDRV:tensor_allocate    Failed to allocate 268435456 bytes on DEVICE for tensor UNKNOWN.

            """).Analysis?.ErrorType);

    [Theory]
    [InlineData("   \\\\   /|    Num examples = 102 | Num Epochs = 5")]
    [InlineData("  Total optimization steps = 1,000")]
    [InlineData("  Gradient Accumulation steps = 4")]
    [InlineData(" \"-____-\"     Number of trainable parameters = 41,943,040")]
    public void A_training_runs_start_banner_outweighs_a_large_allocation(string banner)
    {
        var log = $"""
            {banner}
            OutOfMemoryError: CUDA out of memory. Tried to allocate 9.47 GiB. GPU 0 has a total capacity of 14.75 GiB of which 3.78 GiB is free.

            """;

        Assert.Equal(FailureCategory.OomTraining, Analyze.Text(log).Analysis?.ErrorType);
    }

    [Fact]
    public void An_evaluation_banner_is_not_a_training_one()
    {
        const string log = """
            ***** Running Evaluation *****
              Num examples = 11334
              Batch size = 8
            OutOfMemoryError: CUDA out of memory. Tried to allocate 9.47 GiB. GPU 0 has a total capacity of 14.75 GiB of which 3.78 GiB is free.

            """;

        Assert.Equal(FailureCategory.OomEval, Analyze.Text(log).Analysis?.ErrorType);
    }

    [Theory]
    [InlineData("CUDA out of memory. Tried to allocate 49.11 GiB. GPU 0 has a total capacty of 79.32 GiB of which 30.63 GiB is free.", 49.11 / 79.32)]
    [InlineData("Out of memory error on GPU 3. Cannot allocate 12.447770GB memory on GPU 3, 27.584717GB memory has been allocated and available memory is only 4.163818GB.", 12.447770 / (27.584717 + 4.163818))]
    [InlineData("Out of memory error on GPU 0. Cannot allocate 1.189819GB memory on GPU 0, 7.999390GB memory has been allocated and available memory is only 0.000000B.", 1.189819 / 7.999390)]
    [InlineData("Cannot allocate 512.000244MB memory on GPU 0, 10.282471GB memory has been allocated and available memory is only 487.062500MB.", 0.5 / (10.282471 + 487.0625 / 1024))]
    public void Reads_the_share_from_every_wording_that_gives_both_numbers(string message, double share) =>
        Assert.Equal(share, OomAllocation.ShareOfDevice(message)!.Value, 3);

    [Theory]
    [InlineData("Cannot allocate memory")]
    [InlineData("OSError: [Errno 12] Cannot allocate memory")]
    [InlineData("Out of memory error on GPU 0. Cannot allocate 1.18GB memory on GPU 0")]
    public void Says_nothing_when_the_device_is_not_given(string message) => Assert.Null(OomAllocation.ShareOfDevice(message));
}
