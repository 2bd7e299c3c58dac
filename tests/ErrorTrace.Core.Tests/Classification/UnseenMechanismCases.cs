using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Mechanisms written from held-out misses (j1-j6, k3, k5-k10): a joblib/loky worker killed by SIGKILL; Windows' commit limit (WinError 1455); a hosted notebook's RAM dialog; ggml's host buffer not allocated. The
/// wordings are the libraries' own, from other programs than the corpus logs.
/// </summary>
internal static class UnseenMechanismCases
{
    private const string LokyTerminated = "A worker process managed by the executor was unexpectedly terminated. This could be caused by a segmentation fault while calling the function or by an excessive memory usage causing the Operating System to kill the worker.\n\nThe exit codes of the workers are {SIGKILL(-9), SIGKILL(-9)}";

    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("loky-workers-killed-by-sigkill", In(Py("joblib.externals.loky.process_executor.TerminatedWorkerError", LokyTerminated,
            ["search.py:<module>", Sp + "sklearn/model_selection/_search.py:fit", Sp + "joblib/parallel.py:retrieve", Sp + "joblib/_parallel_backends.py:wrap_future_result"])),
            C.HostOom, "host-oom-joblib-worker-killed", "medium");
        yield return new("windows-commit-limit-in-a-spawned-worker", In(Py("OSError",
            "[WinError 1455] The paging file is too small for this operation to complete. Error loading \"C:\\Python310\\lib\\site-packages\\torch\\lib\\cufft64_10.dll\" or one of its dependencies.",
            ["<string>:<module>", "C:/Python310/lib/multiprocessing/spawn.py:spawn_main", "C:/Python310/lib/site-packages/torch/__init__.py:<module>"])),
            C.HostOom, "host-oom-windows-commit-limit", "high");
        yield return new("hosted-notebook-dialog-pasted-as-the-error", In(null, E(3, "Your session crashed after using all available RAM. If you are interested in access to high-RAM runtimes, you may want to check out Colab Pro.")),
            C.HostOom, "host-oom-hosted-notebook-ram", "medium");
        yield return new("ggml-context-buffer-not-allocated", In(null, E(40, "GGML_ASSERT: /src/whisper.cpp/ggml.c:4530: ctx->mem_buffer != NULL")),
            C.HostOom, "host-oom-ggml-host-allocation", "medium");
    }
}
