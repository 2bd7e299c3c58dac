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
/// The per-line path: envelopes, record header, then either the record or the unstructured-line machinery.
/// <para>Its methods, and the splitter's, header parser's and prefix reader's, are marked
/// <see cref="MethodImplOptions.AggressiveOptimization"/>: compiled fully optimised at their first call instead of
/// starting from ReadyToRun code and waiting for tiering. Tiering waits 100 ms of quiet before it counts calls, ten times
/// that when the process has one core, so on one core a 1 GiB log spent its first seconds in unoptimised code (measured:
/// 3.1 s -> 2.5 s for the whole run; docs/benchmarks.md). Only methods every line runs carry it.</para>
/// </summary>
public sealed partial class LogAnalyzer
{
    /// <summary>A shell's "Killed" or a launcher's exit report right after a crash dump is the same death, not another.</summary>
    private const int SameDeathWindowLines = 200;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    bool ILineSink.OnSegment(ReadOnlySpan<byte> segment, long lineNumber, SegmentFlags flags)
    {
        var startsLine = (flags & SegmentFlags.StartsLine) != 0;
        var endsLine = (flags & SegmentFlags.EndsLine) != 0;
        // A segment ended by a bare \r is a progress-bar frame the terminal overwrites (tqdm redraws ~10 times a
        // second): it is counted, never parsed, and cannot cut into a traceback another frame interrupts. Only once
        // the log has shown a \n, so a file whose only line ending is \r is still read line by line.
        if (!endsLine && lineNumber > 1) return false;
        if (startsLine)
        {
            _lineIsCri = CriEnvelope.TryParse(segment, out var contentStart, out var partial);
            if (_lineIsCri)
            {
                segment = segment[contentStart..];
                if (partial || _criPending)
                {
                    // Kubernetes splits long lines into P pieces ended by an F piece: join them back.
                    var room = _criJoin.Length - _criJoinLength;
                    var take = Math.Min(room, segment.Length);
                    segment[..take].CopyTo(_criJoin.AsSpan(_criJoinLength));
                    _criJoinLength += take;
                    _criPending = partial;
                    if (partial) return false;
                    segment = _criJoin.AsSpan(0, _criJoinLength);
                    _criJoinLength = 0;
                    if (segment.IndexOf(AnsiEscapes.Escape) >= 0) flags |= SegmentFlags.HasEscape;
                }
            }
        }

        return ProcessContent(segment, lineNumber, startsLine, endsLine, (flags & SegmentFlags.HasEscape) != 0);
    }

    /// <summary>Its one caller is <see cref="ILineSink.OnSegment"/>: inlined there, every line saves a call. True after a
    /// record below WARNING: quiet records come in runs, so more may follow (<see cref="TakeQuietLines"/>). After any
    /// other line they seldom do (in a log that prints a progress bar between two records, asking after the bar took
    /// one-line runs at a loss).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ProcessContent(ReadOnlySpan<byte> content, long lineNumber, bool startsLine, bool endsLine, bool hasEscape)
    {
        if (hasEscape)
        {
            var length = AnsiEscapes.Strip(content, _ansiScratch);
            content = _ansiScratch.AsSpan(0, length);
        }

        var rank = -1;
        var line = content;
        var unprefixed = LauncherPrefix.Strip(line, ref rank, out var host);
        var prefixLength = line.Length - unprefixed.Length;
        content = RayRepeatSuffix.Strip(unprefixed);
        var stream = _streams.Get(host, rank);

        if (RecordHeaderParser.TryParse(content, out var header))
        {
            OnRecord(stream, content, ref header, lineNumber);
            return header.Level < LogLevel.Warning && WorthAskingForQuietLines();
        }

        if (content.IsEmpty && !(startsLine && endsLine)) return false; // an empty \r segment is not a blank line
        // The last segment of a line a progress bar redrew with \r is the bar, not more of the record above it.
        if (!startsLine) stream.EndMessage();
        if (stream.IsIdle && !IsBlank(content))
        {
            if (!UnstructuredGate.MayMatter(content))
            {
                stream.CurrentBlock.Add(content, lineNumber);
                return false;
            }

            if (_repeatedWarnings.Find(content) is { } warning)
            {
                stream.CurrentBlock.Add(content, lineNumber);
                _errors.Count(warning, stream.Rank, stream.LastTimestamp);
                return false;
            }
        }

        // Only lines that reach the parsers care whether a rank prefix's space was the line's own.
        if (stream.Rank >= 0 && !content.IsEmpty) content = RankPrefixSpacing.Adjust(line, prefixLength, content, ref stream.RankPrefixHasNoSpace);
        var chars = _chars.AsSpan(0, Text.Utf8.Decode(content, _chars));
        OnUnstructured(stream, content, chars, lineNumber);
        return false;
    }

