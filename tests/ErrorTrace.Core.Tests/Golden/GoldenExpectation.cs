namespace ErrorTrace.Core.Tests.Golden;

/// <summary>A case's <c>&lt;case&gt;.expected.json</c>.</summary>
public sealed record GoldenExpectation
{
    public string Case { get; init; } = "";

    /// <summary>The log shape, e.g. <c>a_raw</c> or <c>f_multi_rank</c>.</summary>
    public string Shape { get; init; } = "";

    public string ExceptionShape { get; init; } = "";

    public string Description { get; init; } = "";

    /// <summary>How many distinct tracebacks the whole log holds.</summary>
    public int TracebacksCount { get; init; }

    public ExpectedTraceback? Traceback { get; init; }
}
