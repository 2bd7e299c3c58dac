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
/// What a closed block, a lone exception line or a death marker leaves in the failure table: the failures the report
/// chooses its root cause from.
/// </summary>
public sealed partial class LogAnalyzer
{
    /// <summary>A shell's "Killed" or a launcher's exit report right after a crash dump is the same death, not another.</summary>
    internal const int SameDeathWindowLines = 200;

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
        // A header and nothing after it; a chain whose last part was cut there still printed its earlier parts in full.
        if (failure is { Kind: PythonTracebackParser.Kind, ExceptionType.Length: 0, Frames.Count: 0, Chain.Count: 0 }) return;
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
        CaughtSignalError.Read(failure, stream, this);
    }

    /// <summary>The prefix many programs other than Python print their failures with (<see cref="RecordBareException"/>).</summary>
    private const string GenericErrorPrefix = "Error";

    /// <summary>An exception line printed without its traceback (a paste that kept only the last line, <c>print(e)</c>):
    /// weaker evidence than a traceback, which <see cref="ReportBuilder"/> prefers when both exist.</summary>
    private void RecordBareException(StreamState stream, ReadOnlySpan<char> line, long lineNumber)
    {
        var start = MarkerMatchers.SkipBracketPrefix(line);
        var text = line[start..];
        // Markdown italics around a pasted line ("_IndexError: Target 78 is out of bounds._"): an underscore then a
        // capital is the emphasis, not a private class (CPython prints those module-qualified: _pickle.UnpicklingError).
        if (text.Length > 1 && text[0] == '_' && char.IsAsciiLetterUpper(text[1])) text = PastedExceptionLine.TrimMarks(text, 1);
        if (!ExceptionLine.TryParse(text, out var typeLength, out var messageStart)
            && !OpErrorSummaryLine.TryParse(text, out typeLength, out messageStart))
        {
            var pasted = PastedExceptionLine.Start(text, 0);
            if (pasted < 0)
            {
                RecordExceptionRepr(stream, line, lineNumber);
                return;
            }

            text = PastedExceptionLine.TrimMarks(text, pasted);
            if (!ExceptionLine.TryParse(text, out typeLength, out messageStart)) return;
            messageStart = Math.Min(messageStart, text.Length);
        }

        var type = text[..typeLength];
        var message = text[messageStart..];
        // A bare "Error: …" is a program's own prefix, not a Python exception class (CPython prints a class that is not a
        // builtin with its module, shutil.Error): Rust's main returning Err (text-generation-inference's launcher, candle),
        // Torch7/Lua, Paddle's C++ enforce, Node. Inside a traceback the parsers still read it (poptorch_core.Error).
        if (type.SequenceEqual(GenericErrorPrefix)) return;
        // Ranks sharing stderr interleave the pieces CPython writes of the line (Tracebacks/InterleavedExceptionType).
        InterleavedExceptionType.Untangle(ref type, ref message);

        // The line after a wrapper's "… raised:" is the wrapped exception: the wrapper is what was raised.
        if (stream.CurrentBlock.LineNumbered(lineNumber - 1) is { } before && RaisedWrapperLine.TryParse(before, out var wrapper, out var intro))
        {
            RecordLone(stream, LoneException(stream, before.Trim() + "\n" + line.ToString(), wrapper, intro + "\n" + line.ToString(), lineNumber - 1));
            return;
        }

        RecordLone(stream, LoneException(stream, line, type, message, lineNumber));
    }

    /// <summary>An exception read from one line (a bare exception line, a repr, a wrapper and its inner line).</summary>
    private void RecordLone(StreamState stream, TracebackInfo failure)
    {
        // A lone line that says the failure was another rank's (Horovod's shutdown) is no root cause of its own, not even
        // when nothing else was printed: the log then shows no exception for the cause.
        if (CascadeRules.Match(failure) == CascadeRules.HorovodShutdown) return;
        _failures.Record(failure, stream.Rank, stream.LastTimestamp, null, null);
        SubprocessDeath.Read(failure, stream, this);
        CaughtSignalError.Read(failure, stream, this);
    }

    /// <summary>An exception printed as its repr (<see cref="ExceptionRepr"/>): <c>RuntimeError('CUDA out of memory. …')</c>.</summary>
    private void RecordExceptionRepr(StreamState stream, ReadOnlySpan<char> line, long lineNumber)
    {
        if (ExceptionRepr.TryFind(line, out var start, out var typeLength, out var messageStart, out var messageLength))
            RecordLone(stream, LoneException(stream, line, line.Slice(start, typeLength), line.Slice(messageStart, messageLength), lineNumber));
        else if (ClassRepr.TryFind(line, out start, out typeLength, out messageStart))
            RecordLone(stream, LoneException(stream, line, line.Slice(start, typeLength), line[messageStart..], lineNumber));
    }

    /// <summary>TensorFlow 1's <c>Error reported to Coordinator: &lt;class '…'&gt;, message</c> record: that exception,
    /// when its type is named like one. Rare, so the message is decoded to a string.</summary>
    private void RecordCoordinatorReport(StreamState stream, ReadOnlySpan<byte> message, long lineNumber)
    {
        var text = System.Text.Encoding.UTF8.GetString(message).Trim();
        if (ClassRepr.TryFind(text, out var start, out var typeLength, out var messageStart))
            RecordLone(stream, LoneException(stream, text, text.AsSpan(start, typeLength), text.AsSpan(messageStart), lineNumber));
    }

    /// <summary>An exception read from one line outside any traceback: no frames, the line its whole printout.</summary>
    private static TracebackInfo LoneException(StreamState stream, ReadOnlySpan<char> line, ReadOnlySpan<char> type, ReadOnlySpan<char> message, long lineNumber) => new()
    {
        Raw = line.ToString(),
        Kind = PythonTracebackParser.Kind,
        ExceptionType = type.ToString(),
        ExceptionMessage = message.ToString(),
        FirstLine = lineNumber,
        ExceptionLine = lineNumber,
        Host = stream.Host,
    };

    /// <summary>A banner says a new run starts: deaths before it are the earlier run's, never the same death as one after,
    /// and a failure the last run printed again is the new run's own (it is listed in both runs).</summary>
    private void StartRun(RunBanner banner, long lineNumber)
    {
        if (!_runs.Add(banner.StartsNextLine ? lineNumber + 1 : lineNumber, banner.Id)) return;
        _lastDeathLine = -SameDeathWindowLines - 1;
        _failures.StartRun();
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
