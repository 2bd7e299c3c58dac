using System.Runtime.CompilerServices;
using ErrorTrace.Core.Envelopes;
using ErrorTrace.Core.Grouping;
using ErrorTrace.Core.Input;
using ErrorTrace.Core.Markers;
using ErrorTrace.Core.Records;
using ErrorTrace.Core.Reports;
using ErrorTrace.Core.Tracebacks;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// Lines that are not records, outside the gate's shortcut: the open block's continuation, blank lines, blocks that
/// open (tracebacks, crash dumps), records' continuation lines and the markers (deaths, errors, warnings).
/// </summary>
public sealed partial class LogAnalyzer
{
    /// <summary>CPython's default <c>sys.unraisablehook</c> (<c>Python/errors.c</c>, <c>write_unraisable_exc_file</c>) prints
    /// <c>Exception ignored in: {obj!r}</c> (or another <c>Exception ignored …</c> context) before the traceback.</summary>
    private static ReadOnlySpan<byte> UnraisableBanner => "Exception ignored"u8;

    /// <summary>Python 3.10 and older: an exit handler's exception, printed after the program's own end
    /// (3.11 prints it as <c>Exception ignored in atexit callback: …</c>).</summary>
    private static ReadOnlySpan<byte> AtExitBanner => "Error in atexit._run_exitfuncs:"u8;

    private void OnUnstructured(StreamState stream, ReadOnlySpan<byte> bytes, ReadOnlySpan<char> line, long lineNumber)
    {
        // Where a range read on its own could differ from one pass (RangeSplit): a new group's continuation.
        if (stream.ContinuationTarget is { } used) _errors.NoteTargetUsed(used);
        var idle = stream.IsIdle;
        line = PastedMarkdown.Strip(line);
        if (!_readingFlattened && FlattenedTraceback.MayBe(line) && ReadFlattened(stream, line, lineNumber)) return;
        if (!_readingFlattened && JsonEscapedTraceback.MayBe(line) && ReadJsonEscaped(stream, line, lineNumber)) return;
        if (RunBanners.Match(line) is { } banner)
        {
            // A new run's banner ends whatever the last run left open (an exception message's continuation lines).
            CloseActive(stream);
            StartRun(banner, lineNumber);
        }

        if (stream.Active is { } active)
        {
            if (active.TryContinue(line, lineNumber) || TryContinueChainInIPython(stream, active, line, lineNumber)) return;
            CloseActive(stream);
        }

        var blank = line.IsWhiteSpace();
        if (blank)
        {
            stream.EndMessage();
            stream.PreviousBlock.CopyFrom(stream.CurrentBlock);
            stream.CurrentBlock.Clear();
            return;
        }

        if (TryOpenBlock(stream, line, lineNumber))
        {
            stream.EndMessage();
            return;
        }

        stream.CurrentBlock.Add(bytes, lineNumber);
        if (stream.PendingRecord is { } pending)
        {
            stream.PendingRecord = null;
            if (!ProgressBarLine.Matches(line))
            {
                stream.ContinuationTarget = _errors.Record(pending.Level, "record", pending.Logger, pending.Phase, line.Trim(), pending.LineNumber, stream.Rank, pending.Timestamp);
                return;
            }
        }

        if (stream.ContinuationTarget is { } target)
        {
            // A shell's "Killed" or "Aborted (core dumped)" after an error's message is the process's death, not more
            // of the message; so is an exception line at column 0 its failure (NCCL's WARN lines, then the
            // RuntimeError the process died of), unless the message quotes a traceback that the line ends (DataLoader's
            // "Original Traceback").
            if (!ProgressBarLine.Matches(line) && !MayBeShellDeath(line) && !EndsMessageAsFailure(target, line) && !SlurmReport.Starts(line)
                && target.TryAppendContinuation(line))
            {
                // An error's message can go on to the death it reports: DeepSpeed's launcher record prints the child's
                // whole command line, wrapped, then "] exits with return code = -9" on the last row; Paddle's "FatalError:
                // `Segmentation fault` is detected" is followed by its "[SignalInfo: *** SIGSEGV … received by PID"; a
                // ChildFailedError table row reads "exitcode: -9". The trade-off: a bare "DataLoader worker is killed"
                // line followed by the kernel's OOM-killer line is rooted at the kernel's death, not the exception.
                if (target.Level >= LogLevel.Error && LineMarkers.Match(line, deathsOnly: true) is { } death) RecordDeath(stream, death, line.Trim(), lineNumber);
                return;
            }

            stream.ContinuationTarget = null;
        }

        if (LineMarkers.Match(line, deathsOnly: false) is { } hit)
        {
            var source = hit.Kind == MarkerKind.Warning ? "warning" : "marker";
            var level = hit.Kind == MarkerKind.Warning ? LogLevel.Warning : LogLevel.Error;
            if (hit.Kind == MarkerKind.Warning)
            {
                stream.ContinuationTarget = _errors.Record(level, source, default, default, line.Trim(), lineNumber, stream.Rank, stream.LastTimestamp);
            }
            else
            {
                // A death or error glued to a progress bar: the report is the words after the bar, the bar's count its context.
                var report = CutGlued(line.Trim(), hit, out var progress);
                // glog's banner says only that a CHECK failed; the line before it says which.
                if (ReferenceEquals(hit.Marker, GlogCheckFailure.Marker) && GlogCheckFailure.CheckText(stream.CurrentBlock.LineNumbered(lineNumber - 1)) is { } check)
                    report = check;
                var entry = progress is null ? report : $"{report} (at {progress})";
                stream.ContinuationTarget = _errors.Record(level, source, default, default, entry, lineNumber, stream.Rank, stream.LastTimestamp);
                if (hit.Kind == MarkerKind.Death) RecordDeath(stream, hit, report, lineNumber, progress: progress);
            }

            if (hit.Kind == MarkerKind.Error && MarkerMatchers.ExceptionLine(hit.Marker, line.Trim()) is not null)
                RecordBareException(stream, line.Trim(), lineNumber);
            // A warning's next line is its source line, not more message.
            if (hit.Kind == MarkerKind.Warning)
            {
                stream.ContinuationTarget = null;
                // Read outside any block, this exact line will always end here again: one more count of this group.
                if (idle && _errors.LastCounted is { } group) _repeatedWarnings.Remember(bytes, group);
            }
        }
    }

