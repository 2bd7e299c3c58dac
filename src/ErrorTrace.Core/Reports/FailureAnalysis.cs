namespace ErrorTrace.Core.Reports;

/// <summary>What kind of failure this is, why the engine thinks so, and what to do about it.</summary>
public sealed record FailureAnalysis
{
    /// <summary>One of <see cref="Classification.FailureCategory"/>'s names, e.g. <c>oom_training</c>.</summary>
    public required string ErrorType { get; init; }

    /// <summary>initialization, data_loading, training, evaluation, checkpointing, monitoring or unknown.</summary>
    public required string ErrorPhase { get; init; }

    public required string Description { get; init; }

    /// <summary><c>high</c>, <c>medium</c> or <c>low</c>.</summary>
    public required string Confidence { get; init; }

    /// <summary>A reader acts on the first few: the CLI, the Markdown report and the panel show this many and put the rest
    /// behind "more".</summary>
    public const int ShownSuggestions = 3;

    /// <summary>Every suggestion that fits the evidence, most useful first (the first <see cref="ShownSuggestions"/> are the
    /// ones to show). One list, not two, so that consumers of the seed's report keep getting all of them.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>The id of the classification rule that decided, or null for the fallback.</summary>
    public string? RuleId { get; init; }

    public IReadOnlyList<EvidenceLine> Evidence { get; init; } = [];

    public int? RootRank { get; init; }
}
