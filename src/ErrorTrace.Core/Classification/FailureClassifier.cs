using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// Classifies a job's failure: the first rule of the <see cref="RuleSet"/> that holds decides the
/// category and names itself in <c>rule_id</c>; when none holds the analysis is <c>unknown</c>, low
/// confidence, with no rule id.
/// </summary>
internal static class FailureClassifier
{
    /// <summary>The analysis, or null for a clean job (no failure, no error entry, no summary).</summary>
    public static FailureAnalysis? Classify(ClassificationInput input, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(rules);
        if (IsClean(input)) return null;

        var context = new ClassificationContext(input, rules.Frames);
        foreach (var rule in rules.Rules)
        {
            var match = RuleMatcher.Match(rule, context);
            if (match is not null) return Build(match, rules, input);
        }

        return Fallback(context, rules);
    }

    private static bool IsClean(ClassificationInput input) =>
        input.Root is null && input.Failures.Count == 0 && string.IsNullOrWhiteSpace(input.ErrorSummary) &&
        !input.Errors.Any(e => string.Equals(e.Level, "error", StringComparison.OrdinalIgnoreCase));

    private static FailureAnalysis Build(RuleMatch match, RuleSet rules, ClassificationInput input)
    {
        var rule = match.Rule;
        var category = rules.Categories[rule.Category];
        return new FailureAnalysis
        {
            ErrorType = category.Name,
            ErrorPhase = PhaseInference.Infer(rule.Phase, match.Frames, match.RecordPhase ?? input.Root?.Phase, category.DefaultPhase),
            Description = rule.Description ?? category.Description,
            Confidence = rule.Confidence,
            Suggestions = [.. rule.Suggestions.Concat(category.Suggestions).Distinct(StringComparer.Ordinal)],
            RuleId = rule.Id,
            Evidence = match.Evidence,
            RootRank = input.Root?.Rank ?? match.Rank,
        };
    }

    private static FailureAnalysis Fallback(ClassificationContext context, RuleSet rules)
    {
        var input = context.Input;
        var category = rules.Categories[FailureCategory.Unknown];
        var evidence = new List<EvidenceLine>();
        if (context.RootViews.Count > 0) Evidence.AddView(evidence, context.RootViews[0], -1);
        ErrorEntry? firstError = null;
        foreach (var entry in input.Errors)
        {
            if (!string.Equals(entry.Level, "error", StringComparison.OrdinalIgnoreCase)) continue;
            firstError ??= entry;
            Evidence.AddEntry(evidence, entry);
        }

        if (!string.IsNullOrWhiteSpace(input.ErrorSummary))
            Evidence.Add(evidence, Evidence.NotInLog, "error_summary: " + Evidence.FirstLine(input.ErrorSummary));

        return new FailureAnalysis
        {
            ErrorType = category.Name,
            ErrorPhase = PhaseInference.Infer(null, input.Root?.Frames ?? [], input.Root?.Phase ?? firstError?.Phase, category.DefaultPhase),
            Description = category.Description,
            Confidence = "low",
            Suggestions = category.Suggestions,
            RuleId = null,
            Evidence = evidence,
            RootRank = input.Root?.Rank ?? (firstError is { Ranks.Count: > 0 } ? firstError.Ranks[0] : null),
        };
    }
}
