using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// The families written from the k batches' misses: DistributedDataParallel's settings against the model's backward
/// pass, a GPU index the process cannot see, torch.distributed set up for a launch or backend the run lacks, and NaN/Inf
/// in what the model produced (sampling probabilities, latents, a metric's predictions, a backward node). Wordings from
/// other programs and releases than the corpus logs.
/// </summary>
internal static class LaunchAndNonFiniteCases
{
    private const string Ddp = Sp + "torch/nn/parallel/distributed.py";

    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("ddp-lightning-unused-parameters-finished-reduction", In(Py("RuntimeError",
            "Expected to have finished reduction in the prior iteration before starting a new one. This error indicates that your module has parameters that were not used in producing loss.",
            ["train.py:main", Sp + "lightning/pytorch/trainer/trainer.py:fit", Sp + "lightning/pytorch/strategies/ddp.py:training_step", Ddp + ":forward", Ddp + ":_pre_forward"])),
            C.ConfigError, "config-ddp-graph-does-not-fit-the-wrapper", "high", "training");
        yield return new("ddp-static-graph-changed-line", Context("RuntimeError: Your training graph has changed in this iteration, e.g., one parameter is used in first iteration, but then got unused in the second iteration. this is not compatible with static_graph set to True."),
            C.ConfigError, "config-ddp-graph-does-not-fit-the-wrapper", "medium", "training");
        yield return new("tf-invalid-device-ordinal-value", In(Py("tensorflow.python.framework.errors_impl.InvalidArgumentError",
            "Invalid device ordinal value (1). Valid range is [0, 0]. while setting up XLA_GPU_JIT device number 1",
            ["train.py:<module>", Sp + "tensorflow/python/eager/context.py:ensure_initialized"])),
            C.ConfigError, "config-device-not-visible", "high", "initialization");
        yield return new("torch-load-checkpoint-from-another-gpu", In(Py("RuntimeError",
            "Attempting to deserialize object on CUDA device 2 but torch.cuda.device_count() is 1. Please use torch.load with map_location to map your storages to an existing device.",
            ["demo.py:<module>", Sp + "torch/serialization.py:load", Sp + "torch/serialization.py:validate_cuda_device"])),
            C.ConfigError, "config-device-not-visible", "high", "initialization");
        yield return new("cuda-driver-invalid-device-line", In(null, E(12, "jax._src.xla_bridge: CUDA_ERROR_INVALID_DEVICE: invalid device ordinal while creating client for device 3")),
            C.ConfigError, "config-device-not-visible", "medium", "initialization");
        yield return new("env-rendezvous-master-addr-unset", In(Py("ValueError",
            "Error initializing torch.distributed using env:// rendezvous: environment variable MASTER_ADDR expected, but not set",
            ["tools/train.py:main", Sp + "torch/distributed/distributed_c10d.py:init_process_group", Sp + "torch/distributed/rendezvous.py:_env_rendezvous_handler", Sp + "torch/distributed/rendezvous.py:_get_env_or_raise"])),
            C.ConfigError, "config-distributed-launch-setup", "high", "initialization");
        yield return new("nccl-backend-on-a-windows-build", In(Py("RuntimeError", "Distributed package doesn't have NCCL built in",
            ["main.py:<module>", Sp + "lightning/fabric/strategies/ddp.py:setup_environment", Sp + "torch/distributed/distributed_c10d.py:_new_process_group_helper"])),
            C.ConfigError, "config-distributed-launch-setup", "high", "initialization");
        yield return new("tcpstore-libuv-missing-line", Context("torch.distributed.DistStoreError: use_libuv was requested but PyTorch was built without libuv support, run with USE_LIBUV=0 to disable it."),
            C.ConfigError, "config-distributed-launch-setup", "medium", "initialization");
        yield return new("syncbn-in-a-single-process-run", In(Py("RuntimeError",
            "Default process group has not been initialized, please make sure to call init_process_group.",
            ["train.py:main", Sp + "torch/nn/modules/batchnorm.py:forward", Sp + "torch/distributed/distributed_c10d.py:_get_default_group"])),
            C.ConfigError, "config-distributed-call-without-process-group", "medium", "initialization");
        yield return new("hf-generate-sampling-probabilities-not-finite", In(Py("RuntimeError",
            "probability tensor contains either `inf`, `nan` or element < 0",
            ["chat.py:main", Sp + "transformers/generation/utils.py:generate", Sp + "transformers/generation/utils.py:_sample"])),
            C.NumericalError, "numerical-non-finite-output", "medium");
        yield return new("diffusers-trainer-inf-found-in-logits-line", Context("ERROR:root:step 4120: Inf found in logits, stopping"),
            C.NumericalError, "numerical-non-finite-output", "medium");
        yield return new("sklearn-metric-on-nan-predictions-new-wording", In(Py("ValueError", "Input y_pred contains NaN.",
            ["evaluate.py:main", "/home/u/proj/metrics.py:rmse", Sp + "sklearn/utils/_param_validation.py:wrapper", Sp + "sklearn/metrics/_regression.py:mean_squared_error", Sp + "sklearn/utils/validation.py:_assert_all_finite"])),
            C.NumericalError, "numerical-metric-on-non-finite-predictions", "medium");
        yield return new("anomaly-backward-named-in-prose", Context("after ~300 steps: powbackward0 returned nan in its 0th output"),
            C.NumericalError, "numerical-anomaly-nan-backward", "medium", "training");
    }

    private static ClassificationInput Context(string line) => new(null, [], [], null) { Context = [new ContextLine(1, line)] };
}
