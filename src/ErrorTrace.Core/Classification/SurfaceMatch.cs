using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>What a rule's or a scoring signal's conditions matched on one surface: the evidence, and what phase
/// inference needs.</summary>
/// <param name="Frames">The frames of the matched exception (empty for entries, the summary and context lines).</param>
/// <param name="View">The matched exception, when a failure matched.</param>
/// <param name="Entry">The first matched entry, when entries matched.</param>
internal sealed record SurfaceMatch(
    RuleTarget Target,
    IReadOnlyList<EvidenceLine> Evidence,
    IReadOnlyList<TracebackFrame> Frames,
    FailureView? View,
    ErrorEntry? Entry,
    int? Rank);
