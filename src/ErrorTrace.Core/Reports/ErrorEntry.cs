namespace ErrorTrace.Core.Reports;

/// <summary>One distinct error or warning, however many times it was logged.</summary>
public sealed record ErrorEntry
{
    /// <summary>First occurrence, UTC; null when the line carried no timestamp.</summary>
    public DateTime? Timestamp { get; init; }

    /// <summary><c>error</c> or <c>warning</c>.</summary>
    public required string Level { get; init; }

    public string? Phase { get; init; }

    /// <summary>The first occurrence, verbatim (envelopes removed).</summary>
    public required string Message { get; init; }

    /// <summary>Stable and readable: the same error in another run of the same code has the same key.</summary>
    public required string DedupeKey { get; init; }

    public int Count { get; init; }

    public DateTime? LastTimestamp { get; init; }

    /// <summary>1-based line number of the first occurrence in the log file.</summary>
    public long FirstLine { get; init; }

    public IReadOnlyList<int> Ranks { get; init; } = [];

    public string? Logger { get; init; }

    /// <summary>What produced the entry: <c>record</c> (a log record), <c>warning</c> (Python <c>warnings.warn</c>),
    /// <c>exception</c> (a traceback's exception line) or <c>marker</c> (a launcher, signal or library line).</summary>
    public string Source { get; init; } = "record";
}
