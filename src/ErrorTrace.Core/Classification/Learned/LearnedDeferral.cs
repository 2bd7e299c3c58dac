using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification.Learned;

/// <summary>Which of the rules' answers the learned fallback (<see cref="LearnedMode.Fallback"/>) takes over.</summary>
public static class LearnedDeferral
{
    /// <summary>The fallback's abstention threshold: below it the rules' answer stays (<c>unknown</c> stays <c>unknown</c>).
    /// Chosen by cross-validation grouped by project for the complement model (docs/accuracy-learned.md, 2026-12-05): its
    /// probabilities are far less crowded near 1 than the multinomial's (for which 0.99 was chosen), and on the outer
    /// held-out predictions utility (right +1, unknown 0, wrong −1) peaks at 0.5 with two fold seeds (0.7 6–12 lower,
    /// 0.99 43–50 lower over 1,958 cases), and on the held-out batches 0.5 is the best or within 4. A wrong category
    /// sends the reader to the wrong fix; <c>unknown</c> sends them to the log: below one chance in two the model keeps quiet.</summary>
    public const double MinProbability = 0.5;

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
