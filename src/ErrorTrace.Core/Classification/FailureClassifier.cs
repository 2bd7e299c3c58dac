using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>The built-in classification in one call: the rules, then the evidence-scoring fallback (<see cref="RuleClassifier"/>).</summary>
internal static class FailureClassifier
{
    /// <summary>The analysis, or null for a clean job (no failure, no error entry, no summary).</summary>
    public static FailureAnalysis? Classify(ClassificationInput input, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new RuleClassifier(rules).Classify(input);
    }
}
