using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// The built-in classifier. Every rule of the <see cref="RuleSet"/> is tried on its surfaces; the strongest match
/// decides (high over medium over low; off a rule's first surface its confidence is at most medium), then a match on a
/// rule's first surface, then the rule that comes first, and the report names it in <c>rule_id</c>. When no rule holds, the evidence-scoring fallback
/// (<see cref="EvidenceScorer"/>) weighs the signals; <c>unknown</c> only when nothing at all points anywhere.
/// </summary>
internal sealed class RuleClassifier(RuleSet rules, bool useRules = true, bool useScoring = true) : IFailureClassifier
{
    public FailureAnalysis? Classify(ClassificationInput input) => Classify(input, out _);

    /// <param name="phaseUndecided">A rule decided, it names no phase of its own, and no phase hint holds for what it
    /// matched: the analysis' phase is its category's default (an OOM with no phase evidence reads as training).</param>
    public FailureAnalysis? Classify(ClassificationInput input, out bool phaseUndecided)
    {
        ArgumentNullException.ThrowIfNull(input);
        phaseUndecided = false;
        var context = new ClassificationContext(input, rules);
        var clean = IsClean(input);
        // A clean log (no failure, no error line, no summary) still gets an analysis when a rule finds the mechanism in
        // the lines near the death (Keras' 'loss: nan' epochs, a bare 'Killed' the engine did not take for a death); the
        // fallback's guesses are not enough there.
        if (useRules && Best(context, clean) is { } match)
        {
            var rule = match.Rule;
            phaseUndecided = rule.Phase is null && !AnalysisBuilder.PhaseOf(context, match.Surface).IsKnown;
            return AnalysisBuilder.Build(context, rules.Categories[rule.Category], rule.Id, match.Confidence, rule.Phase,
                rule.Description, rule.Suggestions, match.Surface, match.Surface.Evidence);
        }

        if (clean) return null;
        return (useScoring ? EvidenceScorer.Score(context) : null) ?? Unknown(context);
    }

    /// <summary>In file order, keeping the strongest: a match on an exception that is not a cascade of an earlier one in its
    /// chain, then higher confidence, then a match on the rule's first surface, then the earlier rule. A high match on a
    /// first surface that is no cascade cannot be beaten, so it ends the search.</summary>
    private RuleMatch? Best(ClassificationContext context, bool contextOnly)
    {
        RuleMatch? best = null;
        foreach (var rule in rules.Rules)
        {
            if (contextOnly && !rule.Targets.Contains(RuleTarget.Context)) continue;
            if (RuleMatcher.Match(rule, context) is not { } match) continue;
            if (contextOnly && match.Surface.Target != RuleTarget.Context) continue;
            if (best is null || Strength(match) > Strength(best)) best = match;
            if (best.Confidence == Confidence.High && best.IsPrimary && best.Surface.View is not { IsCascade: true }) break;
        }

        return best;
    }

    private static int Strength(RuleMatch match) =>
        (match.Surface.View is { IsCascade: true } ? 0 : 8) + (Confidence.Rank(match.Confidence) * 2) + (match.IsPrimary ? 1 : 0);

    private static bool IsClean(ClassificationInput input) =>
        input.Root is null && input.Failures.Count == 0 && string.IsNullOrWhiteSpace(input.ErrorSummary) &&
        !input.Errors.Any(e => string.Equals(e.Level, "error", StringComparison.OrdinalIgnoreCase));

    /// <summary>No rule and no signal: the root exception and the error entries are the evidence a reader starts from.</summary>
    private FailureAnalysis Unknown(ClassificationContext context)
    {
        var input = context.Input;
        var evidence = new List<EvidenceLine>();
        if (context.RootViews.Count > 0) Evidence.AddView(evidence, context.RootViews[0], -1);
        foreach (var entry in input.Errors)
        {
            if (string.Equals(entry.Level, "error", StringComparison.OrdinalIgnoreCase)) Evidence.AddEntry(evidence, entry);
        }

        if (!string.IsNullOrWhiteSpace(input.ErrorSummary))
            Evidence.Add(evidence, Evidence.NotInLog, "error_summary: " + Evidence.FirstLine(input.ErrorSummary));

        return AnalysisBuilder.Build(context, rules.Categories[FailureCategory.Unknown], null, Confidence.Low, null, null, [], null, evidence);
    }
}
