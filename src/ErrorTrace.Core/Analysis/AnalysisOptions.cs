using ErrorTrace.Core.Classification;

namespace ErrorTrace.Core.Analysis;

/// <summary>How to read a log. The defaults suit a log written by a training job on a UTC host.</summary>
public sealed record AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    /// <summary>The zone of timestamps that carry none. Reports always say UTC.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The year for glog-style timestamps (<c>E0325 20:57:27</c>), which print none, until a
    /// timestamp with a year has been seen. Null takes the current UTC year.</summary>
    public int? ReferenceYear { get; init; }

    /// <summary>Classification rules, the user's first; <see cref="RuleSet.Default"/> holds the built-in ones.</summary>
    public RuleSet Rules { get; init; } = RuleSet.Default;

    /// <summary>Decides the report's analysis; null uses <see cref="FailureClassifiers.Default"/> over <see cref="Rules"/>
    /// (the rules, with the trained model where they defer). Set it to compare another classifier on the same logs (<c>scripts/accuracy/score.sh --classifier</c>).</summary>
    public IFailureClassifier? Classifier { get; init; }
}
