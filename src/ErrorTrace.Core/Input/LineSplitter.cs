using System.Runtime.CompilerServices;
using ErrorTrace.Core.Analysis;

namespace ErrorTrace.Core.Input;

/// <summary>
/// Cuts a byte stream, chunk by chunk, into segments ended by <c>\n</c>, <c>\r\n</c> or a bare <c>\r</c> (tqdm rewrites
/// its bar with <c>\r</c>: each rewrite is its own segment). Line numbers count physical lines as <c>wc -l</c> does,
/// so evidence line numbers match an editor's. A segment longer than <see cref="EngineLimits.MaxLineBytes"/> is cut:
/// its head is parsed, its tail counted and skipped, so a 50 MB line costs no memory.
/// Resumable: the only state between chunks is the unfinished segment.
/// </summary>
internal sealed class LineSplitter
{
    private const byte EscapeByte = 0x1B;

    private readonly byte[] _carry = new byte[EngineLimits.MaxLineBytes];
    private int _carryLength;
    private bool _carryTruncated;
    private bool _carryEndsWithCr;
    private bool _segmentHasEscape;
    private bool _atLineStart = true;

    /// <summary>The physical line whose frames cannot be skipped (its end is too far or not in this chunk): its frames are
    /// cut one by one, without looking ahead again at every frame (a 50 MB line of progress bars has a million).</summary>
    private long _framesCutOneByOne;

    /// <summary>The sink's answer for the segment just emitted: the lines after it may be quiet.</summary>
    private bool _mayBeQuiet;

    /// <summary>A splitter over the whole log, or over a range of it that starts at a line start
    /// (<paramref name="firstLineNumber"/>: that line's number in the whole log; see Input/RangeSplit).</summary>
    public LineSplitter(long firstLineNumber = 1)
    {
        LineNumber = firstLineNumber;
    }

    /// <summary>1-based number of the physical line being read.</summary>
    public long LineNumber { get; private set; }

    public long TruncatedSegments { get; private set; }

    /// <summary>True when bytes of an unfinished segment are waiting for more input.</summary>
    public bool HasPending => _carryLength > 0 || _carryTruncated || _carryEndsWithCr;

    /// <summary>Physical lines seen: completed ones plus an unfinished last one.</summary>
    public long PhysicalLines => LineNumber - 1 + (HasPending || !_atLineStart ? 1 : 0);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(ReadOnlySpan<byte> chunk, ILineSink sink)
    {
        var start = 0;
        if (_carryEndsWithCr && chunk.Length > 0)
        {
            // A \r ended the previous chunk: only now can we tell \r\n from a bare \r.
            _carryEndsWithCr = false;
            if (chunk[0] == (byte)'\n')
            {
                EmitCarry(sink, SegmentFlags.EndsLine);
                start = 1;
            }
            else
            {
                EmitCarry(sink, SegmentFlags.None);
            }
        }

        // start: where the next segment begins; searchFrom: where to look for its end (past any ESC already seen).
        var stops = new StopByteScanner(chunk);
        var searchFrom = start;
        while (start < chunk.Length)
        {
            var index = stops.Next(searchFrom);
            if (index < 0)
            {
                AddToCarry(chunk[start..]);
                return;
            }

            if (chunk[index] == EscapeByte)
            {
                _segmentHasEscape = true;
                searchFrom = index + 1;
                continue;
            }

            var isCr = chunk[index] == (byte)'\r';
            if (isCr && index == chunk.Length - 1)
            {
                AddToCarry(chunk[start..index]);
                _carryEndsWithCr = true;
                return;
            }

            var endsLine = !isCr || chunk[index + 1] == (byte)'\n';
            if (!endsLine && LineNumber > 1 && LineNumber != _framesCutOneByOne && TrySkipFrames(chunk, ref stops, start, index, sink, out var next))
            {
                start = searchFrom = next;
                if (_mayBeQuiet) start = searchFrom = TakeQuietLines(chunk, start, ref stops, sink);
                continue;
            }

            var flags = endsLine ? SegmentFlags.EndsLine : SegmentFlags.None;
            if (_carryLength > 0 || _carryTruncated)
            {
                AddToCarry(chunk[start..index]);
                EmitCarry(sink, flags);
            }
            else
            {
                var segment = chunk[start..index];
                if (segment.Length > EngineLimits.MaxLineBytes)
                {
                    segment = segment[..EngineLimits.MaxLineBytes];
                    flags |= SegmentFlags.Truncated;
                }

                Emit(sink, segment, flags);
            }

            start = searchFrom = index + (isCr && endsLine ? 2 : 1);
            if (_mayBeQuiet && endsLine) start = searchFrom = TakeQuietLines(chunk, start, ref stops, sink);
        }
    }