    /// <summary>glog prints no year: take the last year seen, and the next one when the month wraps from December to
    /// January (a job that runs over New Year). Before any year is known, the report's fallback year applies.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WithYear(ref RawTimestamp timestamp)
    {
        if (timestamp.Year != 0)
        {
            if (_firstYear == 0) _firstYear = timestamp.Year;
            _lastYear = timestamp.Year;
            _lastMonth = timestamp.Month;
            return;
        }

        if (_lastYear == 0) return;
        if (timestamp.Month < _lastMonth && _lastMonth - timestamp.Month >= 6)
        {
            _lastYear++;
        }

        _lastMonth = timestamp.Month;
        timestamp = timestamp with { Year = _lastYear };
    }

    /// <summary>CPython's default <c>sys.unraisablehook</c> (<c>Python/errors.c</c>, <c>write_unraisable_exc_file</c>) prints
    /// <c>Exception ignored in: {obj!r}</c> (or another <c>Exception ignored …</c> context) before the traceback.</summary>
    private static ReadOnlySpan<byte> UnraisableBanner => "Exception ignored"u8;

    /// <summary>Python 3.10 and older: an exit handler's exception, printed after the program's own end
    /// (3.11 prints it as <c>Exception ignored in atexit callback: …</c>).</summary>
    private static ReadOnlySpan<byte> AtExitBanner => "Error in atexit._run_exitfuncs:"u8;

    /// <summary>What a record's message may consist of and still say nothing: spaces and rule characters.</summary>
    private static readonly System.Buffers.SearchValues<char> s_decoration = System.Buffers.SearchValues.Create(" \t*-=_#~.");

