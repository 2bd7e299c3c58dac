using System.Collections.Frozen;
using System.Text.RegularExpressions;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>What places a failure in a phase; any part may hold. Compiled from a <see cref="PhaseMatchDocument"/>.</summary>
internal sealed class PhaseEvidence
{
    public FrameMatcher? Frames { get; init; }

    /// <summary>Modules of any library frame on the stack (<c>vllm</c>, <c>lightning/pytorch/loops</c>).</summary>
    public ModuleMatcher? Modules { get; init; }

    public FrozenSet<string>? Records { get; init; }

    /// <summary>Lines printed before the death (progress bars, banners).</summary>
    public TextMatcher? Lines { get; init; }

    /// <summary>Any line near the death, error line, failure message or frame path (the whole program's evidence).</summary>
    public TextMatcher? Mentions { get; init; }

    /// <summary>A call in the innermost frame's source line (<c>\bname\s*\(</c>).</summary>
    public Regex? Calls { get; init; }

    /// <summary>The failing allocation of an out-of-memory message is at least this share of the device (<see cref="OomAllocation"/>).</summary>
    public double? AllocationShare { get; init; }

    public bool IsEmpty => Frames is null && Modules is null && Records is null && Lines is null && Mentions is null && Calls is null &&
        AllocationShare is null;

    /// <summary>Evidence about the whole program or the failure's own message rather than the moment of the death: it is
    /// looked for anywhere in the input (<see cref="ClassificationContext.Everywhere"/>).</summary>
    public bool IsProgramWide => Mentions is not null || AllocationShare is not null;

    /// <exception cref="ArgumentException">A bad pattern.</exception>
    public static PhaseEvidence Create(PhaseMatchDocument? document, string field) => document is null
        ? new PhaseEvidence()
        : new PhaseEvidence
        {
            Frames = FrameMatcher.Create(document.Frames, document.FrameRegex, field + ".frames"),
            Modules = ModuleMatcher.Create(document.Modules, field + ".modules"),
            Records = document.Records is { Count: > 0 } r ? r.ToFrozenSet(StringComparer.OrdinalIgnoreCase) : null,
            Lines = TextMatcher.Create(document.Lines, document.LinesRegex, field + ".lines"),
            Mentions = TextMatcher.Create(document.Mentions, document.MentionsRegex, field + ".mentions"),
            Calls = document.Calls is { Count: > 0 } calls
                ? RegexFactory.Combine([.. calls.Select(c => $@"(^|[^\w]){Regex.Escape(c)}\s*\(")], field + ".calls")
                : null,
            AllocationShare = document.AllocationShare is { } share && (!double.IsFinite(share) || share <= 0 || share > 1)
                ? throw new ArgumentException($"{field}.allocation_share {share} must be a share of the device, above 0 and at most 1")
                : document.AllocationShare,
        };

    public bool MatchesFrames(IReadOnlyList<TracebackFrame> frames, InAppRules inApp)
    {
        if (Frames is not null && Frames.FindInnermost(frames) >= 0) return true;
        if (Calls is not null && frames.Count > 0 && frames[^1].Code is { } code && RegexFactory.FirstMatch(Calls, code) >= 0) return true;
        if (Modules is null) return false;
        foreach (var frame in frames)
        {
            if (!inApp.IsInApp(frame.File) && Modules.Matches(FrameModule.Of(frame.File))) return true;
        }

        return false;
    }

    public bool MatchesRecord(string? recordPhase) => recordPhase is not null && Records is not null && Records.Contains(recordPhase);

    public bool MatchesLine(string line) => Lines is not null && Lines.Matches(line);

    /// <summary>A text anywhere in the input (a line, an error entry, a failure's message) that <see cref="Mentions"/> or
    /// <see cref="AllocationShare"/> reads.</summary>
    public bool MentionedIn(string? text) =>
        (Mentions is not null && Mentions.Matches(text)) ||
        (AllocationShare is { } share && OomAllocation.ShareOfDevice(text) >= share);
}
