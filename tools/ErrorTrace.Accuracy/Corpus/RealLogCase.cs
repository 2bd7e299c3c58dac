namespace ErrorTrace.Accuracy.Corpus;

/// <summary>One <c>Corpus/real/&lt;slug&gt;.json</c>: a log posted in a public issue and what an expert says about it.</summary>
public sealed record RealLogCase
{
    public required string Slug { get; init; }

    public required string SourceUrl { get; init; }

    public required string Project { get; init; }

    public required ExpectedFailure Expected { get; init; }

    public string Notes { get; init; } = "";

    /// <summary>The harvest batch (see <see cref="CaseFile.Batch"/>); <c>b00</c> when the file names none.</summary>
    public required string Batch { get; init; }

    /// <summary>Full path of the <c>.log</c> next to the <c>.json</c>.</summary>
    public required string LogPath { get; init; }

    /// <summary>Theory rows print this, so a failing row names its case.</summary>
    public override string ToString() => Slug;
}
