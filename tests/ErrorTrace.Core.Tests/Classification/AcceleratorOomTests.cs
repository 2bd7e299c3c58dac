using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Accelerators' own out-of-memory words (the gpu-oom wording): Apple Metal and MLX, Habana Gaudi, Ascend CANN, Graphcore
/// Poplar, AWS Neuron's runtime API, HIP's error name, Thrust's CUDA backend and a CUDA check printed with its source location. Each spec is a short log as the stack
/// prints it, read by the whole engine; the near misses are the same libraries' other failures.
/// </summary>
public sealed class AcceleratorOomTests
{
    [Fact]
    public void Metals_command_buffer_out_of_memory_before_the_abort_is_an_accelerator_oom() => Assert.Equal(FailureCategory.OomTraining, Category(
        "Iter 200: Train loss 1.204, Learning Rate 1.000e-05, It/sec 0.412, Tokens/sec 301.7, Peak mem 41.906 GB\n" +
        "libc++abi: terminating due to uncaught exception of type std::runtime_error: [METAL] Command buffer execution failed: Insufficient Memory (00000008:kIOGPUCommandBufferCallbackErrorOutOfMemory)\n" +
        "zsh: abort      python -m mlx_lm.lora --train --model mistral-7b --batch-size 8\n"));

    [Fact]
    public void Mlx_refusing_a_buffer_larger_than_the_device_allows_is_an_accelerator_oom() => Assert.Equal(FailureCategory.OomTraining, Category(
        "Traceback (most recent call last):\n" +
        "  File \"/Users/u/mlx-examples/lora/lora.py\", line 321, in <module>\n" +
        "    train(model, train_set, opt, loss, tokenizer, args)\n" +
        "  File \"/Users/u/mlx-examples/lora/lora.py\", line 204, in train\n" +
        "    mx.eval(model.parameters(), opt.state, lvalue)\n" +
        "RuntimeError: [metal::malloc] Attempting to allocate 137438953472 bytes which is greater than the maximum allowed buffer size of 77309411328 bytes.\n"));

    [Fact]
    public void Habanas_device_memory_module_failing_an_allocation_is_an_accelerator_oom() => Assert.Equal(FailureCategory.OomTraining, Category(
        "Traceback (most recent call last):\n" +
        "  File \"/homes/u/bench/__main__.py\", line 120, in train\n" +
        "    loss = self.step(data)\n" +
        "  File \"/homes/u/venv/lib/python3.10/site-packages/torch/_tensor.py\", line 522, in backward\n" +
        "    torch.autograd.backward(\n" +
        "RuntimeError: [Rank:0] FATAL ERROR :: MODULE:PT_DEVMEM Allocation failed for size::268435456 (256)MB\n"));

    [Fact]
    public void Ascends_ge_allocation_failure_in_a_workers_error_lines_is_an_accelerator_oom() => Assert.Contains(Category(
        "ERROR 11-06 01:18:00 [worker.py:210] EL0004: [PID: 14004] 2025-11-06-01:17:59.527.855 Failed to allocate memory.\n" +
        "ERROR 11-06 01:18:00 [worker.py:210]         Possible Cause: Available memory is insufficient.\n" +
        "ERROR 11-06 01:18:00 [worker.py:210]         Call rtMalloc fail, purpose: feature map, type = 2, size:2147483648, device_id:0\n"),
        // vllm-ascend's worker prints these lines in vLLM's record format, which is an inference program's (evaluation).
        new[] { FailureCategory.OomTraining, FailureCategory.OomEval });

    [Fact]
    public void Poplars_stream_buffer_allocation_error_is_ipu_memory_not_host_ram() => Assert.Equal(FailureCategory.OomTraining, Category(
        "Error: In include/poptorch_err/ExceptionHandling.hpp:76: 'poplar_stream_memory_allocation_error': popx/irlowering.cpp:3516 Out of memory. Single stream of length 268435456 in bufferIndex 0\n" +
        "Error raised in:\n" +
        "  [0] popart::Session::prepareDevice: Poplar compilation\n"));

    [Fact]
    public void Thrusts_cuda_backend_out_of_memory_is_gpu_memory() => Assert.Equal(FailureCategory.OomTraining, Category(
        "[14:02:11] WARNING: ../src/learner.cc:767: Parameters: { \"predictor\" } are not used.\n" +
        "terminate called after throwing an instance of 'thrust::system::system_error'\n" +
        "  what():  parallel_for failed: out of memory\n" +
        "Aborted (core dumped)\n"));

    [Fact]
    public void A_cuda_check_printed_with_its_source_location_and_out_of_memory_is_gpu_memory() => Assert.Equal(FailureCategory.OomTraining, Category(
        "xgboost.core.XGBoostError: [10:21:05] /workspace/src/tree/updater_gpu_hist.cu:781: Exception in gpu_hist: CUDA error: /workspace/src/common/device_helpers.cuh(412): out of memory\n"));

    [Fact]
    public void Neurons_runtime_api_failing_a_tensor_allocation_is_an_accelerator_oom() => Assert.Contains(Category(
        "Traceback (most recent call last):\n" +
        "  File \"/opt/conda/lib/python3.10/site-packages/transformers_neuronx/ops.py\", line 49, in parallel_to_nc\n" +
        "    return torch.ops.neuron._parallel_to_neuron(tensors)\n" +
        "RuntimeError: nrt_tensor_allocate status=4 message=\"Allocation Failure\"\n"),
        new[] { FailureCategory.OomTraining, FailureCategory.OomEval });

    [Fact]
    public void Hips_own_out_of_memory_error_name_is_gpu_memory() => Assert.Equal(FailureCategory.OomTraining, Category(
        "RuntimeError: HIP error: hipErrorOutOfMemory\n" +
        "HIP kernel errors might be asynchronously reported at some other API call, so the stacktrace below might be incorrect.\n"));

    /// <summary>A near miss of the rules (the learned fallback takes over the low-confidence abort rule's answer and may
    /// say otherwise): checked with the rules alone.</summary>
    [Fact]
    public void Metals_command_buffer_timeout_is_not_memory() => Assert.NotEqual(FailureCategory.OomTraining, Analyze.ByRules(
        "libc++abi: terminating due to uncaught exception of type std::runtime_error: [METAL] Command buffer execution failed: Caused GPU Timeout Error (00000002:kIOGPUCommandBufferCallbackErrorTimeout)\n" +
        "zsh: abort      python generate.py\n").Analysis?.ErrorType);

    [Fact]
    public void Habanas_graph_compile_failure_is_not_memory() => Assert.NotEqual(FailureCategory.OomTraining, Category(
        "RuntimeError: FATAL ERROR :: MODULE:BRIDGE syn compile encountered : Graph compile failed. 26 compile time 5301 ms\n"));

    [Fact]
    public void Ascends_host_allocator_is_not_device_memory() => Assert.NotEqual(FailureCategory.OomTraining, Category(
        "ERROR 11-06 01:18:00 [worker.py:210]         Call rtMallocHost fail, purpose: pinned buffer, size:2147483648\n"));

    [Fact]
    public void Thrusts_illegal_address_is_a_cuda_fault_not_memory() => Assert.Equal(FailureCategory.CudaError, Category(
        "terminate called after throwing an instance of 'thrust::system::system_error'\n" +
        "  what():  for_each: failed to synchronize: cudaErrorIllegalAddress: an illegal memory access was encountered\n" +
        "Aborted (core dumped)\n"));

    private static string? Category(string log) => Analyze.Text(log).Analysis?.ErrorType;
}
