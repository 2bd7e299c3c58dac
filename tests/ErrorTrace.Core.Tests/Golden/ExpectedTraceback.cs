namespace ErrorTrace.Core.Tests.Golden;

/// <summary>What the engine must report for a traceback, taken from CPython's own TracebackException.</summary>
public sealed record ExpectedTraceback
{
    public string ExceptionType { get; init; } = "";

    public string ExceptionMessage { get; init; } = "";

    public IReadOnlyList<ExpectedFrame> Frames { get; init; } = [];

    public IReadOnlyList<ExpectedChainLink> Chain { get; init; } = [];

    public IReadOnlyList<ExpectedTraceback> SubExceptions { get; init; } = [];

    public string Kind { get; init; } = "python";

    /// <summary>Null for sub-exceptions: only the root says how often it was printed.</summary>
    public int? Count { get; init; }

    /// <summary>Null when the log has no rank prefixes (the expectation then says nothing about ranks).</summary>
    public IReadOnlyList<int>? Ranks { get; init; }
}
