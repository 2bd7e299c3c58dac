namespace ErrorTrace.Core.Classification.Learned;

/// <summary>How the learned model and the rules share a decision.</summary>
public enum LearnedMode
{
    /// <summary>The model decides every log the rules would analyse; the rules' answer is only one of its features.</summary>
    Alone,

    /// <summary>The rules decide, except where they are weakest (<see cref="LearnedDeferral.RulesDefer"/>): no rule,
    /// the evidence-scoring fallback, <c>user_code</c> from a builtin-exception rule, or a rule of low confidence; there the model decides
    /// (<see cref="LearnedDeferral.MinProbabilityOverRules"/>), always at low confidence.</summary>
    Fallback,
}
