namespace ErrorTrace.Core.Tests.RealLogs;

/// <summary>The JSON shape of a case file; nullable so a missing field is reported, not defaulted.</summary>
internal sealed record CaseFile
{
    public string? SourceUrl { get; init; }

    public string? Project { get; init; }

    public ExpectedFailure? Expected { get; init; }

    public string? Notes { get; init; }
}
