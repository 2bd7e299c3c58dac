using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification.Learned;

/// <summary>Which of the rules' answers the learned fallback (<see cref="LearnedMode.Fallback"/>) takes over.</summary>
public static class LearnedDeferral
{
    /// <summary>The fallback's abstention threshold: below it the rules' answer stays (<c>unknown</c> stays <c>unknown</c>).
    /// Chosen with the last lines' tokens (<see cref="LearnedFeatures.Shipped"/>) by cross-validation on 2,550 cases with
    /// the rules as they were before fixing (docs/accuracy-learned.md, 2026-12-05 early morning): utility (right +1,
    /// unknown 0, wrong −1) is flat from 0.5 to 0.8 when folds are grouped by project (two seeds), and leaving one batch
    /// out, the honest proxy for the next batch, it peaks at 0.7 (+1111 against +1102 at 0.5): the same right answers
    /// with 16 fewer wrong ones. A wrong category sends the reader to the wrong fix; <c>unknown</c> sends them to the log.</summary>
    public const double MinProbability = 0.7;

    /// <summary>Where the rules are weakest on logs they were not written from: nothing fired (<c>unknown</c> or the
    /// evidence-scoring fallback), a builtin exception (ValueError, KeyError…) called the user's bug by the
    /// <c>user-code-builtin-*</c> rules, which the corpus' labels often call a config or data error, or a rule that says
    /// itself it is unsure (confidence <c>low</c>: a secondary failure's guess, a bare SIGABRT, the jobs database's
    /// summary alone). Taking over the low ones too gained 4–8 in utility over 1,958 cases in the grouped CV, never lost.</summary>
    public static bool RulesDefer(FailureAnalysis byRules)
    {
        ArgumentNullException.ThrowIfNull(byRules);
        return byRules.ErrorType == FailureCategory.Unknown
            || byRules.RuleId is null or EvidenceScorer.RuleId
            || byRules.RuleId.StartsWith("user-code-builtin-", StringComparison.Ordinal)
            || byRules.Confidence == Confidence.Low;
    }
}
