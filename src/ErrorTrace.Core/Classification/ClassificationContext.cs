using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>The input with its failures expanded once, shared by every rule, signal and suggestion of one classification.</summary>
internal sealed class ClassificationContext
{
    private readonly Dictionary<FailureView, PhaseDecision> _phases = new(ReferenceEqualityComparer.Instance);

    // Everywhere's answer depends on the evidence alone (the input is fixed), and the phase hints ask it for every
    // failure and every error entry: without the memo, a log of 6,000 distinct errors scanned all 6,000 entries once per
    // hint per entry (minutes instead of a second).
    private readonly Dictionary<PhaseEvidence, bool> _everywhere = new(ReferenceEqualityComparer.Instance);
    private readonly int _latestLineHint;

    // Mentions' answers per matcher: a rule asks once per surface.
    private readonly Dictionary<TextMatcher, bool> _mentions = new(ReferenceEqualityComparer.Instance);

    // IsBeforeAftermath's answer for the last conditions asked: a rule asks it for every line near the death.
    private IReadOnlyList<RuleConditions>? _aftermathConditions;
    private bool? _aftermath;

    public ClassificationContext(ClassificationInput input, RuleSet rules)
    {
        Input = input;
        Rules = rules;
        RootViews = input.Root is null ? [] : FailureView.Expand(input.Root, rules.Frames);
        var others = new List<FailureView>();
        foreach (var failure in input.Failures)
        {
            // The root is in Failures too; rules on Failures are about the other ones.
            if (ReferenceEquals(failure, input.Root) || failure == input.Root) continue;
            others.AddRange(FailureView.Expand(failure, rules.Frames));
        }

        OtherFailureViews = others;
        ContextLines = OutsideFailures(input.Context, input.Failures);
        LinesBeforeDeath = Before(ContextLines, input.Root);
        _latestLineHint = rules.Phases.LatestLineHint(LinesBeforeDeath);
    }

    public ClassificationInput Input { get; }

    public RuleSet Rules { get; }

    public IReadOnlyList<FailureView> RootViews { get; }

    public IReadOnlyList<FailureView> OtherFailureViews { get; }

    /// <summary>The lines near the death that are not part of a failure's printout (a traceback's frames and code lines
    /// would otherwise be read again as loose text: a code line <c>loss = nan_to_num(loss)</c> is not a NaN loss).</summary>
    public IReadOnlyList<ContextLine> ContextLines { get; }

    /// <summary>The context lines printed before the root failure began (all of them when there is no root; none when
    /// the root began before the context, whose lines then all come after it): where the last progress bar or banner
    /// says what the job was doing.</summary>
    public IReadOnlyList<ContextLine> LinesBeforeDeath { get; }

    /// <summary>The phase the hints give one exception of a failure, computed once.</summary>
    public PhaseDecision PhaseOf(FailureView view)
    {
        if (!_phases.TryGetValue(view, out var decision))
        {
            decision = Rules.Phases.Infer(view.Frames, view.Phase, _latestLineHint, Rules.Frames, Everywhere, OtherFrames(view));
            _phases[view] = decision;
        }

        return decision;
    }

    /// <summary>The frames of the failures other than <paramref name="view"/>'s: the root's for another failure, the others'
    /// for the root (its own chain links are its own evidence, read through their views).</summary>
    private List<IReadOnlyList<TracebackFrame>> OtherFrames(FailureView view)
    {
        var others = RootViews.Contains(view) ? OtherFailureViews : RootViews;
        return [.. others.Where(v => v.Frames.Count > 0).Select(v => v.Frames)];
    }

    /// <summary>Whether a line or entry at <paramref name="line"/> was printed before the root failure began and one of
    /// <paramref name="aftermath"/> matches the root (<see cref="RuleConditions.BeforeRoot"/>).</summary>
    public bool IsBeforeAftermath(long line, IReadOnlyList<RuleConditions> aftermath)
    {
        if (Input.Root is not { FirstLine: > 0 } root || line <= 0 || line >= root.FirstLine) return false;
        if (_aftermath is null || !ReferenceEquals(_aftermathConditions, aftermath))
        {
            _aftermathConditions = aftermath;
            _aftermath = RootViews.Any(v => aftermath.Any(c => c.Matches(v, this, out _)));
        }

        return _aftermath.Value;
    }

