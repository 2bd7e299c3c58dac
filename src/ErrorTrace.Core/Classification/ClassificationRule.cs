namespace ErrorTrace.Core.Classification;

/// <summary>One named, ordered classification rule: the first rule whose conditions hold decides.</summary>
internal sealed class ClassificationRule
{
    public required string Id { get; init; }

    /// <summary>Why the rule exists and what it trades off; for maintainers, not for reports.</summary>
    public string? Comment { get; init; }

    public required string Category { get; init; }

    /// <summary>The error phase to report, when the rule knows it better than the frames do.</summary>
    public string? Phase { get; init; }

    /// <summary><c>high</c>, <c>medium</c> or <c>low</c>.</summary>
    public required string Confidence { get; init; }

    /// <summary>The surfaces the rule reads, in order; off the first, the confidence is at most medium (low on the summary).</summary>
    public IReadOnlyList<RuleTarget> Targets { get; init; } = [RuleTarget.Root];

    /// <summary>Replaces the category's description when the rule knows more (e.g. "missing chat template").</summary>
    public string? Description { get; init; }

    /// <summary>Given before the category's suggestions, each when its condition holds.</summary>
    public IReadOnlyList<Suggestion> Suggestions { get; init; } = [];

    public required RuleConditions Conditions { get; init; }

    /// <summary>Rules on errors only. The line it matches means the process died (an NCCL watchdog's timeout, the kernel's
    /// OOM kill, "Segmentation fault" logged as a line), so when the log shows no traceback or death of its own, the
    /// job is still reported failed and the line is its summary. Without it, an error line is evidence for the category
    /// but not proof of failure: a logged data or template error may be one skipped sample.</summary>
    public bool Fatal { get; init; }

    public override string ToString() => Id;
}
