using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>Runs conditions (a rule's or a scoring signal's) against one surface and, when they hold, gathers the evidence.</summary>
internal static class RuleMatcher
{
    /// <summary>The rule's match on the first of its surfaces where it holds, with the confidence it has there.</summary>
    public static RuleMatch? Match(ClassificationRule rule, ClassificationContext context)
    {
        for (var i = 0; i < rule.Targets.Count; i++)
        {
            if (Match(rule.Conditions, rule.Targets[i], context) is { } surface)
                return new RuleMatch(rule, surface, i == 0 ? rule.Confidence : Confidence.OffFirstSurface(rule.Confidence, rule.Targets[i]), i == 0);
        }

        return null;
    }

    public static SurfaceMatch? Match(RuleConditions conditions, RuleTarget target, ClassificationContext context) =>
        conditions.NotMentions is { } words && context.Mentions(words) ? null : MatchSurface(conditions, target, context);

    private static SurfaceMatch? MatchSurface(RuleConditions conditions, RuleTarget target, ClassificationContext context) => target switch
    {
        RuleTarget.Root => MatchViews(conditions, target, context.RootViews, context),
        RuleTarget.Failures => MatchViews(conditions, target, context.OtherFailureViews, context),
        RuleTarget.Errors => MatchErrors(conditions, context),
        RuleTarget.Summary => MatchSummary(conditions, context),
        RuleTarget.Context => MatchContext(conditions, context),
        _ => null,
    };

    /// <summary>The first view that matches, preferring one that is not a cascade of an earlier exception of its chain.</summary>
    private static SurfaceMatch? MatchViews(RuleConditions conditions, RuleTarget target, IReadOnlyList<FailureView> views, ClassificationContext context)
    {
        (FailureView View, int Index)? cascade = null;
        foreach (var view in views)
        {
            if (!conditions.Matches(view, context, out var messageIndex)) continue;
            if (!view.IsCascade) return Build(conditions, target, view, messageIndex, context.Input);
            cascade ??= (view, messageIndex);
        }

        return cascade is { } c ? Build(conditions, target, c.View, c.Index, context.Input) : null;
    }

    private static SurfaceMatch Build(RuleConditions conditions, RuleTarget target, FailureView view, int messageIndex, ClassificationInput input)
    {
        var evidence = new List<EvidenceLine>();
        Evidence.AddView(evidence, view, messageIndex);

        // Log entries saying the same thing ("Training failed with error: CUDA out of memory") corroborate it.
        if (conditions.Message is { } message)
        {
            foreach (var entry in input.Errors)
            {
                if (evidence.Count >= Evidence.MaxLines) break;
                if (conditions.Levels.Contains(entry.Level) && message.Matches(entry.Message))
                    Evidence.AddEntry(evidence, entry);
            }
        }

        var frames = view.Frames.Count > 0 || input.Root is null ? view.Frames : input.Root.Frames;
        return new SurfaceMatch(target, evidence, frames, view, null, view.Rank);
    }

    private static SurfaceMatch? MatchErrors(RuleConditions conditions, ClassificationContext context)
    {
        var input = context.Input;
        if (conditions.NoRoot && input.Root is not null) return null;
        List<EvidenceLine>? evidence = null;
        ErrorEntry? first = null;
        foreach (var entry in input.Errors)
        {
            if (!conditions.Matches(entry, context)) continue;
            first ??= entry;
            evidence ??= [];
            Evidence.AddEntry(evidence, entry);
            if (evidence.Count >= Evidence.MaxLines) break;
        }

        if (first is null || evidence is null) return null;
        int? rank = first.Ranks.Count > 0 ? first.Ranks[0] : null;
        return new SurfaceMatch(RuleTarget.Errors, evidence, [], null, first, rank);
    }

    private static SurfaceMatch? MatchSummary(RuleConditions conditions, ClassificationContext context)
    {
        var summary = context.Input.ErrorSummary;
        if (string.IsNullOrWhiteSpace(summary) || !conditions.MatchesText(summary) || !conditions.MatchesLoosePhase(context)) return null;
        var evidence = new List<EvidenceLine>();
        Evidence.Add(evidence, Evidence.NotInLog, "error_summary: " + Evidence.FirstLine(summary));
        return new SurfaceMatch(RuleTarget.Summary, evidence, [], null, null, null);
    }

    /// <summary>The lines near the death, latest first: the line closest to the death is the best evidence.</summary>
    private static SurfaceMatch? MatchContext(RuleConditions conditions, ClassificationContext context)
    {
        if (conditions.NoRoot && context.Input.Root is not null) return null;
        var lines = context.ContextLines;
        List<EvidenceLine>? evidence = null;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (conditions.BeforeRoot is { } aftermath && !context.IsBeforeAftermath(lines[i].Line, aftermath)) continue;
            if (!conditions.MatchesText(lines[i].Text))
            {
                if (conditions.AtEnd) break;
                continue;
            }

            evidence ??= [];
            Evidence.Add(evidence, lines[i].Line, lines[i].Text.Trim());
            if (evidence.Count >= Evidence.MaxLines) break;
        }

        if (evidence is null || !conditions.MatchesLoosePhase(context)) return null;
        return new SurfaceMatch(RuleTarget.Context, evidence, [], null, null, null);
    }
}
