using ErrorTrace.Core.Classification.Learned;

namespace ErrorTrace.Core.Classification;

/// <summary>The built-in <see cref="IFailureClassifier"/>s, by the names <c>scripts/accuracy/score.sh --classifier</c> takes.</summary>
public static class FailureClassifiers
{
    /// <summary><c>rules</c> (the default), <c>scoring</c>, <c>rules-only</c>, <c>learned</c>, <c>rules+learned</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["rules", "scoring", "rules-only", "learned", "rules+learned"];

    /// <summary>The default: the ordered rules, then the evidence-scoring fallback when none holds.</summary>
    public static IFailureClassifier Rules(RuleSet? rules = null) => new RuleClassifier(rules ?? RuleSet.Default);

    /// <summary>Only the weighted signals, no rule: what the fallback would say about every log.</summary>
    public static IFailureClassifier EvidenceScoring(RuleSet? rules = null) => new RuleClassifier(rules ?? RuleSet.Default, useRules: false);

    /// <summary>Only the rules, <c>unknown</c> when none holds: the classifier before the fallback existed.</summary>
    public static IFailureClassifier RulesOnly(RuleSet? rules = null) => new RuleClassifier(rules ?? RuleSet.Default, useScoring: false);

    /// <summary>The model trained on the corpus' labels (<see cref="LearnedModel"/>) decides every log the rules analyse.</summary>
    public static IFailureClassifier Learned(RuleSet? rules = null, NaiveBayesModel? model = null) =>
        new LearnedClassifier(rules ?? RuleSet.Default, model is null ? () => LearnedModel.Default : () => model, LearnedMode.Alone);

    /// <summary>The rules, with the trained model deciding where they defer (<see cref="LearnedDeferral.RulesDefer"/>):
    /// the combination that generalised best in cross-validation (docs/accuracy-learned.md).</summary>
    public static IFailureClassifier RulesThenLearned(RuleSet? rules = null, NaiveBayesModel? model = null) =>
        new LearnedClassifier(rules ?? RuleSet.Default, model is null ? () => LearnedModel.Default : () => model, LearnedMode.Fallback);

    /// <exception cref="ArgumentException">A name not in <see cref="Names"/>.</exception>
    public static IFailureClassifier ByName(string name, RuleSet? rules = null) => name switch
    {
        "rules" => Rules(rules),
        "scoring" => EvidenceScoring(rules),
        "rules-only" => RulesOnly(rules),
        "learned" => Learned(rules),
        "rules+learned" => RulesThenLearned(rules),
        _ => throw new ArgumentException($"unknown classifier '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
    };
}
