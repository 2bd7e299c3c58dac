using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>What a rule matched: the evidence, and what phase inference needs.</summary>
/// <param name="Frames">The frames of the matched exception (empty for entries and the summary).</param>
/// <param name="RecordPhase">The log record's phase of what matched (<c>SFT</c>, <c>Eval</c>), if any.</param>
internal sealed record RuleMatch(
    ClassificationRule Rule,
    IReadOnlyList<EvidenceLine> Evidence,
    IReadOnlyList<TracebackFrame> Frames,
    string? RecordPhase,
    int? Rank);
