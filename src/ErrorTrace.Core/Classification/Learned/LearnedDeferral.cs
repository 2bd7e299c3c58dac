using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification.Learned;

/// <summary>Which of the rules' answers the learned fallback (<see cref="LearnedMode.Fallback"/>) takes over.</summary>
public static class LearnedDeferral
{
    /// <summary>Where the rules are weakest on logs they were not written from: nothing fired (<c>unknown</c> or the
    /// evidence-scoring fallback), or a builtin exception (ValueError, KeyError…) called the user's bug by the
    /// <c>user-code-builtin-*</c> rules, which the corpus' labels often call a config or data error.</summary>
    public static bool RulesDefer(FailureAnalysis byRules)
    {
        ArgumentNullException.ThrowIfNull(byRules);
        return byRules.ErrorType == FailureCategory.Unknown
            || byRules.RuleId is null or EvidenceScorer.RuleId
            || byRules.RuleId.StartsWith("user-code-builtin-", StringComparison.Ordinal);
    }
}
