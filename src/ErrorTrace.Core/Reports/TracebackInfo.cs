namespace ErrorTrace.Core.Reports;

/// <summary>
/// A failure as the process printed it: a Python traceback (with its chain and, for exception
/// groups, its sub-exceptions), a faulthandler dump, a C++ abort, or a death by signal.
/// </summary>
public sealed record TracebackInfo
{
    /// <summary>The text as printed (envelopes removed), bounded by <c>TracebackLimits.MaxRawChars</c>.</summary>
    public required string Raw { get; init; }

    /// <summary>Frames in print order, innermost last.</summary>
    public IReadOnlyList<TracebackFrame> Frames { get; init; } = [];

    /// <summary>As printed: <c>torch.OutOfMemoryError</c>, <c>ValueError</c>; for a signal, e.g. <c>SIGKILL</c>.</summary>
    public required string ExceptionType { get; init; }

    /// <summary>The full message, notes appended after a newline; <c>""</c> when there is none.</summary>
    public required string ExceptionMessage { get; init; }

    /// <summary>The exceptions printed before this one, in print order; each one's relation says how it leads to the next.</summary>
    public IReadOnlyList<ChainLink> Chain { get; init; } = [];

    /// <summary>For an exception group, its sub-exceptions in print order.</summary>
    public IReadOnlyList<TracebackInfo> SubExceptions { get; init; } = [];

    /// <summary><c>python</c>, <c>faulthandler</c>, <c>cpp</c> or <c>signal</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The rank of the first occurrence, when a prefix or a record said it.</summary>
    public int? Rank { get; init; }

    public IReadOnlyList<int> Ranks { get; init; } = [];

    public int Count { get; init; } = 1;

    public long FirstLine { get; init; }

    /// <summary>The line number of the final exception line (or of the signal/abort line), for evidence.</summary>
    public long ExceptionLine { get; init; }

    public DateTime? Timestamp { get; init; }

    /// <summary>The phase of the log record that printed it (the seed's <c>[SFT]</c>, <c>[Eval]</c>), when one did.</summary>
    public string? Phase { get; init; }

    /// <summary>The log record's logger, when a record printed it (<c>logger.exception</c>).</summary>
    public string? Logger { get; init; }

    /// <summary>True when this failure is the cascade of another (a watchdog timeout on a peer, a launcher wrapper).</summary>
    public bool Secondary { get; init; }

    /// <summary>The host a launcher prefix named on the lines that printed it (pdsh's <c>worker-1: </c>, Ray's <c>ip=</c>), else null.</summary>
    public string? Host { get; init; }

    /// <summary>For a death or error glued to a progress bar, how far the bar had got ("Loading checkpoint shards 4/7
    /// (57%), 00:40 elapsed", or the bar's <c>3787/62565</c> or <c>6%</c> when it shows no more); else null.</summary>
    public string? Progress { get; init; }

    /// <summary>The exception a worker raised, when this exception's message quotes it (DataLoader's
    /// <c>Original Traceback</c>); null otherwise.</summary>
    public WorkerFailure? Original { get; init; }
}
