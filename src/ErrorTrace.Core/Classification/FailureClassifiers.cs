using ErrorTrace.Core.Classification.Learned;

namespace ErrorTrace.Core.Classification;

/// <summary>The built-in <see cref="IFailureClassifier"/>s, by the names <c>scripts/accuracy/score.sh --classifier</c> takes.</summary>
public static class FailureClassifiers
{
    /// <summary><c>rules+learned</c> (the default), <c>rules</c>, <c>scoring</c>, <c>rules-only</c>, <c>learned</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [DefaultName, "rules", "scoring", "rules-only", "learned"];

    /// <summary>The name of <see cref="Default"/>.</summary>
    public const string DefaultName = "rules+learned";

    /// <summary>What a report uses when <see cref="Analysis.AnalysisOptions.Classifier"/> is null: the rules, with the
    /// trained model deciding where they defer (<see cref="RulesThenLearned"/>). Chosen on logs neither had seen: on the
    /// held-out batches k3, k5–k10 (372 logs) it took 228 against the rules' 212, and on k1, k2, k4 (133) 7 more, before
    /// any rule was written for them (docs/accuracy-learned.md).</summary>
    public static IFailureClassifier Default(RuleSet? rules = null) => RulesThenLearned(rules);

    /// <summary>The ordered rules, then the evidence-scoring fallback when none holds.</summary>
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
    /// <param name="learnedPhase">Also let the model choose between <c>oom_eval</c> and <c>oom_training</c> where an OOM rule
    /// fired but no phase hint placed the failure (<see cref="LearnedPhase"/>).</param>
    public static IFailureClassifier RulesThenLearned(RuleSet? rules = null, NaiveBayesModel? model = null, bool learnedPhase = false) =>
        new LearnedClassifier(rules ?? RuleSet.Default, model is null ? () => LearnedModel.Default : () => model, LearnedMode.Fallback, learnedPhase);

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
