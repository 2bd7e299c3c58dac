using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What the rules of <see cref="CodeAndToolchainCases"/> must not take: another multiprocessing refusal, a network
/// fault between ranks, a position past the model's range, an XLA runtime error, a Caffe snapshot a fresh run never
/// wrote, an OOM wrapped by torch.compile's backend, a LookupError that is no missing data package, TensorFlow's shape
/// check between two tensors of one batch, an image-format option the run rejects, one
/// sample longer than the model.
/// </summary>
public sealed class CodeAndToolchainNearMissTests
{
    [Fact]
    public void Setting_the_start_method_twice_is_not_a_missing_main_guard() =>
        Assert.NotEqual("user-code-spawn-without-main-guard", Classify(In(Py("RuntimeError", "context has already been set",
            ["train.py:<module>", "/usr/lib/python3.10/multiprocessing/context.py:set_start_method"])))?.RuleId);

    [Fact]
    public void An_nccl_system_error_stays_nccl() =>
        Assert.Equal(FailureCategory.NcclError, Classify(In(Py("torch.distributed.DistBackendError",
            "NCCL error in: ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:1275, unhandled system error (run with NCCL_DEBUG=INFO for details), NCCL version 2.18.1",
            ["train.py:main", Sp + "torch/distributed/distributed_c10d.py:all_reduce"])))?.ErrorType);

    [Fact]
    public void A_position_past_the_models_range_is_not_an_embedding_table_too_small() =>
        Assert.NotEqual("user-code-embedding-index-outside-the-table", Classify(In(
            Py("tensorflow.python.framework.errors_impl.InvalidArgumentError", "indices[0,512] = 512 is not in [0, 512) [Op:ResourceGather]",
                ["embed.py:<module>", Sp + "transformers/modeling_tf_utils.py:run_call_with_unpacked_inputs"]),
            E(3, "Token indices sequence length is longer than the specified maximum sequence length for this model (937 > 512)", "warning")))?.RuleId);

    [Fact]
    public void An_xla_runtime_error_is_not_a_tracer_misuse() =>
        Assert.NotEqual("user-code-jax-tracing-misuse", Classify(In(Py("jaxlib.xla_extension.XlaRuntimeError",
            "INTERNAL: Failed to execute XLA Runtime executable: run time error: custom call 'xla.gpu.all_reduce' failed",
            ["train.py:train_step", Sp + "jax/_src/interpreters/pxla.py:__call__"])))?.RuleId);

    [Fact]
    public void A_snapshot_a_fresh_run_never_wrote_is_not_a_config_path() =>
        Assert.NotEqual("config-caffe-file-not-found", Classify(In(null,
            E(20, "F0412 10:03:11.123456  1234 io.cpp:34] Check failed: fd != -1 (-1 vs. -1) File not found: snapshots/vgg_iter_5000.solverstate")))?.RuleId);

    [Fact]
    public void An_oom_inside_the_compiler_backend_stays_an_oom() =>
        Assert.Equal(FailureCategory.OomTraining, Classify(In(Py("torch._dynamo.exc.BackendCompilerFailed",
            "backend='inductor' raised:\nOutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 23.65 GiB of which 1.02 GiB is free.",
            ["train.py:train_step", Sp + "torch/_dynamo/output_graph.py:call_user_compiler"])))?.ErrorType);

    [Fact]
    public void An_unknown_codec_is_not_missing_library_data() =>
        Assert.NotEqual("dependency-library-data-not-downloaded", Classify(In(Py("LookupError", "unknown encoding: utf-8-sig2",
            ["prepare.py:<module>", "/usr/lib/python3.10/codecs.py:lookup"])))?.RuleId);

    [Fact]
    public void Incompatible_shapes_inside_a_batch_are_not_a_batching_of_samples() =>
        Assert.NotEqual("data-collate-size-mismatch", Classify(In(Py("tensorflow.python.framework.errors_impl.InvalidArgumentError",
            "Incompatible shapes: [32,10] vs. [32,5]\n\t [[node gradient_tape/mean_squared_error/BroadcastGradientArgs]]",
            ["train.py:<module>", Sp + "tensorflow/python/eager/execute.py:quick_execute"])))?.RuleId);

    [Fact]
    public void An_image_format_option_is_not_a_corrupt_file() =>
        Assert.NotEqual("data-corrupt-input", Classify(In(Py("ValueError", "Unknown image format 'heic' for --image-format, choose png or jpg",
            ["export.py:<module>", "export.py:parse_args"])))?.RuleId);

    [Fact]
    public void One_sample_longer_than_the_model_stays_data() =>
        Assert.Equal(FailureCategory.DataError, Classify(In(Py("ValueError",
            "Labels' sequence length 512 cannot exceed the maximum allowed length of 448 tokens.",
            ["train.py:<module>", Sp + "transformers/models/whisper/modeling_whisper.py:forward"])))?.ErrorType);

    private static FailureAnalysis? Classify(ClassificationInput input) => FailureClassifier.Classify(input, RuleSet.Default);
}
