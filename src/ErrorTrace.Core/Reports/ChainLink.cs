namespace ErrorTrace.Core.Reports;

/// <summary>An exception printed before the final one of a chain.</summary>
public sealed record ChainLink
{
    public required string ExceptionType { get; init; }

    public required string ExceptionMessage { get; init; }

    public IReadOnlyList<TracebackFrame> Frames { get; init; } = [];

    /// <summary><c>cause</c> ("The above exception was the direct cause…") or <c>context</c> ("During handling…"):
    /// how this exception leads to the next one printed.</summary>
    public required string Relation { get; init; }
}
