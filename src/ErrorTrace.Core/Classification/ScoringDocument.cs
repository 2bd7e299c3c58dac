namespace ErrorTrace.Core.Classification;

/// <summary>The JSON shape of the <c>scoring</c> section: the evidence-scoring fallback's weighted signals and thresholds.</summary>
internal sealed class ScoringDocument
{
    public string? Comment { get; set; }

    /// <summary>The score a category needs for a medium-confidence answer (below it: low).</summary>
    public double? MediumScore { get; set; }

    /// <summary>How far ahead of the runner-up the top category must be for medium confidence.</summary>
    public double? MediumMargin { get; set; }

    public List<ScoringSignalDocument>? Signals { get; set; }
}
