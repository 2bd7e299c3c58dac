namespace ErrorTrace.Accuracy.Corpus;

/// <summary>The JSON shape of a case file; nullable so a missing field is reported, not defaulted.</summary>
public sealed record CaseFile
{
    public string? SourceUrl { get; init; }

    public string? Project { get; init; }

    public ExpectedFailure? Expected { get; init; }

    public string? Notes { get; init; }

    /// <summary>The harvest batch the case came in (<c>b00</c>: the cases of earlier rounds, which the rules were written
    /// from); each batch was scored before any rule was written for it (docs/accuracy).</summary>
    public string? Batch { get; init; }
}
