namespace ErrorTrace.Accuracy.Corpus;

/// <summary>The expert label of a real log: category, root exception type and innermost frame of the root cause.</summary>
public sealed record ExpectedFailure
{
    public required string Category { get; init; }

    /// <summary>Null only when the log prints no type at all (e.g. bare NCCL watchdog lines).</summary>
    public string? RootExceptionType { get; init; }

    /// <summary>Null when the root cause printed no frame.</summary>
    public ExpectedFrame? InnermostFrame { get; init; }
}
