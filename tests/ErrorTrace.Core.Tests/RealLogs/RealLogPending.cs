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
    };

    public static string? Reason(string slug) => s_cases.TryGetValue(slug, out var reason) ? "pending: " + reason : null;
}
