using ErrorTrace.Core.Reports;

namespace ErrorTrace.Cli.Tests;

/// <summary>Hand-built reports, so the renderers are tested without depending on what the engine finds.</summary>
internal static class Reports
{
    public static TracebackInfo Oom { get; } = new()
    {
        Raw = """
            Traceback (most recent call last):
              File "/app/train.py", line 108, in main
                loss = model(batch)
              File "/usr/local/lib/python3.10/site-packages/torch/nn/modules/module.py", line 1501, in _call_impl
                return forward_call(*args, **kwargs)
            torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 4.18 GiB
            """,
        Frames =
        [
            new TracebackFrame { File = "/app/train.py", Line = 108, Function = "main", Code = "loss = model(batch)" },
            new TracebackFrame { File = "/usr/local/lib/python3.10/site-packages/torch/nn/modules/module.py", Line = 1501, Function = "_call_impl", Code = "return forward_call(*args, **kwargs)", InApp = false },
        ],
        ExceptionType = "torch.OutOfMemoryError",
        ExceptionMessage = "CUDA out of memory. Tried to allocate 4.18 GiB",
        Chain =
        [
            new ChainLink
            {
                ExceptionType = "ValueError",
                ExceptionMessage = "bad shard header",
                Frames = [new TracebackFrame { File = "/app/data.py", Line = 12, Function = "load", Code = "return json.loads(text)" }],
                Relation = "cause",
            },
            new ChainLink { ExceptionType = "KeyError", ExceptionMessage = "'labels'", Relation = "context" },
        ],
        Kind = "python",
        Rank = 0,
        Ranks = [0, 1, 2, 3],
        Count = 4,
        FirstLine = 4,
        ExceptionLine = 10,
    };

    public static ErrorReport Full { get; } = new()
    {
        JobId = "123",
        Status = "failed",
        ErrorSummary = "Training process exited with code 1",
        Traceback = Oom,
        Tracebacks =
        [
            Oom,
            new TracebackInfo { Raw = "SIGKILL", ExceptionType = "SIGKILL", ExceptionMessage = "worker 3 killed", Kind = "signal", FirstLine = 40, Secondary = true },
        ],
        Errors =
        [
            new ErrorEntry
            {
                Level = "warning", Message = "grad norm is nan | skipping step", DedupeKey = "grad-nan", Count = 7, FirstLine = 2,
                Timestamp = new DateTime(2025, 3, 1, 10, 0, 5, DateTimeKind.Utc), LastTimestamp = new DateTime(2025, 3, 1, 10, 7, 0, DateTimeKind.Utc), Ranks = [0, 1],
            },
            new ErrorEntry
            {
                Level = "error", Message = "CUDA out of memory. " + new string('x', 400), DedupeKey = "oom", Count = 1, FirstLine = 10,
            },
        ],
        Analysis = new FailureAnalysis
        {
            ErrorType = "oom_training",
            ErrorPhase = "training",
            Description = "The GPU ran out of memory during a training step.",
            Confidence = "high",
            Suggestions = ["Reduce the per-device batch size", "Enable gradient checkpointing"],
            RuleId = "cuda_oom",
            Evidence = [new EvidenceLine(10, "torch.OutOfMemoryError: CUDA out of memory. [rank0]")],
        },
        Log = new LogInfo { Path = "logs/job_123.log", SizeBytes = 12_345, Lines = 42 },
        Notes = ["2 lines longer than 1 MiB were truncated"],
    };

    /// <summary><see cref="Full"/> read from a <c>nohup.out</c> of four launches, as the engine lists them: the runs that
    /// failed (1 and 3; 2 did not) and the last one (4, still going). The root cause is the third's.</summary>
    public static ErrorReport SeveralRuns { get; } = Full with
    {
        Runs =
        [
            new RunInfo { Run = 1, FirstLine = 1, LastLine = 200, Failures = 1, RootCause = "ValueError: bad shard header", RootLine = 150 },
            new RunInfo { Run = 3, FirstLine = 451, LastLine = 900, StartedBy = "torchrun", Failures = 2, RootCause = "SIGKILL: Killed", RootLine = 880, IsRootRun = true },
            new RunInfo { Run = 4, FirstLine = 901, LastLine = 950, StartedBy = "nohup" },
        ],
    };

    /// <summary>A log of <paramref name="count"/> launches, each killed; the last is the root cause's.</summary>
    public static ErrorReport ManyRuns(int count) => Full with
    {
        Runs = Enumerable.Range(1, count).Select(i => new RunInfo
        {
            Run = i,
            FirstLine = i * 100 - 99,
            LastLine = i * 100,
            StartedBy = i == 1 ? null : "nohup",
            Failures = 1,
            RootCause = "SIGKILL: Killed",
            RootLine = i * 100,
            IsRootRun = i == count,
        }).ToList(),
    };
}
