using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>What the engine found, handed to an <see cref="IFailureClassifier"/> once the log has been read.</summary>
/// <param name="Root">The root-cause failure (the first real one, not its cascade), or null when none was found.</param>
/// <param name="Failures">Every distinct failure in order of first appearance, the root among them; cascades are marked <see cref="TracebackInfo.Secondary"/>.</param>
/// <param name="Errors">The deduplicated error and warning entries.</param>
/// <param name="ErrorSummary">The jobs database's short summary ("Training timed out - no progress updates for 30 minutes"), when known.</param>
public sealed record ClassificationInput(
    TracebackInfo? Root,
    IReadOnlyList<TracebackInfo> Failures,
    IReadOnlyList<ErrorEntry> Errors,
    string? ErrorSummary)
{
    /// <summary>The log's last lines, in order (<see cref="Analysis.EngineLimits"/> bounds them): the progress bar or banner
    /// printed before the death, memory figures, a <c>loss=nan</c> bar, a bare <c>Killed</c>. Empty when unknown.</summary>
    public IReadOnlyList<ContextLine> Context { get; init; } = [];
}