    /// <summary>The lines of a flattened printout being read (<see cref="FlattenedTraceback"/>): they are never flattened.</summary>
    private bool _readingFlattened;

    /// <summary>A traceback a paste put on one line: read as the lines CPython printed, all at this line's number. Rare
    /// (a paste), so the pieces may allocate.</summary>
    private bool ReadFlattened(StreamState stream, ReadOnlySpan<char> line, long lineNumber)
    {
        var pieces = new List<string>();
        return FlattenedTraceback.TrySplit(line, pieces) && ReadPieces(stream, pieces, lineNumber);
    }

    /// <summary>A traceback kept as a JSON string (torchelastic's error file): read as the lines CPython printed, all at
    /// this line's number, like a flattened one. Rare, so the pieces may allocate.</summary>
    private bool ReadJsonEscaped(StreamState stream, ReadOnlySpan<char> line, long lineNumber)
    {
        var pieces = new List<string>();
        return JsonEscapedTraceback.TrySplit(line, pieces) && ReadPieces(stream, pieces, lineNumber);
    }

    /// <summary>The lines one physical line held (a flattened or JSON-escaped traceback), read in order at its number.</summary>
    private bool ReadPieces(StreamState stream, List<string> pieces, long lineNumber)
    {
        _readingFlattened = true;
        try
        {
            foreach (var piece in pieces) OnUnstructured(stream, System.Text.Encoding.UTF8.GetBytes(piece), piece, lineNumber);
        }
        finally
        {
            _readingFlattened = false;
        }

        return true;
    }

    /// <summary>A chain sentence CPython's printer read, then IPython's header for the next part (a notebook's chain
    /// whose first traceback the paste cut): one failure, its first exception the one printed first.</summary>
    private static bool TryContinueChainInIPython(StreamState stream, IFailureBlockParser active, ReadOnlySpan<char> line, long lineNumber)
    {
        if (active != stream.Python || stream.Python.AwaitedRelation is not { } relation || !IPythonFrameLine.IsHeader(line.Trim())) return false;
        if (stream.Python.Close() is not { } earlier || !stream.IPython.TryOpenAfterChain(line, lineNumber, earlier, relation)) return false;
        stream.Active = stream.IPython;
        return true;
    }

