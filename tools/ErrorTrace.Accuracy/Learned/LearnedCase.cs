using ErrorTrace.Accuracy.Corpus;

namespace ErrorTrace.Accuracy.Learned;

/// <summary>One corpus case as the cross-validation sees it: its label, the rules' answer and the learned features.</summary>
/// <param name="RulesCategory">The rules' category, or <see cref="Scoring.Scorer.NoAnalysis"/>.</param>
/// <param name="RulesDefer">The rules answered where they are weakest (<c>LearnedDeferral.RulesDefer</c>), or not at all.</param>
/// <param name="Tokens">Features with the rule that fired and its category.</param>
/// <param name="TokensWithoutRules">The same without them: what the log alone says.</param>
internal sealed record LearnedCase(RealLogCase Case, string RulesCategory, bool RulesDefer, bool Clean,
    IReadOnlyList<string> Tokens, IReadOnlyList<string> TokensWithoutRules)
{
    /// <summary>The rules' category when the batch was scored before fixing; null when the batch has no record.</summary>
    public string? BeforeCategory { get; init; }

    /// <summary>Whether those rules deferred (no rule, evidence scoring, user_code from a builtin). For a case they got
    /// right the record names no rule: the rules of now stand in when they still give the label.</summary>
    public bool BeforeDefer { get; init; }

    /// <summary>How the rules before fixing deferred (<see cref="Deferral"/>), null when a rule decided.</summary>
    public string? BeforeDeferKind { get; init; }

    /// <summary>How the rules of now deferred (<see cref="Deferral"/>), null when a rule decided.</summary>
    public string? RulesDeferKind { get; init; }

    /// <summary>The rule the before-fixing record names for a miss (null for a case they got right, or "(none)").</summary>
    public string? BeforeRuleId { get; init; }

    /// <summary>What the engine handed the classifier (kept for the feature experiments, <see cref="ExperimentRecord"/>).</summary>
    public ErrorTrace.Core.Classification.ClassificationInput? Input { get; init; }

    /// <summary>The rules of now's answer, null when clean.</summary>
    public ErrorTrace.Core.Reports.FailureAnalysis? ByRules { get; init; }

    public bool HasBefore => BeforeCategory is not null;

    public string? DeferKindOf(RulesView view) => view == RulesView.BeforeFixing && HasBefore ? BeforeDeferKind : RulesDeferKind;

    public string RulesOf(RulesView view) => view == RulesView.BeforeFixing && BeforeCategory is { } before ? before : RulesCategory;

    public bool DeferOf(RulesView view) => view == RulesView.BeforeFixing && HasBefore ? BeforeDefer : RulesDefer;

    /// <summary>No analysis: the classifier leaves such a log without one in every strategy.</summary>
    public bool CleanOf(RulesView view) => RulesOf(view) == Scoring.Scorer.NoAnalysis;

    public string Label => Case.Expected.Category;

    public string Batch => Case.Batch;
}
