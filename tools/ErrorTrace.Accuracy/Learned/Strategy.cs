namespace ErrorTrace.Accuracy.Learned;

/// <summary>The ways of combining the rules and the model that the cross-validation scores.</summary>
internal enum Strategy
{
    /// <summary>The rules as they are now (written from these logs: optimistic).</summary>
    Rules,

    /// <summary>The model decides every log the rules analyse.</summary>
    Learned,

    /// <summary>(a) The model decides where the rules defer (no rule, evidence scoring, user_code from a builtin).</summary>
    Fallback,

    /// <summary>(b) The model overrides the rules when its probability reaches θ (chosen on the training folds).</summary>
    Override,

    /// <summary>(a) and (b) together.</summary>
    FallbackOrOverride,
}