    /// <summary>The phase of an error entry or the summary: its record phase, the lines before the death, and the log's
    /// failures' frames at half weight (<see cref="PhaseRules.OtherFailureShare"/>).</summary>
    public string PhaseOfEntry(ErrorEntry? entry) => DecisionOfEntry(entry).Phase;

    /// <summary><see cref="PhaseOfEntry"/> with the hint that decided it.</summary>
    public PhaseDecision DecisionOfEntry(ErrorEntry? entry) =>
        Rules.Phases.Infer([], entry?.Phase, _latestLineHint, Rules.Frames, Everywhere, AllFrames(), entryFrames: true);

    private List<IReadOnlyList<TracebackFrame>> AllFrames() =>
        [.. RootViews.Concat(OtherFailureViews).Where(v => v.Frames.Count > 0).Select(v => v.Frames)];

    /// <summary>Whether evidence holds anywhere in the input: any failure's frames (chains included), frame paths and
    /// messages, any record phase, any line near the death. For a phase hint's <c>unless</c> ("no training evidence at all") and
    /// <c>mentions</c> ("a vLLM worker").</summary>
    public bool Everywhere(PhaseEvidence evidence)
    {
        if (!_everywhere.TryGetValue(evidence, out var holds))
        {
            holds = HoldsAnywhere(evidence);
            _everywhere[evidence] = holds;
        }

        return holds;
    }

    private bool HoldsAnywhere(PhaseEvidence evidence)
    {
        foreach (var view in RootViews.Concat(OtherFailureViews))
        {
            if (evidence.MatchesFrames(view.Frames, Rules.Frames) || evidence.MatchesRecord(view.Phase)) return true;
            if (evidence.Mentions is { } mentions && view.Frames.Any(f => mentions.Matches(f.File))) return true;
            // The failure's own message too: an error line mirrors it only when a logger printed it again.
            if (evidence.MentionedIn(view.Message)) return true;
        }

        foreach (var entry in Input.Errors)
        {
            if (evidence.MatchesRecord(entry.Phase) || evidence.MentionedIn(entry.Message)) return true;
        }

        foreach (var line in ContextLines)
        {
            if (evidence.MatchesLine(line.Text) || evidence.MentionedIn(line.Text)) return true;
        }

        return false;
    }

    /// <summary>Whether any text the classifier read (<see cref="Texts"/>) has one of <paramref name="words"/>: a rule's
    /// <c>not_mentions</c>.</summary>
    public bool Mentions(TextMatcher words)
    {
        if (!_mentions.TryGetValue(words, out var holds))
        {
            holds = Texts().Any(words.Matches);
            _mentions[words] = holds;
        }

        return holds;
    }

    /// <summary>Every text the classifier read, for suggestions' <c>mentions</c>: exception types and messages, frame
    /// files and functions, error entries, the summary, the lines near the death.</summary>
    public IEnumerable<string> Texts()
    {
        foreach (var view in RootViews.Concat(OtherFailureViews))
        {
            yield return view.Type;
            yield return view.Message;
            foreach (var frame in view.Frames)
            {
                yield return frame.File;
                yield return frame.Function;
            }
        }

        foreach (var entry in Input.Errors) yield return entry.Message;
        if (Input.ErrorSummary is { } summary) yield return summary;
        foreach (var line in ContextLines) yield return line.Text;
    }

    private static IReadOnlyList<ContextLine> OutsideFailures(IReadOnlyList<ContextLine> lines, IReadOnlyList<TracebackInfo> failures)
    {
        if (lines.Count == 0 || failures.Count == 0) return lines;
        var spans = failures.Where(f => f.FirstLine > 0 && f.ExceptionLine > f.FirstLine).Select(f => (f.FirstLine, f.ExceptionLine)).ToList();
        return spans.Count == 0 ? lines : [.. lines.Where(l => !spans.Any(s => l.Line >= s.FirstLine && l.Line <= s.ExceptionLine))];
    }

    private static IReadOnlyList<ContextLine> Before(IReadOnlyList<ContextLine> lines, TracebackInfo? root)
    {
        if (root is null || root.FirstLine <= 0 || lines.Count == 0) return lines;
        if (lines[0].Line >= root.FirstLine) return [];
        var count = 0;
        while (count < lines.Count && lines[count].Line < root.FirstLine) count++;
        return [.. lines.Take(count)];
    }
}