    /// <summary>The sink said quiet lines may follow: it takes as many whole lines as it can account for in bulk, and
    /// the line count moves past them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int TakeQuietLines(ReadOnlySpan<byte> chunk, int start, ref StopByteScanner stops, ILineSink sink)
    {
        _mayBeQuiet = false;
        if (start >= chunk.Length) return start;
        var next = sink.TakeQuietLines(chunk, start, ref stops, LineNumber, out var lines);
        LineNumber += lines;
        return next;
    }

    /// <summary>
    /// A bare <c>\r</c> once the log has shown a <c>\n</c>: the segment it ends is a progress-bar frame the terminal
    /// overwrote, and so is every other one before the line's last segment. The sink ignores frames, so rather than
    /// stopping at each (tqdm redraws ~10 times a second, hundreds of frames on one physical line) jump to the line's
    /// end and emit only its last segment. Only when the whole line is in this chunk and short enough that no frame can
    /// be truncated (the counts stay exact); otherwise the frames are cut one by one. The stops after the frame say
    /// it all: the next <c>\n</c>, the last <c>\r</c>s before it and whether an ESC follows them. <paramref name="next"/>
    /// is where the line after it starts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TrySkipFrames(ReadOnlySpan<byte> chunk, ref StopByteScanner stops, int start, int frameEnd, ILineSink sink, out int next)
    {
        next = 0;
        int cr = frameEnd, previousCr = frameEnd, escape = -1, newline = -1;
        for (var at = stops.Next(frameEnd + 1); at >= 0 && at - (frameEnd + 1) < EngineLimits.MaxLineBytes; at = stops.Next(at + 1))
        {
            var b = chunk[at];
            if (b == (byte)'\n')
            {
                newline = at;
                break;
            }

            if (b == (byte)'\r')
            {
                previousCr = cr;
                cr = at;
            }
            else
            {
                escape = at;
            }
        }

        if (newline < 0 || newline - start > EngineLimits.MaxLineBytes || _carryTruncated
            || _carryLength + (frameEnd - start) > EngineLimits.MaxLineBytes)
        {
            _framesCutOneByOne = LineNumber;
            return false;
        }

        // The first frame began in the previous chunk: it is dropped like the others.
        _carryLength = 0;

        // A \r right before the \n ends the line (\r\n); the last segment is the one before it.
        var lastStart = cr;
        var lastEnd = newline;
        if (cr == newline - 1 && cr > frameEnd)
        {
            lastEnd = cr;
            lastStart = previousCr;
        }

        _atLineStart = false;
        _segmentHasEscape = escape > lastStart;
        Emit(sink, chunk[(lastStart + 1)..lastEnd], SegmentFlags.EndsLine);
        next = newline + 1;
        return true;
    }

    /// <summary>End of input: the unfinished segment, if any, becomes the last line.</summary>
    public void Complete(ILineSink sink)
    {
        if (HasPending)
        {
            _carryEndsWithCr = false;
            EmitCarry(sink, SegmentFlags.EndsLine);
        }
    }

    private void AddToCarry(ReadOnlySpan<byte> bytes)
    {
        var room = _carry.Length - _carryLength;
        if (bytes.Length > room)
        {
            bytes = bytes[..room];
            _carryTruncated = true;
        }

        bytes.CopyTo(_carry.AsSpan(_carryLength));
        _carryLength += bytes.Length;
    }

    private void EmitCarry(ILineSink sink, SegmentFlags flags)
    {
        if (_carryTruncated) flags |= SegmentFlags.Truncated;
        var length = _carryLength;
        _carryLength = 0;
        _carryTruncated = false;
        Emit(sink, _carry.AsSpan(0, length), flags);
    }

    /// <summary>Inlined at its three call sites: it runs once per line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Emit(ILineSink sink, ReadOnlySpan<byte> segment, SegmentFlags flags)
    {
        if (_atLineStart) flags |= SegmentFlags.StartsLine;
        if (_segmentHasEscape) flags |= SegmentFlags.HasEscape;
        _segmentHasEscape = false;
        if ((flags & SegmentFlags.Truncated) != 0) TruncatedSegments++;
        _mayBeQuiet = sink.OnSegment(segment, LineNumber, flags);
        _atLineStart = (flags & SegmentFlags.EndsLine) != 0;
        if (_atLineStart) LineNumber++;
    }
}