    /// <summary>Only spaces and tabs. A line that starts or ends with anything else is not, without a search (a
    /// progress bar starts with spaces but ends with its rate).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsBlank(ReadOnlySpan<byte> content) =>
        content.IsEmpty || (IsSpaceOrTab(content[0]) && IsSpaceOrTab(content[^1]) && content.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpaceOrTab(byte b) => b is (byte)' ' or (byte)'\t';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OnRecord(StreamState stream, ReadOnlySpan<byte> content, ref RecordHeader header, long lineNumber)
    {
        if (MayRelayTraceback(stream, content, header) && ContinueRelayedTraceback(stream, content, header, lineNumber)) return;
        if (stream.Active is not null) CloseActive(stream);
        stream.EndMessage();
        stream.CurrentBlock.Clear();
        stream.PreviousBlock.Clear();
        if (header.Timestamp.HasValue)
        {
            WithYear(ref header.Timestamp);
            stream.LastTimestamp = header.Timestamp;
        }
        else
        {
            // Formats without a clock (Python logging's "ERROR: …") happened after the stream's last timestamped line.
            header.Timestamp = stream.LastTimestamp;
        }

        var phase = content[header.Phase];
        if (!phase.IsEmpty) stream.SetPhase(phase);
        if (header.Level < LogLevel.Warning) return;

        var logger = content[header.Logger];
        stream.SetLogger(logger);
        var message = _chars.AsSpan(0, Text.Utf8.Decode(content[header.MessageStart..], _chars));
        if (!message.ContainsAnyExcept(s_decoration))
        {
            // Nothing to group yet: an empty first line waits for the next; a rule of asterisks (torchrun's banner)
            // or dashes is decoration.
            if (message.IsWhiteSpace()) stream.PendingRecord = new PendingRecord(header.Level, logger.ToArray(), phase.ToArray(), lineNumber, header.Timestamp);
            return;
        }

        stream.ContinuationTarget = _errors.Record(header.Level, "record", logger, phase, message, lineNumber, stream.Rank, header.Timestamp);
        if (header.Level < LogLevel.Error) return;

        // NCCL's watchdog reports the collective each rank is stuck in on error records (hang localisation).
        _collectives.Observe(message, stream.Rank, lineNumber);
        if (header.Level == LogLevel.Fatal)
        {
            if (!FatalRecord.IsHangVerdict(message)) RecordDeath(stream, FatalRecord.Hit, message, lineNumber);
        }
        else if (LineMarkers.Match(message, deathsOnly: true) is { } death) RecordDeath(stream, death, message, lineNumber);
        if (message.EndsWith(TracebackText.Header, StringComparison.Ordinal) && stream.Python.TryOpen(message, lineNumber))
        {
            stream.ContinuationTarget = null;
            stream.OpenBlock(stream.Python, lineNumber);
        }
        else if (RayTaskDescriptor.EndsWith(message))
        {
            // Ray's "Unhandled error …: ray::Actor.method() (pid=…)": the task's frames follow without a header, and
            // are its traceback, not more of this message.
            stream.ContinuationTarget = null;
        }
    }

    private void OnUnstructured(StreamState stream, ReadOnlySpan<byte> bytes, ReadOnlySpan<char> line, long lineNumber)
    {
        var idle = stream.IsIdle;
        if (stream.Active is { } active)
        {
            if (active.TryContinue(line, lineNumber)) return;
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
            // of the message.
            if (!ProgressBarLine.Matches(line) && !MayBeShellDeath(line) && target.TryAppendContinuation(line)) return;
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

    /// <summary>A shell's short report of a signal death (<c>Killed</c>, <c>Aborted (core dumped)</c>): the marker is asked
    /// only about short lines that start with the capital of one of its words, so a record's continuation lines (a JSON
    /// dump, a table) cost two compares.</summary>
    private static bool MayBeShellDeath(ReadOnlySpan<char> line)
    {
        var trimmed = line.TrimStart();
        return trimmed.Length is > 0 and <= ShellDeathMaxChars && trimmed[0] is 'K' or 'S' or 'B' or 'A' or 'F' or 'I'
            && LineMarkers.Match(trimmed, deathsOnly: true) is not null;
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

    private bool TryOpenBlock(StreamState stream, ReadOnlySpan<char> line, long lineNumber)
    {
        IFailureBlockParser? opened = null;
        // Inside a record's multi-line message a frame line is quoted text (DataLoader's "Original Traceback"), not a
        // traceback that lost its header.
        if (stream.Python.TryOpen(line, lineNumber, allowHeaderless: stream.ContinuationTarget is null)) opened = stream.Python;
        else if (stream.Faulthandler.TryOpen(line, lineNumber)) opened = stream.Faulthandler;
        else if (stream.Cpp.TryOpen(line, lineNumber)) opened = stream.Cpp;
        else if (stream.Rich.TryOpen(line, lineNumber)) opened = stream.Rich;
        else if (stream.IPython.TryOpen(line, lineNumber)) opened = stream.IPython;
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

    private void CloseActive(StreamState stream)
    {
        if (stream.Active is not { } active) return;
        stream.Active = null;
        if (active.Close() is { } failure) RecordFailure(stream, failure);
        if (active == stream.Python && stream.Python.Held.Count > 0) ReplayHeld(stream, stream.Python.Held);
    }

    /// <summary>Lines the Python parser read ahead for a chain sentence that did not come: they follow the printout.
    /// None of them can open a block (the parser never holds such a line), so replaying them never reopens it.</summary>
    private void ReplayHeld(StreamState stream, HeldParagraph held)
    {
        for (var i = 0; i < held.Count; i++) OnUnstructured(stream, held.Utf8(i), held.Line(i), held.LineNumber(i));
        held.Clear();
    }

    private void RecordFailure(StreamState stream, TracebackInfo failure)
    {
        if (failure.Kind == PythonTracebackParser.Kind && failure.ExceptionType.Length == 0 && failure.Frames.Count == 0) return;
        if (stream.ActiveUnraisable is { } banner)
        {
            // sys.unraisablehook's report (a __del__, a finalizer, a callback): CPython printed it and went on, so it is
            // a warning worth grouping, never the failure of the job.
            var exception = failure.ExceptionMessage.Length == 0 ? failure.ExceptionType : failure.ExceptionType + ": " + failure.ExceptionMessage;
            _errors.Record(LogLevel.Warning, "unraisable", default, default, banner.Trim() + "\n" + exception, failure.FirstLine, stream.Rank, stream.ActiveTimestamp);
            return;
        }

        if (stream.Host is not null) failure = failure with { Host = stream.Host };
        _failures.Record(failure, stream.Rank, stream.ActiveTimestamp, stream.ActivePhase, stream.ActiveLogger);
        if (failure.Kind != PythonTracebackParser.Kind) _lastDeathLine = failure.FirstLine;
        if (failure.ExceptionType.EndsWith("ChildFailedError", StringComparison.Ordinal))
            ChildFailureTable.Read(failure, stream, this);
        SubprocessDeath.Read(failure, stream, this);
    }

    /// <summary>An exception line printed without its traceback (a paste that kept only the last line, <c>print(e)</c>):
    /// weaker evidence than a traceback, which <see cref="ReportBuilder"/> prefers when both exist.</summary>
    private void RecordBareException(StreamState stream, ReadOnlySpan<char> line, long lineNumber)
    {
        var start = MarkerMatchers.SkipBracketPrefix(line);
        var text = line[start..];
        if (!ExceptionLine.TryParse(text, out var typeLength, out var messageStart)) return;
        var failure = new TracebackInfo
        {
            Raw = line.ToString(),
            Kind = PythonTracebackParser.Kind,
            ExceptionType = text[..typeLength].ToString(),
            ExceptionMessage = text[messageStart..].ToString(),
            FirstLine = lineNumber,
            ExceptionLine = lineNumber,
            Host = stream.Host,
        };
        _failures.Record(failure, stream.Rank, stream.LastTimestamp, null, null);
    }

    internal void RecordDeath(StreamState stream, MarkerHit hit, ReadOnlySpan<char> line, long lineNumber, int? rank = null, string? progress = null)
    {
        if (lineNumber >= _lastDeathLine && lineNumber - _lastDeathLine <= SameDeathWindowLines) return;
        _lastDeathLine = lineNumber;
        var full = line.Trim().ToString();
        // A death glued to a progress bar: the message is what follows the bar; the bar says how far the job got. A
        // caller that cut the bar off already passes its progress.
        var text = progress is null ? Context.GluedProgress.Message(full) : full;
        var death = new TracebackInfo
        {
            Raw = full,
            Kind = "signal",
            ExceptionType = hit.Signal ?? "SIGKILL",
            ExceptionMessage = text,
            FirstLine = lineNumber,
            ExceptionLine = lineNumber,
            Host = stream.Host,
            Progress = progress ?? (ReferenceEquals(text, full) ? null : Context.GluedProgress.Progress(full)),
        };
        _failures.Record(death, rank ?? (stream.Rank >= 0 ? stream.Rank : LocalRank(line)), stream.LastTimestamp, null, hit.Marker.Id);
    }

    /// <summary>torchelastic's launcher names the dead worker: <c>failed (exitcode: -9) local_rank: 3 (pid: 1234)</c>.</summary>
    private static int LocalRank(ReadOnlySpan<char> line)
    {
        const string Key = "local_rank: ";
        var at = line.IndexOf(Key, StringComparison.Ordinal);
        if (at < 0) return -1;
        var digits = line[(at + Key.Length)..];
        var length = 0;
        while (length < digits.Length && length < 6 && char.IsAsciiDigit(digits[length])) length++;
        return length == 0 ? -1 : int.Parse(digits[..length], provider: null);
    }
}