    /// <summary>A shell's short report of a signal death (<c>Killed</c>, <c>Aborted (core dumped)</c>): the marker is asked
    /// only about short lines that start with the capital of one of its words, so a record's continuation lines (a JSON
    /// dump, a table) cost two compares.</summary>
    private static bool MayBeShellDeath(ReadOnlySpan<char> line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.Length is 0 or > ShellDeathMaxChars) return false;
        // LineMarkers.Match asks LocalizedShellDeath itself of a line no needle made a death.
        return trimmed[0] is 'K' or 'S' or 'B' or 'A' or 'F' or 'I'
            ? LineMarkers.Match(trimmed, deathsOnly: true) is not null
            : LocalizedShellDeath.HitWithoutNeedle(trimmed) is not null;
    }

    /// <summary>The line is a failure of its own rather than the next line of <paramref name="target"/>'s message. The
    /// message is read only then (an exception line after a record is rare), never per continuation line.</summary>
    private static bool EndsMessageAsFailure(ErrorGroup target, ReadOnlySpan<char> line) =>
        IsExceptionAtColumnZero(line) && !target.Message.Contains(IPythonFrameLine.Header, StringComparison.Ordinal);

    /// <summary><c>RuntimeError: NCCL error …</c> at column 0, as the exception-line marker reads it: a message's own lines
    /// are indented or prose, never a class name (CapWords, PEP 8) ending in Error or Exception followed by <c>": "</c>.
    /// NCCL's result names (<c>ncclRemoteError: A call failed …</c>) start lower-case: they are lines of the message a
    /// C++ error carries, not exceptions.</summary>
    private static bool IsExceptionAtColumnZero(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || !char.IsAsciiLetter(line[0]) || !ExceptionLine.TryParse(line, out var typeLength, out var messageStart)
            || messageStart <= typeLength + 1 || messageStart >= line.Length) return false;
        var type = line[..typeLength];
        var name = type[(type.LastIndexOf('.') + 1)..];
        return !name.IsEmpty && char.IsAsciiLetterUpper(name[0])
            && (name.EndsWith("Error", StringComparison.Ordinal) || name.EndsWith("Exception", StringComparison.Ordinal));
    }

    /// <summary>The longest shell report read as a whole line: <c>Floating point exception (core dumped)</c>.</summary>
    private const int ShellDeathMaxChars = 48;

    /// <summary>The marker's report without a progress bar glued before it, and how far that bar had got.</summary>
    /// <para>The progress is tqdm's full reading where the bar has one (<c>3787/62565 (6%), 04:47 elapsed</c>, see
    /// <see cref="Context.GluedProgress"/>), else the bar's count or percentage.</para>
    private static ReadOnlySpan<char> CutGlued(ReadOnlySpan<char> trimmed, MarkerHit hit, out string? progress)
    {
        ReadOnlySpan<char> report;
        if (hit.Start <= 0)
        {
            report = GluedProgressBar.Cut(trimmed, out progress);
        }
        else
        {
            progress = GluedProgressBar.Progress(trimmed[..hit.Start]);
            report = trimmed[hit.Start..];
        }

        if (progress is not null) progress = Context.GluedProgress.Progress(trimmed.ToString()) ?? progress;
        return report;
    }

    /// <summary>The log's first line: where an excerpt that starts mid-line begins.</summary>
    private const long FirstLine = 1;

    private bool TryOpenBlock(StreamState stream, ReadOnlySpan<char> line, long lineNumber)
    {
        IFailureBlockParser? opened = null;
        // Inside a record's multi-line message a frame line is quoted text (DataLoader's "Original Traceback"), not a
        // traceback that lost its header.
        if (stream.Python.TryOpen(line, lineNumber, allowHeaderless: stream.ContinuationTarget is null)
            || (lineNumber == FirstLine && stream.Python.TryOpenCutFrame(line, lineNumber))) opened = stream.Python;
        else if (stream.Faulthandler.TryOpen(line, lineNumber)) opened = stream.Faulthandler;
        else if (stream.Cpp.TryOpen(line, lineNumber) || stream.Cpp.TryOpenAtRaisedFrom(line, lineNumber, stream.ContinuationTarget?.Message)) opened = stream.Cpp;
        else if (stream.Uncaught.TryOpen(line, lineNumber)) opened = stream.Uncaught;
        else if (stream.Debugger.TryOpen(line, lineNumber)) opened = stream.Debugger;
        else if (stream.Rich.TryOpen(line, lineNumber) || stream.Rich.TryOpenAfterPanel(line, lineNumber, stream.CurrentBlock)) opened = stream.Rich;
        else if (stream.IPython.TryOpen(line, lineNumber) || stream.IPython.TryOpenAtArrow(line, lineNumber, stream.CurrentBlock)) opened = stream.IPython;
        else if (TracebackText.ChainRelation(line.Trim()) is { } relation && TryOpenFromLookback(stream, _failures, relation, line)) opened = stream.Python;
        if (opened is null) return false;
        var previousOpen = stream.LastOpenLine;
        stream.OpenBlock(opened, lineNumber);
        if (opened == stream.Python)
        {
            stream.ActiveUnraisable = stream.CurrentBlock.LastLineStartingWith(UnraisableBanner, after: previousOpen)
                ?? stream.CurrentBlock.LastLineStartingWith(AtExitBanner, after: previousOpen);
        }

        return true;
    }

    /// <summary>A chain sentence outside a traceback: the exception before it printed no traceback of its own.</summary>
    private static bool TryOpenFromLookback(StreamState stream, FailureTable failures, string relation, ReadOnlySpan<char> sentence)
    {
        failures.NoteLookbackRead();
        var block = stream.PreviousBlock;
        for (var i = block.Count - 1; i >= 0; i--)
        {
            var candidate = block.Line(i);
            var start = GluedExceptionLine.Start(candidate);
            if (start < 0) continue;
            if (!stream.Python.TryOpenAfterLookback(relation, sentence, candidate.AsSpan(start), block.After(i), block.LineNumber(i))) return false;
            // The line was taken for a lone exception line; it is the first link of this chain instead.
            failures.RetractBareException(block.LineNumber(i));
            return true;
        }

        return false;
    }
}
