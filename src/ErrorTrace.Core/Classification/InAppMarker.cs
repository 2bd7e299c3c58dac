using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>Sets each frame's <see cref="TracebackFrame.InApp"/> from <see cref="InAppRules"/> when the report is made, so
/// the report says once, for every reader, which frames are the job's own: a traceback's, its chain's, its
/// sub-exceptions' and the worker traceback its message quotes (<see cref="TracebackInfo.Original"/>). Frames are in-app until marked; only what
/// changes is copied.</summary>
internal static class InAppMarker
{
    /// <summary>Marks every failure of a report in place.</summary>
    public static void MarkAll(List<TracebackInfo> failures, InAppRules rules)
    {
        for (var i = 0; i < failures.Count; i++) failures[i] = Mark(failures[i], rules);
    }

    public static TracebackInfo Mark(TracebackInfo failure, InAppRules rules)
    {
        var frames = Mark(failure.Frames, rules);
        ChainLink[]? chain = null;
        for (var i = 0; i < failure.Chain.Count; i++)
        {
            var link = failure.Chain[i];
            var marked = Mark(link.Frames, rules);
            if (ReferenceEquals(marked, link.Frames)) continue;
            chain ??= [.. failure.Chain];
            chain[i] = link with { Frames = marked };
        }

        TracebackInfo[]? subs = null;
        for (var i = 0; i < failure.SubExceptions.Count; i++)
        {
            var sub = failure.SubExceptions[i];
            var marked = Mark(sub, rules);
            if (ReferenceEquals(marked, sub)) continue;
            subs ??= [.. failure.SubExceptions];
            subs[i] = marked;
        }

        // A worker's exception quoted by its re-raise (DataLoader's "Original Traceback"): its frames are the same kind.
        WorkerFailure? original = null;
        if (failure.Original is { } quoted)
        {
            var marked = Mark(quoted.Frames, rules);
            if (!ReferenceEquals(marked, quoted.Frames)) original = quoted with { Frames = marked };
        }

        if (ReferenceEquals(frames, failure.Frames) && chain is null && subs is null && original is null) return failure;
        return failure with
        {
            Frames = frames,
            Chain = chain ?? failure.Chain,
            SubExceptions = subs ?? failure.SubExceptions,
            Original = original ?? failure.Original,
        };
    }

    /// <summary>The same list when nothing changes (no library frame, or already marked).</summary>
    private static IReadOnlyList<TracebackFrame> Mark(IReadOnlyList<TracebackFrame> frames, InAppRules rules)
    {
        TracebackFrame[]? copy = null;
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            var inApp = rules.IsInApp(frame.File);
            if (inApp == frame.InApp) continue;
            copy ??= [.. frames];
            copy[i] = frame with { InApp = inApp };
        }

        return copy ?? frames;
    }
}
