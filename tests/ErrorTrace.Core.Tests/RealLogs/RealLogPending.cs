namespace ErrorTrace.Core.Tests.RealLogs;

/// <summary>
/// Cases of newly harvested batches that the engine did not get right when the batch was scored, before any rule or
/// parser was written for it (the figures are in docs/accuracy/&lt;batch&gt;.md). They show as skipped, "pending", until
/// a fix for their failure mechanism makes them pass; a pending case that passes fails its test until its line here is
/// removed, so this table only shrinks by fixes. <c>scripts/accuracy/score.sh --pending-lines</c> prints the lines.
/// </summary>
internal static class RealLogPending
{
    private static readonly Dictionary<string, string> s_cases = new(StringComparer.Ordinal)
    {
        ["accelerate-2539-index-kernel-asserts-only"] = "batch a1, scored before fixing: category: expected cuda_error, got unknown",
        ["catalyst-143-valid-loader-oom-elided"] = "batch a1, scored before fixing: category: expected oom_eval, got oom_training",
        ["comfyui-mvadapter-26-allocation-on-device-no-traceback"] = "batch a1, scored before fixing: category: expected oom_eval, got (no analysis)",
        ["easydel-78-tpu-hbm-compile-oom-glued-bar"] = "batch a1, scored before fixing: category: expected oom_training, got unknown; root exception type: expected jaxlib.xla_extension.XlaRuntimeError, got jax.errors.SimplifiedTraceback; innermost frame: expected …trainer/causal_language_model_trainer.py in train, got (none)",
        ["fair-59-celery-keras-fit-graph-execution-oom"] = "batch a1, scored before fixing: category: expected oom_training, got unknown",
        ["fastmaskrcnn-172-bold-killed-after-iter"] = "batch a1, scored before fixing: category: expected host_oom, got (no analysis); root exception type: expected SIGKILL, got (none)",
        ["finetune-339-ipython-resource-exhausted-epoch1"] = "batch a1, scored before fixing: category: expected oom_training, got unknown",
        ["higherhrnet-47-spawn-process-sigkill"] = "batch a1, scored before fixing: root exception type: expected SIGKILL, got Exception; innermost frame: expected (none), got /home/hiperdyne/.local/lib/python3.6/site-packages/torch/multiprocessing/spawn.py in join",
        ["keras-10482-gdb-sigsegv-tensor-dtor"] = "batch a1, scored before fixing: category: expected segfault, got (no analysis); root exception type: expected SIGSEGV, got (none)",
        ["lm-eval-2779-vllm-get-logprobs-oom"] = "batch a1, scored before fixing: category: expected oom_eval, got oom_training",
        ["lwm-60-tpu-hbm-oom-vision-chat-generate"] = "batch a1, scored before fixing: category: expected oom_eval, got unknown",
        ["nerfies-73-jax-faulthandler-unindented-srun"] = "batch a1, scored before fixing: root exception type: expected SIGSEGV, got (none); innermost frame: expected …numpy/core/fromnumeric.py in shape, got (none)",
        ["pytorch-53894-worker-segfault-gdb-threads"] = "batch a1, scored before fixing: root exception type: expected SIGSEGV, got (none)",
        ["tensorflow-1450-gpu-sync-failed-aborted"] = "batch a1, scored before fixing: category: expected cuda_error, got segfault",
        ["tensorflow-47249-illegal-address-glued-keras-bar"] = "batch a1, scored before fixing: category: expected cuda_error, got (no analysis)",
        ["tensorflow-54747-faulthandler-h5py-close"] = "batch a1, scored before fixing: category: expected segfault, got (no analysis); root exception type: expected SIGSEGV, got (none); innermost frame: expected …h5py/_hl/files.py in close, got (none)",
        ["vllm-14452-rank-interleaved-oom-serve"] = "batch a1, scored before fixing: category: expected oom_eval, got (no analysis); root exception type: expected torch.OutOfMemoryError, got (none)",
        ["wmpo-3-raylet-workers-killed-wrapped"] = "batch a1, scored before fixing: category: expected host_oom, got (no analysis)",
        ["arctictraining-219-failure-detected-flightrecorder"] = "batch b1, scored before fixing: category: expected timeout, got unknown",
        ["chinese-llama-alpaca-534-loss-scale-min-interleaved"] = "batch b1, scored before fixing: innermost frame: expected …deepspeed/runtime/fp16/loss_scaler.py in update_scale, got /opt/conda/lib/python3.8/site-packages/deepspeed/runtime/engine.py in _take_model_step",
        ["dmlcloud-47-gloo-connectfullmesh-connect-timeout"] = "batch b1, scored before fixing: category: expected nccl_error, got unknown",
        ["horovod-610-tf-ncclcomminitrank-cuda-error"] = "batch b1, scored before fixing: category: expected nccl_error, got cuda_error",
        ["keras-tuner-442-terminateonnan-glued-bar"] = "batch b1, scored before fixing: category: expected numerical_error, got (no analysis)",
        ["megatron-661-duplicate-gpu-barrier-interleaved"] = "batch b1, scored before fixing: root exception type: expected torch.distributed.DistBackendError, got (none); innermost frame: expected …torch/distributed/distributed_c10d.py in barrier, got (none)",
        ["megatron-deepspeed-338-store-based-barrier-timeout"] = "batch b1, scored before fixing: innermost frame: expected …torch/distributed/distributed_c10d.py in _store_based_barrier, got (none)",
        ["mmsegmentation-1356-bus-error-shm-bold-markdown"] = "batch b1, scored before fixing: category: expected disk_error, got unknown; root exception type: expected RuntimeError, got ",
        ["nccl-1241-duplicate-gpu-megatron-cpp-frames"] = "batch b1, scored before fixing: root exception type: expected torch.distributed.DistBackendError, got ; innermost frame: expected …torch/distributed/distributed_c10d.py in barrier, got /workspace/Megatron-LM/megatron/initialize.py in initialize_megatron",
        ["nccl-290-horovod-shm-fallocate-no-space"] = "batch b1, scored before fixing: category: expected disk_error, got nccl_error",
        ["pytorch-108732-gloo-new-group-connection-refused"] = "batch b1, scored before fixing: category: expected nccl_error, got unknown",
        ["pytorch-67547-elastic-c10d-store-json-callstack"] = "batch b1, scored before fixing: category: expected nccl_error, got unknown; root exception type: expected RuntimeError, got (none); innermost frame: expected …torch/distributed/elastic/rendezvous/c10d_rendezvous_backend.py in _create_tcp_store, got (none)",
        ["ray-44533-vllm-worker-nccl-internal-busid"] = "batch b1, scored before fixing: root exception type: expected torch.distributed.DistBackendError, got (none); innermost frame: expected …torch/distributed/distributed_c10d.py in all_reduce, got (none)",
        ["relernn-26-keras-loss-nan-val-loss-nan"] = "batch b1, scored before fixing: category: expected numerical_error, got (no analysis)",
        ["ultralytics-19357-nan-losses-epoch-table"] = "batch b1, scored before fixing: category: expected numerical_error, got (no analysis)",
        ["xgboost-5963-nccl-shm-fallocate-hang"] = "batch b1, scored before fixing: category: expected disk_error, got nccl_error",
        ["apex-834-o1-loss-scale-halving-to-zero"] = "batch b2, scored before fixing: category: expected numerical_error, got (no analysis)",
        ["deeplearningproject-lsf-memlimit-then-runlimit"] = "batch b2, scored before fixing: category: expected timeout, got host_oom; root exception type: expected SIGUSR2, got SIGKILL",
        ["dinov2-143-koleo-loss-inf-total-inf"] = "batch b2, scored before fixing: category: expected numerical_error, got (no analysis)",
        ["dsnerf-85-anomaly-powbackward-warning-glued-bar"] = "batch b2, scored before fixing: category: expected numerical_error, got unknown; root exception type: expected (none), got ; innermost frame: expected (none), got /opt/conda/lib/python3.7/site-packages/torch/_tensor.py in wrapped",
        ["geti-907-mmdet-loss-nan-log-lines"] = "batch b2, scored before fixing: category: expected numerical_error, got (no analysis)",
        ["gradnorm-tf-17-epoch-loss-nan-lines"] = "batch b2, scored before fixing: category: expected numerical_error, got (no analysis)",
        ["horovod-1012-missing-rank-1-broadcast-stall"] = "batch b2, scored before fixing: category: expected timeout, got (no analysis)",
        ["horovod-1442-stall-inspector-after-steps"] = "batch b2, scored before fixing: category: expected timeout, got (no analysis)",
        ["horovod-457-metric-allreduce-missing-ranks"] = "batch b2, scored before fixing: category: expected timeout, got (no analysis)",
        ["nixpkgs-453992-aotriton-triton-cache-enospc-quoted"] = "batch b2, scored before fixing: category: expected disk_error, got (no analysis); root exception type: expected OSError, got (none); innermost frame: expected …triton/runtime/cache.py in put, got (none)",
        ["tf-models-5516-losstensor-nan-coordinator"] = "batch b2, scored before fixing: category: expected numerical_error, got unknown; root exception type: expected tensorflow.python.framework.errors_impl.InvalidArgumentError, got ; innermost frame: expected (none), got train.py in <module>",
        ["transformers-14531-zero2-loss-scale-stuck-at-1"] = "batch b2, scored before fixing: category: expected numerical_error, got (no analysis)",
        ["wandb-2265-singularity-yhrun-read-only-fs"] = "batch b2, scored before fixing: category: expected disk_error, got unknown",
    };

    public static string? Reason(string slug) => s_cases.TryGetValue(slug, out var reason) ? "pending: " + reason : null;
}
