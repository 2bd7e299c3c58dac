using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using ErrorTrace.Core.Tracebacks;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// A Python traceback cut before its exception line: its header and frames were printed, then the printout could not go
/// on (a paste's blank line after CPython's header before the exception line, a double-spaced paste, another writer's
/// line). It says where the process was, not what failed; an exception line printed alone a few lines after it, in the
/// same stream, is its exception: CPython prints the exception line right after the innermost frame, so the root is that
/// exception with the cut printout's frames. Never the other way round: an exception line before a traceback ends an
/// earlier printout (its frames cut off above an excerpt), and the traceback after it is another failure (the launcher's
/// re-raise, a later exception).
/// </summary>
internal static class CutTracebacks
{
    /// <summary>The most lines between a cut printout's last line and an exception line still read as one printout: a
    /// paste's blank line or two, a double-spaced paste's blank line after a source line the printout did not take.</summary>
    public const int MaxGapLines = 4;

    /// <summary>A Python printout with no exception line, nothing chained before it: its frames (none left, as a root,
    /// when its only frame line was cut: <see cref="WithoutCutFrameLine"/>).</summary>
    public static bool IsCut(TracebackInfo failure) =>
        failure is { Kind: "python", ExceptionType.Length: 0, Chain.Count: 0, SubExceptions.Count: 0 };

    /// <summary>An exception line printed without a traceback or a chain.</summary>
    private static bool IsBare(TracebackInfo failure) =>
        failure is { Kind: "python", ExceptionType.Length: > 0, Frames.Count: 0, Chain.Count: 0, SubExceptions.Count: 0 };

    /// <summary>The root with the frames of the cut printout just before it, when the root is a bare exception line of the
    /// same stream; else the root unchanged.</summary>
    public static TracebackInfo Attach(TracebackInfo root, List<TracebackInfo> failures)
    {
        if (!IsBare(root)) return root;
        var index = failures.IndexOf(root);
        if (index < 0) return root;
        // Only a neighbour in print order: a failure in between would be what the cut printout was cut by.
        if (index > 0 && failures[index - 1] is { } before && IsCut(before) && before.Rank == root.Rank
            && root.FirstLine - LastLine(before) is > 0 and <= MaxGapLines)
        {
            var raw = before.Raw + "\n" + root.Raw;
            return root with { Frames = before.Frames, FirstLine = before.FirstLine, Raw = raw.Length <= EngineLimits.MaxRawChars ? raw : root.Raw };
        }

        return root;
    }

    /// <summary>The root of a log whose only evidence is a traceback cut before its exception line (a paste that stops
    /// mid-traceback, a log cut while CPython was printing): it does not say what failed, but where the process was, and
    /// its last complete frame is the innermost the report can give (a last frame line cut before its function name
    /// ended is none: <see cref="CutFrameLine"/>). The first such printout in print order, as for any root; its type
    /// stays empty. Null when no failure is a cut printout.</summary>
    public static TracebackInfo? Alone(List<TracebackInfo> failures)
    {
        foreach (var failure in failures)
        {
            if (IsCut(failure) && !IsAnomalyForwardTrace(failure)) return WithoutCutFrameLine(failure);
        }

        return null;
    }

    private static TracebackInfo WithoutCutFrameLine(TracebackInfo cut)
    {
        var frames = cut.Frames;
        var caller = frames.Count > 1 ? frames[^2].Code : null;
        return frames.Count > 0 && CutFrameLine.IsCut(frames[^1], caller) ? cut with { Frames = frames.Take(frames.Count - 1).ToArray() } : cut;
    }

    /// <summary>
    /// A traceback cut before its exception line is the root only when nothing else says what failed (the corpus
    /// convention): a line the rules call fatal (a watchdog's collective timeout, a launcher's hangup, argparse's error),
    /// printed before the cut printout and the analysis' first evidence, is the death, and the printout its aftermath (the
    /// main thread's stack as the process went down), whose frames are not the root's. A line the rules do not call fatal
    /// (a warning about NaN, an allocator's record that a caught error follows) leaves the printout the root: it says
    /// where the process was.
    /// </summary>
    public static bool YieldsToFatalLine(TracebackInfo cut, FailureAnalysis analysis, RuleSet rules)
    {
        if (!rules.IsFatal(analysis.RuleId)) return false;
        foreach (var evidence in analysis.Evidence)
        {
            if (evidence.Line != Evidence.NotInLog) return evidence.Line < cut.FirstLine;
        }

        return false;
    }

    /// <summary>PyTorch's anomaly mode warns 'Error detected in PowBackward0. Traceback of forward call that caused the
    /// error:' and prints the forward call's frames, closed by its own line ('(Triggered internally at
    /// ../torch/csrc/autograd/python_anomaly_mode.cpp:102.)', older releases '(function _print_stack)'): a warning's
    /// frames, printed with no exception line by design, not a failure cut short.</summary>
    private static bool IsAnomalyForwardTrace(TracebackInfo failure) =>
        failure.Raw.Contains("python_anomaly_mode", StringComparison.Ordinal)
        || failure.Raw.Contains("(function _print_stack)", StringComparison.Ordinal);

    /// <summary>The line a failure's printout ended on: its raw text holds one line per log line read.</summary>
    private static long LastLine(TracebackInfo failure)
    {
        var newlines = 0;
        foreach (var c in failure.Raw)
        {
            if (c == '\n') newlines++;
        }

        return failure.FirstLine + newlines;
    }
}
