namespace ErrorTrace.Core.Tests.Golden;

/// <summary>One frame as CPython printed it (see scripts/golden/golden_support.py).</summary>
public sealed record ExpectedFrame
{
    public string File { get; init; } = "";

    public int? Line { get; init; }

    public string Function { get; init; } = "";

    /// <summary>The stripped source line, or null when the traceback showed none.</summary>
    public string? Code { get; init; }
}
