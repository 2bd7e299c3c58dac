namespace ErrorTrace.Core.Classification;

/// <summary>One weighted signal of the evidence-scoring fallback: when its conditions hold on any of its surfaces, its
/// weight counts for its category (once, however many times it matches).</summary>
internal sealed record ScoringSignal(string Id, string Category, double Weight, IReadOnlyList<RuleTarget> Targets, RuleConditions Conditions, string Comment);
