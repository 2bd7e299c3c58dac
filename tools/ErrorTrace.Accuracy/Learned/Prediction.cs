namespace ErrorTrace.Accuracy.Learned;

/// <summary>The model's held-out answer for one case and the θ chosen on the folds that trained it.</summary>
internal readonly record struct Prediction(string Category, double Probability, double Theta, double ThetaBoth)
{
    /// <summary>What <paramref name="strategy"/> answers for <paramref name="c"/>. A clean log (the rules give no
    /// analysis) stays without one in every strategy, as the classifier does.</summary>
    public string Decide(Strategy strategy, LearnedCase c) => c.Clean ? c.RulesCategory : strategy switch
    {
        Strategy.Rules => c.RulesCategory,
        Strategy.Learned => Category,
        Strategy.Fallback => c.RulesDefer ? Category : c.RulesCategory,
        Strategy.Override => Probability >= Theta ? Category : c.RulesCategory,
        Strategy.FallbackOrOverride => c.RulesDefer || Probability >= ThetaBoth ? Category : c.RulesCategory,
        _ => throw new ArgumentOutOfRangeException(nameof(strategy)),
    };
}
