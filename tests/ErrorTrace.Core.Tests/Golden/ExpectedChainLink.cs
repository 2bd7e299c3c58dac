namespace ErrorTrace.Core.Tests.Golden;

/// <summary>An exception printed before the root one, and how it leads to the next one printed.</summary>
public sealed record ExpectedChainLink
{
    public string ExceptionType { get; init; } = "";

    public string ExceptionMessage { get; init; } = "";

    public IReadOnlyList<ExpectedFrame> Frames { get; init; } = [];

    /// <summary><c>cause</c> or <c>context</c>.</summary>
    public string Relation { get; init; } = "";
}
