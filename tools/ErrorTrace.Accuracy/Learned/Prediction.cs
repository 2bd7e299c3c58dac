namespace ErrorTrace.Accuracy.Learned;

/// <summary>The model's held-out answer for one case and the θ chosen on the folds that trained it.</summary>
internal readonly record struct Prediction(string Category, double Probability, double Theta, double ThetaBoth)
{
    /// <summary>Whether the case was predicted at all (the chronological scheme never predicts the first batch).</summary>
    public bool Predicted => Category is not null;

    /// <summary>What <paramref name="strategy"/> answers for <paramref name="c"/>. A clean log (the rules give no
    /// analysis) stays without one in every strategy, as the classifier does.</summary>
    public string Decide(Strategy strategy, LearnedCase c, RulesView view) => c.CleanOf(view) ? c.RulesOf(view) : strategy switch
    {
        Strategy.Rules => c.RulesOf(view),
        Strategy.Learned => Category,
        Strategy.Fallback => c.DeferOf(view) ? Category : c.RulesOf(view),
        Strategy.Override => Probability >= Theta ? Category : c.RulesOf(view),
        Strategy.FallbackOrOverride => c.DeferOf(view) || Probability >= ThetaBoth ? Category : c.RulesOf(view),
        _ => throw new ArgumentOutOfRangeException(nameof(strategy)),
    };
}
