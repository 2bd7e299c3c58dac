using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>Turns a decision (a rule's, or the scoring fallback's) into the report's analysis: the phase, the suggestions
/// whose conditions the log meets, most useful first (renderers show <see cref="FailureAnalysis.ShownSuggestions"/> and put the
/// rest behind "more"), the root rank.</summary>
internal static class AnalysisBuilder
{
    public static FailureAnalysis Build(ClassificationContext context, FailureCategory category, string? ruleId, string confidence,
        string? rulePhase, string? description, IReadOnlyList<Suggestion> ruleSuggestions, SurfaceMatch? match, IReadOnlyList<EvidenceLine> evidence)
    {
        var input = context.Input;
        var phase = rulePhase ?? Inferred(context, match) ?? category.DefaultPhase;
        var suggestions = Fitting(context, phase, ruleSuggestions, category.SuggestionRules);
        ErrorEntry? firstError = input.Errors.FirstOrDefault(e => string.Equals(e.Level, "error", StringComparison.OrdinalIgnoreCase));
        return new FailureAnalysis
        {
            ErrorType = category.Name,
            ErrorPhase = phase,
            Description = description ?? category.Description,
            Confidence = confidence,
            Suggestions = suggestions,
            RuleId = ruleId,
            Evidence = evidence,
            RootRank = input.Root?.Rank ?? match?.Rank ?? (firstError is { Ranks.Count: > 0 } ? firstError.Ranks[0] : null),
        };
    }

    private static string? Inferred(ClassificationContext context, SurfaceMatch? match)
    {
        var decision = PhaseOf(context, match);
        return decision.IsKnown ? decision.Phase : null;
    }

    /// <summary>What the phase hints say about the surface a rule matched (the root's first exception when none): not known
    /// when no hint holds, and the analysis then takes its category's default phase.</summary>
    public static PhaseDecision PhaseOf(ClassificationContext context, SurfaceMatch? match)
    {
        if (match?.View is { } view) return context.PhaseOf(view);
        if (match is null && context.RootViews.Count > 0) return context.PhaseOf(context.RootViews[0]);
        return context.DecisionOfEntry(match?.Entry ?? (context.Input.Errors.Count > 0 ? context.Input.Errors[0] : null));
    }

    /// <summary>The rule's suggestions first, then the category's whose condition the log meets (they are about something
    /// the log shows), then the category's unconditional ones; a conditional one whose condition fails is never given.</summary>
    private static List<string> Fitting(ClassificationContext context, string phase, IReadOnlyList<Suggestion> rule, IReadOnlyList<Suggestion> category)
    {
        var texts = context.Texts().ToList();
        var result = new List<string>();
        void Add(Suggestion suggestion)
        {
            if (result.Contains(suggestion.Text, StringComparer.Ordinal)) return;
            if (suggestion.When is { } when && !when.Holds(texts, phase)) return;
            result.Add(suggestion.Text);
        }

        foreach (var suggestion in rule) Add(suggestion);
        foreach (var suggestion in category.Where(s => s.When is not null)) Add(suggestion);
        foreach (var suggestion in category.Where(s => s.When is null)) Add(suggestion);
        return result;
    }
}
