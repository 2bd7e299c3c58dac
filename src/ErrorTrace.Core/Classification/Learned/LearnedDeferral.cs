using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification.Learned;

/// <summary>Which of the rules' answers the learned fallback (<see cref="LearnedMode.Fallback"/>) takes over.</summary>
public static class LearnedDeferral
{
    /// <summary>The fallback's abstention threshold: below it the rules' answer stays (<c>unknown</c> stays <c>unknown</c>).
    /// Chosen by cross-validation grouped by project (docs/accuracy-learned.md, 2026-12-04 evening; re-checked on 1,691
    /// cases the same night): among the cases the model would take over, it was right on 32 of 113 below 0.99 and on 135
    /// of 200 above, and on the held-out predictions utility (right +1, unknown 0, wrong −1) is flat from 0.9 to 0.999
    /// (+722 … +726, 0.99 at +725) in the honest view, while the rules of now and the j/k batches held out prefer 0.99–0.999.
    /// A wrong category sends the reader to the wrong fix; <c>unknown</c> sends them to the log. Naive Bayes' posteriors
    /// crowd near 1, so this is not "99 % sure".</summary>
    public const double MinProbability = 0.99;

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
