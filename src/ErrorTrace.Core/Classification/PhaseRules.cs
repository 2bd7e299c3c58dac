using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// Decides <c>error_phase</c> from the rules file's phase hints as a scored comparison: every hint whose evidence holds
/// (and whose <c>unless</c> does not) adds its <c>weight</c> to its phase, and the phase with the highest total wins; a tie
/// goes to the phase whose first holding hint comes first in the file. The weights encode which evidence is narrower: a
/// failure inside <c>_save_checkpoint</c> called from <c>train</c> is checkpointing, <c>evaluate</c> called from
/// <c>train</c> is evaluation, so a narrow frame outweighs the broad training loop and the last progress bar together;
/// evidence about the whole program (an inference-only script or stack, no training anywhere) outweighs model loading,
/// so an OOM while a generation script loads its model is evaluation. A hint's <c>lines</c> hold only for the latest line
/// before the death that any hint's <c>lines</c> match: a validation bar followed by the next epoch's training bar is
/// training. When the failure's own frames place it nowhere (a traceback cut above the model's forward; not a failure
/// without frames, whose phase the lines and records give), the frames of the
/// log's other failures (the same job's second traceback, another rank's) count at <see cref="OtherFailureShare"/> of the
/// weight: they show what the job was doing, less surely. Not when its own frames say something: with evaluation on rank 0
/// only, the other ranks wait in the next training step's backward. An error line or the summary (no frames of its own)
/// is placed the same way by the log's failures' frames (<c>entryFrames</c>): a logger's 'Exception in main training loop:
/// … out of memory' printed above a traceback through <c>evaluate</c> whose exception line the paste cut.
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

    /// <summary>What the frames of the log's other failures are worth against the failure's own: a cut traceback whose
    /// frames stop at a model's forward can still be placed by the job's next traceback through <c>__val</c>.</summary>
    public const double OtherFailureShare = 0.5;

    /// <param name="frames">The failure's frames (empty for an error entry or the summary).</param>
    /// <param name="recordPhase">The phase tag of the record that printed it.</param>
    /// <param name="latestLineHint">From <see cref="LatestLineHint"/>.</param>
    /// <param name="everywhere">Tells whether evidence holds anywhere in the input (an <c>unless</c>, a hint's <c>mentions</c>).</param>
    /// <param name="otherFrames">The frames of the log's other failures (see <see cref="OtherFailureShare"/>).</param>
    /// <param name="entryFrames">The failure is an error entry or the summary: <paramref name="otherFrames"/> count although
    /// it has no frames (a frameless failure's own phase is otherwise its lines' and records').</param>
    public PhaseDecision Infer(IReadOnlyList<TracebackFrame> frames, string? recordPhase, int latestLineHint, InAppRules inApp,
        Func<PhaseEvidence, bool> everywhere, IReadOnlyList<IReadOnlyList<TracebackFrame>>? otherFrames = null, bool entryFrames = false)
    {
        var phases = ErrorPhase.All;
        Span<double> totals = stackalloc double[phases.Count];
        Span<int> firstHint = stackalloc int[phases.Count];
        firstHint.Fill(int.MaxValue);
        if (otherFrames is not null && ((frames.Count == 0 && !entryFrames) || OwnFramesSpeak(frames, inApp))) otherFrames = null;
        for (var h = 0; h < Hints.Count; h++)
        {
            var hint = Hints[h];
            var share = h == latestLineHint || hint.Match.MatchesRecord(recordPhase) || hint.Match.MatchesFrames(frames, inApp) ||
                (hint.Match.IsProgramWide && everywhere(hint.Match))
                ? 1.0
                : OnOtherFailures(hint.Match, otherFrames, inApp) ? OtherFailureShare : 0;
            if (share == 0 || (hint.Unless is { } unless && everywhere(unless))) continue;
            var p = IndexOf(phases, hint.Phase);
            totals[p] += share * hint.Weight;
            firstHint[p] = Math.Min(firstHint[p], h);
        }

        var best = -1;
        for (var p = 0; p < phases.Count; p++)
        {
            if (totals[p] <= 0) continue;
            if (best < 0 || totals[p] > totals[best] || (totals[p] == totals[best] && firstHint[p] < firstHint[best])) best = p;
        }

        return best < 0 ? PhaseDecision.None : new PhaseDecision(phases[best], Hints[firstHint[best]].Id);
    }

    private bool OwnFramesSpeak(IReadOnlyList<TracebackFrame> frames, InAppRules inApp)
    {
        foreach (var hint in Hints)
        {
            if (hint.Match.MatchesFrames(frames, inApp)) return true;
        }

        return false;
    }

    private static bool OnOtherFailures(PhaseEvidence match, IReadOnlyList<IReadOnlyList<TracebackFrame>>? otherFrames, InAppRules inApp)
    {
        if (otherFrames is null) return false;
        foreach (var frames in otherFrames)
        {
            if (match.MatchesFrames(frames, inApp)) return true;
        }

        return false;
    }

    private static int IndexOf(IReadOnlyList<string> phases, string phase)
    {
        for (var i = 0; i < phases.Count; i++)
        {
            if (string.Equals(phases[i], phase, StringComparison.Ordinal)) return i;
        }

        throw new ArgumentOutOfRangeException(nameof(phase), phase, "not an error phase");
    }
}
