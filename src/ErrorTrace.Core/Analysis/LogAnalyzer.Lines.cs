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
    /// <summary>How glog's and absl's failure signal handler starts its report (<c>*** SIGSEGV (@0x0) received by PID …</c>).</summary>
    private const string CrashHandlerReport = "*** SIG";

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

    /// <summary>Its one caller is <see cref="ILineSink.OnSegment"/>: inlined there, every line saves a call. True when the
    /// splitter should offer the next lines as a run of quiet records (<see cref="TakeQuietLines"/>): after a quiet
    /// record, and after any other line too while runs are long (<see cref="MinQuietRunAfterAnyLine"/>), unless asks
    /// keep taking nothing (<see cref="MaxQuietAskSpacing"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ProcessContent(ReadOnlySpan<byte> content, long lineNumber, bool startsLine, bool endsLine, bool hasEscape)
    {
        if (hasEscape)
        {
            var length = AnsiEscapes.Strip(content, _ansiScratch);
            content = _ansiScratch.AsSpan(0, length);
        }

        // A collector's bare timestamp (docker / kubectl --timestamps, GitHub Actions) comes before everything the
        // program wrote, rank prefixes included; a line that is a record as it stands keeps it as its own timestamp.
        if (TimestampPrefix.StartsLike(content)) content = WithoutCollectorTimestamp(content);

        var rank = -1;
        var line = content;
        var unprefixed = LauncherPrefix.Strip(line, ref rank, out var host);
        var prefixLength = line.Length - unprefixed.Length;
        content = RayRepeatSuffix.Strip(unprefixed);
        var stream = _streams.Get(host, rank);

        if (RecordHeaderParser.TryParse(content, out var header))
        {
            OnRecord(stream, content, ref header, lineNumber);
            return WorthAskingForQuietLines(afterQuietRecord: header.Level < LogLevel.Warning);
        }

        if (content.IsEmpty && !(startsLine && endsLine)) return false; // an empty \r segment is not a blank line
        // The last segment of a line a progress bar redrew with \r is the bar, not more of the record above it.
        if (!startsLine) stream.EndMessage();
        if (stream.IsIdle && !IsBlank(content))
        {
            // The first line may be the tail of a frame line an excerpt cut (TryOpenBlock); no needle marks it.
            if (!UnstructuredGate.MayMatter(content) && lineNumber != 1)
            {
                stream.CurrentBlock.Add(content, lineNumber);
                return endsLine && WorthAskingForQuietLines(afterQuietRecord: false);
            }

            if (_repeatedWarnings.Find(content) is { } warning)
            {
                stream.CurrentBlock.Add(content, lineNumber);
                _errors.Count(warning, stream.Rank, stream.LastTimestamp);
                return endsLine && WorthAskingForQuietLines(afterQuietRecord: false);
            }
        }

        // Only lines that reach the parsers care whether a rank prefix's space was the line's own.
        if (stream.Rank >= 0 && !content.IsEmpty) content = RankPrefixSpacing.Adjust(line, prefixLength, content, ref stream.RankPrefixHasNoSpace);
        var chars = _chars.AsSpan(0, Text.Utf8.Decode(content, _chars));
        OnUnstructured(stream, content, chars, lineNumber);
        return endsLine && WorthAskingForQuietLines(afterQuietRecord: false);
    }

    /// <summary>Out of line: the header it parses is a struct every line would otherwise zero in
    /// <see cref="ILineSink.OnSegment"/>'s prolog (measured: +0.9 % instructions on the mixed log when inlined).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ReadOnlySpan<byte> WithoutCollectorTimestamp(ReadOnlySpan<byte> content) =>
        !RecordHeaderParser.TryParse(content, out _) && TimestampPrefix.TryStrip(content, out var start) ? content[start..] : content;

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
        if (header.Level < LogLevel.Warning)
        {
            // TensorFlow 1's Coordinator logs the exception that stops training at INFO (Tracebacks/ClassRepr): one
            // prefix compare per record, and its message is read only then.
            if (content[header.MessageStart..].StartsWith(ClassRepr.CoordinatorReport)) RecordCoordinatorReport(stream, content[header.MessageStart..], lineNumber);
            return;
        }

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

        if (RunBanners.Match(message) is { } banner) StartRun(banner, lineNumber);
        stream.ContinuationTarget = _errors.Record(header.Level, "record", logger, phase, message, lineNumber, stream.Rank, header.Timestamp);
        if (header.Level < LogLevel.Error)
        {
            // A failure signal handler that writes through the program's logger at warning severity (PaddlePaddle's:
            // 'W0123 04:51:52.658562  1282 init.cc:206] *** SIGSEGV (@0x64) received by PID 1156 …; stack trace: ***'):
            // glog's and absl's report, read as the death it is. One compare for any other warning.
            if (message.StartsWith(CrashHandlerReport, StringComparison.Ordinal) && LineMarkers.Match(message, deathsOnly: true) is { } reported)
                RecordDeath(stream, reported, message, lineNumber);
            return;
        }

        // NCCL's watchdog reports the collective each rank is stuck in on error records (hang localisation).
        _collectives.Observe(message, stream.Rank, lineNumber);
        if (header.Level == LogLevel.Fatal)
        {
            if (!FatalRecord.IsHangVerdict(message)) RecordDeath(stream, FatalRecord.Hit, message, lineNumber);
        }
        else if (LineMarkers.Match(message, deathsOnly: true) is { } death) RecordDeath(stream, death, message, lineNumber);
        else if (LineMarkers.MayBeExceptionLine(message) && MarkerMatchers.ExceptionLine(LineMarkers.ExceptionLine, message.Trim()) is not null)
        {
            // An error record whose message is an exception line or its repr: vLLM's engine logs the exception before
            // its traceback ("ERROR 10-11 12:27:29 engine.py:157] OutOfMemoryError('CUDA out of memory…')"), a runner
            // logs what its child raised. A traceback printed with it is the better evidence (ReportBuilder's tiers).
            RecordBareException(stream, message.Trim(), lineNumber);
        }

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
}
