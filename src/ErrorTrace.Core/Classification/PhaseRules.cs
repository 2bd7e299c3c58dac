using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// Decides <c>error_phase</c> from the rules file's ordered hints: the first hint whose evidence holds (and whose
/// <c>unless</c> does not) gives the phase. Rows are tried in order, not frames: a failure inside <c>_save_checkpoint</c>
/// called from <c>train</c> is checkpointing, so the narrow phases come before the broad ones. A hint's <c>lines</c> hold
/// only for the latest line before the death that any hint's <c>lines</c> match: a validation bar followed by the next
/// epoch's training bar is training.
/// </summary>
internal sealed class PhaseRules
{
    public PhaseRules(IReadOnlyList<PhaseHint> hints) => Hints = hints;

    public static PhaseRules None { get; } = new([]);

    public IReadOnlyList<PhaseHint> Hints { get; }

    /// <summary>The user's hints before <paramref name="defaults"/>' ones.</summary>
    public PhaseRules Prepend(IReadOnlyList<PhaseHint> hints) => hints.Count == 0 ? this : new PhaseRules([.. hints, .. Hints]);

    /// <summary>The index of the hint whose <c>lines</c> match the latest of <paramref name="linesBefore"/>, or -1.</summary>
    public int LatestLineHint(IReadOnlyList<ContextLine> linesBefore)
    {
        for (var i = linesBefore.Count - 1; i >= 0; i--)
        {
            for (var h = 0; h < Hints.Count; h++)
            {
                if (Hints[h].Match.MatchesLine(linesBefore[i].Text)) return h;
            }
        }

        return -1;
    }

    /// <param name="frames">The failure's frames (empty for an error entry or the summary).</param>
    /// <param name="recordPhase">The phase tag of the record that printed it.</param>
    /// <param name="latestLineHint">From <see cref="LatestLineHint"/>.</param>
    /// <param name="everywhere">Tells whether evidence holds anywhere in the input (an <c>unless</c>, a hint's <c>mentions</c>).</param>
    public PhaseDecision Infer(IReadOnlyList<TracebackFrame> frames, string? recordPhase, int latestLineHint, InAppRules inApp,
        Func<PhaseEvidence, bool> everywhere)
    {
        for (var h = 0; h < Hints.Count; h++)
        {
            var hint = Hints[h];
            var holds = h == latestLineHint || hint.Match.MatchesRecord(recordPhase) || hint.Match.MatchesFrames(frames, inApp) ||
                (hint.Match.Mentions is not null && everywhere(hint.Match));
            if (!holds || (hint.Unless is { } unless && everywhere(unless))) continue;
            return new PhaseDecision(hint.Phase, hint.Id);
        }

        return PhaseDecision.None;
    }
}
