using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>Runs one rule against the input and, when it holds, gathers the evidence.</summary>
internal static class RuleMatcher
{
    public static RuleMatch? Match(ClassificationRule rule, ClassificationContext context) => rule.Target switch
    {
        RuleTarget.Root => MatchViews(rule, context.RootViews, context.Input),
        RuleTarget.Failures => MatchViews(rule, context.OtherFailureViews, context.Input),
        RuleTarget.Errors => MatchErrors(rule, context.Input),
        RuleTarget.Summary => MatchSummary(rule, context.Input.ErrorSummary),
        _ => null,
    };

    private static RuleMatch? MatchViews(ClassificationRule rule, IReadOnlyList<FailureView> views, ClassificationInput input)
    {
        foreach (var view in views)
        {
            if (!rule.Conditions.Matches(view, out var messageIndex)) continue;

            var evidence = new List<EvidenceLine>();
            Evidence.AddView(evidence, view, messageIndex);

            // Log entries saying the same thing ("Training failed with error: CUDA out of memory") corroborate it.
            if (rule.Conditions.Message is { } message)
            {
                foreach (var entry in input.Errors)
                {
                    if (evidence.Count >= Evidence.MaxLines) break;
                    if (rule.Conditions.Levels.Contains(entry.Level) && message.Find(entry.Message) >= 0)
                        Evidence.AddEntry(evidence, entry);
                }
            }

            var frames = view.Frames.Count > 0 || input.Root is null ? view.Frames : input.Root.Frames;
            return new RuleMatch(rule, evidence, frames, view.Phase, view.Rank);
        }

        return null;
    }

    private static RuleMatch? MatchErrors(ClassificationRule rule, ClassificationInput input)
    {
        if (rule.Conditions.NoRoot && input.Root is not null) return null;
        List<EvidenceLine>? evidence = null;
        ErrorEntry? first = null;
        foreach (var entry in input.Errors)
        {
            if (!rule.Conditions.Matches(entry)) continue;
            first ??= entry;
            evidence ??= [];
            Evidence.AddEntry(evidence, entry);
            if (evidence.Count >= Evidence.MaxLines) break;
        }

        if (first is null || evidence is null) return null;
        int? rank = first.Ranks.Count > 0 ? first.Ranks[0] : null;
        return new RuleMatch(rule, evidence, [], first.Phase, rank);
    }

    private static RuleMatch? MatchSummary(ClassificationRule rule, string? summary)
    {
        if (string.IsNullOrWhiteSpace(summary) || !rule.Conditions.MatchesText(summary)) return null;
        var evidence = new List<EvidenceLine>();
        Evidence.Add(evidence, Evidence.NotInLog, "error_summary: " + Evidence.FirstLine(summary));
        return new RuleMatch(rule, evidence, [], null, null);
    }
}
