using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// One exception of a failure as the rules see it. A failure expands to itself, its sub-exceptions
/// and its chain (closest cause first), so a rule matches a CUDA OOM wrapped in
/// <c>RuntimeError("Training failed")</c> as well as a bare one, and an <c>ImportError</c> under
/// <c>RuntimeError: Failed to import …</c>.
/// </summary>
/// <param name="Line">The log line of the exception line, for evidence; 0 when unknown.</param>
/// <param name="RaisedInApp">Whether the innermost frame is the job's own code (<see cref="InAppRules"/>); null without frames.</param>
/// <param name="Module">The <see cref="FrameModule"/> of the innermost frame when it is library code: where a library raised it.</param>
/// <param name="AppCode">The source line of the innermost frame of the job's own code, as printed: the call that led into
/// the library that raised (<c>config = json.load(f)</c>), or the failing line itself when the job's code raised; null
/// when no frame of the job's code shows one.</param>
/// <param name="IsCascade">Raised while handling an earlier exception of the chain ("During handling of the above exception,
/// another exception occurred"): a NameError in a finally block, a cleanup that failed. The earlier one is the root
/// cause, so a rule matching it beats any rule matching a cascade. A wrapper raised "from" its cause is not a cascade:
/// it restates the cause.</param>
internal sealed record FailureView(
    string Type,
    string Message,
    IReadOnlyList<TracebackFrame> Frames,
    string Kind,
    string? Phase,
    long Line,
    int? Rank,
    bool? RaisedInApp,
    string? Module,
    string? AppCode,
    bool IsCascade = false)
{
    public static IReadOnlyList<FailureView> Expand(TracebackInfo failure, InAppRules inApp)
    {
        var views = new List<FailureView>();
        Add(failure, views, inApp, depth: 0);
        return views;
    }

    private static void Add(TracebackInfo failure, List<FailureView> views, InAppRules inApp, int depth)
    {
        // Chain links are in print order; each one's relation says how it leads to the next. Everything printed after a
        // "during handling" link happened while handling it.
        var firstContext = -1;
        for (var i = 0; i < failure.Chain.Count && firstContext < 0; i++)
        {
            if (failure.Chain[i].Relation == "context") firstContext = i;
        }

        var (raisedInApp, module, appCode) = Origin(failure.Frames, inApp);
        views.Add(new FailureView(failure.ExceptionType, failure.ExceptionMessage, failure.Frames, failure.Kind,
            failure.Phase, failure.ExceptionLine, failure.Rank, raisedInApp, module, appCode, IsCascade: firstContext >= 0));

        // Exception groups nest; a bound keeps a pathological report from recursing without end.
        if (depth < 8)
        {
            foreach (var sub in failure.SubExceptions) Add(sub, views, inApp, depth + 1);
        }

        // A chain link has no line of its own in the report; the traceback's first line is where it was printed.
        for (var i = failure.Chain.Count - 1; i >= 0; i--)
        {
            var link = failure.Chain[i];
            var (linkInApp, linkModule, linkCode) = Origin(link.Frames, inApp);
            views.Add(new FailureView(link.ExceptionType, link.ExceptionMessage, link.Frames, "python", failure.Phase,
                failure.FirstLine, failure.Rank, linkInApp, linkModule, linkCode, IsCascade: firstContext >= 0 && i > firstContext));
        }
    }

    /// <summary>Where the frames say it was raised, in one walk from the innermost frame (each frame's
    /// <see cref="InAppRules.IsInApp"/> asked once): whether the innermost frame is the job's own code (null without
    /// frames), its <see cref="FrameModule"/> when it is library code, and the source line of the innermost frame of the
    /// job's code (null when no such frame shows one).</summary>
    private static (bool? RaisedInApp, string? Module, string? AppCode) Origin(IReadOnlyList<TracebackFrame> frames, InAppRules inApp)
    {
        for (var i = frames.Count - 1; i >= 0; i--)
        {
            if (!inApp.IsInApp(frames[i].File)) continue;
            var code = string.IsNullOrEmpty(frames[i].Code) ? null : frames[i].Code;
            return i == frames.Count - 1 ? (true, null, code) : (false, FrameModule.Of(frames[^1].File), code);
        }

        return frames.Count == 0 ? (null, null, null) : (false, FrameModule.Of(frames[^1].File), null);
    }
}
