using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>Terse builders for hand-made classifier inputs.</summary>
internal static class T
{
    public const string Sp = "/opt/conda/lib/python3.11/site-packages/";
    public const string Trainer = Sp + "transformers/trainer.py";

    /// <summary>"file:function", split at the last colon.</summary>
    public static TracebackFrame F(string spec)
    {
        var colon = spec.LastIndexOf(':');
        return new TracebackFrame { File = spec[..colon], Function = spec[(colon + 1)..], Line = 1 };
    }

    public static TracebackInfo Py(string type, string message, string[]? frames = null, string? phase = null,
        long line = 100, int? rank = null, string kind = "python", IReadOnlyList<ChainLink>? chain = null) => new()
        {
            Raw = $"{type}: {message}",
            ExceptionType = type,
            ExceptionMessage = message,
            Frames = [.. (frames ?? []).Select(F)],
            Phase = phase,
            FirstLine = Math.Max(1, line - (frames?.Length ?? 0) * 2 - 1),
            ExceptionLine = line,
            Rank = rank,
            Kind = kind,
            Chain = chain ?? [],
        };

    public static TracebackInfo Signal(string signal, string message = "", long line = 50, int? rank = null) =>
        Py(signal, message, line: line, rank: rank, kind: "signal");

    public static ErrorEntry E(long line, string message, string level = "error", string? phase = null, params int[] ranks) => new()
    {
        Level = level,
        Message = message,
        DedupeKey = message.Length > 20 ? message[..20] : message,
        FirstLine = line,
        Phase = phase,
        Count = 1,
        Ranks = ranks,
    };

    public static ClassificationInput In(TracebackInfo? root, params ErrorEntry[] errors) =>
        new(root, root is null ? [] : [root], errors, null);

    public static ClassificationInput WithFailures(TracebackInfo root, params TracebackInfo[] others) =>
        new(root, [root, .. others], [], null);

    public static ClassificationInput Summary(string summary, params ErrorEntry[] errors) => new(null, [], errors, summary);

    /// <summary>torchelastic's ChildFailedError table, as its message prints.</summary>
    public static string ElasticTable(string script, int exitcode, string traceback) => $"""

        ============================================================
        {script} FAILED
        ------------------------------------------------------------
        Failures:
          <NO_OTHER_FAILURES>
        ------------------------------------------------------------
        Root Cause (first observed failure):
        [0]:
          time      : 2025-05-21_15:43:03
          host      : worker-0
          rank      : 0 (local_rank: 0)
          exitcode  : {exitcode} (pid: 14750)
          error_file: <N/A>
          traceback : {traceback}
        ============================================================
        """;

    public static readonly string[] LauncherFrames =
    [
        "/usr/local/bin/torchrun:<module>",
        Sp + "torch/distributed/elastic/multiprocessing/errors/__init__.py:wrapper",
        Sp + "torch/distributed/run.py:main",
        Sp + "torch/distributed/launcher/api.py:launch_agent",
    ];

    public static TracebackInfo ChildFailed(int exitcode, string traceback, long line = 300) =>
        Py("torch.distributed.elastic.multiprocessing.errors.ChildFailedError",
            ElasticTable("train.py", exitcode, traceback), LauncherFrames, line: line);

    public static readonly string[] TrainStep =
    [
        "train.py:<module>", "train.py:main", Trainer + ":train", Trainer + ":_inner_training_loop", Trainer + ":training_step",
        Sp + "accelerate/accelerator.py:backward", Sp + "torch/_tensor.py:backward", Sp + "torch/autograd/__init__.py:backward",
    ];

    public static readonly string[] Forward =
    [
        "train.py:<module>", "train.py:main", Trainer + ":train", Trainer + ":_inner_training_loop", Trainer + ":training_step",
        Trainer + ":compute_loss", Sp + "torch/nn/modules/module.py:_call_impl", Sp + "transformers/models/llama/modeling_llama.py:forward",
    ];

    public static readonly string[] EvalLoop =
    [
        "train.py:<module>", "train.py:main", Trainer + ":train", Trainer + ":_inner_training_loop", Trainer + ":_maybe_log_save_evaluate",
        Trainer + ":_evaluate", Trainer + ":evaluate", Trainer + ":evaluation_loop", Trainer + ":prediction_step", Trainer + ":compute_loss",
        Sp + "torch/nn/modules/module.py:_call_impl", Sp + "transformers/models/llama/modeling_llama.py:forward",
    ];

    public static readonly string[] SaveCheckpoint =
    [
        "train.py:main", Trainer + ":train", Trainer + ":_inner_training_loop", Trainer + ":_maybe_log_save_evaluate",
        Trainer + ":_save_checkpoint", Trainer + ":save_model", Trainer + ":_save", Sp + "transformers/modeling_utils.py:save_pretrained",
        Sp + "torch/serialization.py:save",
    ];

    public const string ModernOom =
        "CUDA out of memory. Tried to allocate 3.82 GiB. GPU 0 has a total capacity of 79.15 GiB of which 1.21 GiB is free. " +
        "Including non-PyTorch memory, this process has 77.93 GiB memory in use. Of the allocated memory 74.10 GiB is allocated by PyTorch, " +
        "and 3.21 GiB is reserved by PyTorch but unallocated. If reserved but unallocated memory is large try setting " +
        "PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid fragmentation.  See documentation for Memory Management  " +
        "(https://pytorch.org/docs/stable/notes/cuda.html#environment-variables)";

    public const string CudaAsyncNote =
        "\nCUDA kernel errors might be asynchronously reported at some other API call, so the stacktrace below might be incorrect.\n" +
        "For debugging consider passing CUDA_LAUNCH_BLOCKING=1\nCompile with `TORCH_USE_CUDA_DSA` to enable device-side assertions.\n";
}
