namespace ErrorTrace.Core.Classification;

/// <summary>The rules file's <c>scoring</c> section compiled: the signals and the thresholds of the fallback.</summary>
internal sealed record EvidenceScoring(IReadOnlyList<ScoringSignal> Signals, double MediumScore, double MediumMargin)
{
    /// <summary>With no thresholds given: a top score of 3 (one strong signal, or three weak ones) ahead of the
    /// runner-up by 2 is medium; anything less is low.</summary>
    public static EvidenceScoring None { get; } = new([], 3, 2);
}
