using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// An out-of-memory failure placed by what the program says about itself when no frame of the failure says anything:
/// vLLM's engine words and its logger's record format, a JAX function's name in XLA's op names, a program's own line
/// that it starts predicting, AWS Inferentia 1's runtime daemon and its runtime driver's device-memory words. Each is
/// written in another program's words than the corpus logs, with the near misses that share them.
/// </summary>
public sealed class InferenceProgramWordsTests
{
    private const string TorchOom = "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 64.00 MiB. GPU 0 has a total capacity of 23.64 GiB of which 12.81 MiB is free.";

    [Fact]
    public void Vllms_logger_format_near_the_death_is_an_inference_program() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "INFO 05-14 10:02:11 [gpu_model_runner.py:1329] Starting to load model Qwen/Qwen2.5-7B-Instruct...\n" +
            "INFO 05-14 10:02:40 [kv_cache_utils.py:634] GPU KV cache size: 52,000 tokens\n" +
            TorchOom + "\n"));

    [Fact]
    public void The_engines_start_up_words_are_an_inference_program() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "2024-05-01 12:00:03,118 Error initializing vLLM engine: " + TorchOom["torch.OutOfMemoryError: ".Length..] + "\n"));

    [Fact]
    public void An_rl_trainer_printing_vllm_records_between_its_loss_lines_stays_training() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "INFO 05-14 10:02:11 [llm.py:212] Supported_tasks: ['generate']\n" +
            "{'loss': 0.0213, 'grad_norm': 1.92, 'learning_rate': 9.8e-07, 'epoch': 0.02}\n" +
            TorchOom + "\n"));

    [Fact]
    public void A_jitted_generate_function_in_xlas_op_names_is_inference() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "jaxlib.xla_extension.XlaRuntimeError: RESOURCE_EXHAUSTED: Ran out of memory in memory space hbm. Used 21.50G of 15.48G hbm.\n" +
            "  1. Size: 2.00G\n" +
            "     Operator: op_name=\"jit(sample_tokens)/jit(main)/while/body/dot_general\" source_file=\"/app/serve.py\" source_line=88\n"));

    [Fact]
    public void A_jitted_train_step_in_xlas_op_names_is_not_inference() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "jaxlib.xla_extension.XlaRuntimeError: RESOURCE_EXHAUSTED: Ran out of memory in memory space hbm. Used 21.50G of 15.48G hbm.\n" +
            "  1. Size: 2.00G\n" +
            "     Operator: op_name=\"pjit(train_step)/jit(main)/transpose(jvp(dot_general))\" source_file=\"/app/train.py\" source_line=88\n"));

    [Fact]
    public void A_programs_own_line_that_it_starts_predicting_is_inference() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "2023-02-01 09:15:02 | INFO | Loaded checkpoint weights/unet_best.pt\n" +
            "2023-02-01 09:15:03 | INFO | Running inference on 120 volumes\n" +
            "RuntimeError: CUDA out of memory. Tried to allocate 1.50 GiB (GPU 0; 11.91 GiB total capacity; 9.01 GiB already allocated; 826.94 MiB free)\n"));

    [Fact]
    public void A_training_bar_after_the_start_of_evaluation_is_training() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "Starting evaluation of epoch 3\n" +
            "Epoch 4:  12%|#2        | 120/1000 [00:30<03:40,  4.00it/s, loss=0.42]\n" +
            "RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 11.91 GiB total capacity; 11.01 GiB already allocated; 6.94 MiB free)\n"));

    [Fact]
    public void Inferentia_1s_runtime_daemon_failing_to_alloc_device_memory_is_an_inference_oom() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "2021-Mar-02 10:11:12.000 1234 ERROR NRTD:nrtd_load Context=NRTD_CTX_LOAD failed\n" +
            "[TDRV:dmem_alloc] Failed to alloc DEVICE memory: 8388608\n"));

    [Fact]
    public void The_neuron_drivers_device_memory_words_alone_are_a_gpu_oom() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "2024-Oct-15 18:01:17.728750  3882:3882  ERROR  TDRV:dmem_alloc_internal   Failed to alloc DEVICE memory: 180355072\n"));

    private static string? Category(string log) => Analyze.Text(log).Analysis?.ErrorType;
}
