using ErrorTrace.Core.Grouping;
using ErrorTrace.Core.Input;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// Reading a log in two ranges at once (<see cref="RangeSplit"/>): the reader of the later range starts a little before
/// it to pick up the context, empties its tables at the range's first line, and is merged into the reader of the earlier
/// range when both say the same about that line (<see cref="SeamState"/>) and the tables can add up exactly.
/// </summary>
public sealed partial class LogAnalyzer
{
    /// <summary>Truncated segments counted by a reader whose splitter this one took over (<see cref="Absorb"/>).</summary>
    private long _truncatedElsewhere;

    /// <summary>A reader that starts at a line start inside the log: <paramref name="firstLineNumber"/> is that line's
    /// number and <paramref name="firstOffset"/> its byte offset in the whole log.</summary>
    internal LogAnalyzer(AnalysisOptions options, long firstLineNumber, long firstOffset)
        : this(options)
    {
        _splitter = new LineSplitter(firstLineNumber);
        BytesConsumed = firstOffset;
    }

    /// <summary>At a line start with nothing open or carried over in any stream: a place where a range can start.</summary>
    internal bool IsAtIdleSeam => !_criPending && _criJoinLength == 0 && !_splitter.HasPending && SeamState.AllIdle(_streams);

    /// <summary>The state that decides how the next line is read (see <see cref="SeamState"/>).</summary>
    internal byte[] Seam()
    {
        var next = _splitter.LineNumber;
        // A death within the window of the next lines would make theirs the same death; older ones no longer matter.
        var death = _lastDeathLine >= next - SameDeathWindowLines ? _lastDeathLine : long.MinValue;
        return SeamState.Write(next, _lastYear, _lastMonth, death, _criPending, _criJoinLength, _streams);
    }

    /// <summary>Called at the range's first line: from here the tables hold only this range, and note what in it depends on
    /// the tables of the ranges before (see the tables' <c>CanTakeLater</c>).</summary>
    internal void BeginRange()
    {
        _errors = new ErrorGroupTable();
        _errors.TrackTargetUse();
        _failures = new FailureTable();
        _failures.TrackRange(_splitter.LineNumber);
        _collectives = new CollectiveTimeouts();
        _repeatedWarnings = new RepeatedWarnings();
        _truncatedElsewhere = -_splitter.TruncatedSegments;
    }

    /// <summary>Whether <paramref name="later"/>, the reader of the range that starts where this one stopped (read to the end,
    /// not completed), can be merged into this one exactly.</summary>
    internal bool CanAbsorb(LogAnalyzer later)
    {
        if (IsComplete || later.IsComplete) return false;
        // A continuation target still set at the end is used by the last line or not at all: as if used.
        foreach (var stream in later._streams.All)
        {
            if (stream.ContinuationTarget is { } target) later._errors.NoteTargetUsed(target);
        }

        // A new run that started in the later range regroups failures from its start (FailureTable.StartRun), which the
        // tables' merge does not replay: such a log (a nohup.out of launches) is read on, in order, by this reader.
        return later._runs.Count == 0
            && _errors.CanTakeLater(later._errors) && _failures.CanTakeLater(later._failures) && _collectives.CanTakeLater(later._collectives);
    }

    /// <summary>The environment scanner reads the log's head: a later range that starts inside it is shown to it here.</summary>
    internal void ScanEnvironmentOnly(ReadOnlySpan<byte> chunk) => _environment.Append(chunk);

    /// <summary>A later reader that read less than the tail holds: the bytes after this one's are shown to its tail here.</summary>
    internal void KeepTailOnly(ReadOnlySpan<byte> chunk) => _tail.Append(chunk);

    /// <summary>Merges <paramref name="later"/> (see <see cref="CanAbsorb"/>): the tables add up, the streams (in this
    /// reader's order), line count and context are the later reader's, the head (environment, first year) this one's.
    /// Then <see cref="Complete"/> ends the log as one pass would: its last line and open blocks go to the merged tables.</summary>
    internal void Absorb(LogAnalyzer later, bool takeTail)
    {
        _errors.TakeLater(later._errors);
        _failures.TakeLater(later._failures);
        _collectives.TakeLater(later._collectives);
        _truncatedElsewhere = TruncatedLines + later._truncatedElsewhere;
        _splitter = later._splitter;
        later._streams.TakeOrderOf(_streams);
        _streams = later._streams;
        if (takeTail) _tail = later._tail;
        // The later reader's start was read by this one too: a year it saw first, this one saw first.
        if (_firstYear == 0) _firstYear = later._firstYear;
        _lastYear = later._lastYear;
        _lastMonth = later._lastMonth;
        _lastDeathLine = later._lastDeathLine;
        _criPending = later._criPending;
        later._criJoin.AsSpan(0, later._criJoinLength).CopyTo(_criJoin);
        _criJoinLength = later._criJoinLength;
        BytesConsumed = later.BytesConsumed;
        QuietLinesTaken += later.QuietLinesTaken;
        QuietAsks += later.QuietAsks;
    }
}
