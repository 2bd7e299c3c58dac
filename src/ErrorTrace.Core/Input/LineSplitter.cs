using System.Buffers;
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

    private static readonly SearchValues<byte> s_stops = SearchValues.Create("\r\n\u001b"u8);

    private readonly byte[] _carry = new byte[EngineLimits.MaxLineBytes];
    private int _carryLength;
    private bool _carryTruncated;
    private bool _carryEndsWithCr;
    private bool _segmentHasEscape;
    private bool _atLineStart = true;

    /// <summary>1-based number of the physical line being read.</summary>
    public long LineNumber { get; private set; } = 1;

    public long TruncatedSegments { get; private set; }

    /// <summary>True when bytes of an unfinished segment are waiting for more input.</summary>
    public bool HasPending => _carryLength > 0 || _carryTruncated || _carryEndsWithCr;

    /// <summary>Physical lines seen: completed ones plus an unfinished last one.</summary>
    public long PhysicalLines => LineNumber - 1 + (HasPending || !_atLineStart ? 1 : 0);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(ReadOnlySpan<byte> chunk, ILineSink sink)
    {
        if (_carryEndsWithCr && chunk.Length > 0)
        {
            // A \r ended the previous chunk: only now can we tell \r\n from a bare \r.
            _carryEndsWithCr = false;
            if (chunk[0] == (byte)'\n')
            {
                EmitCarry(sink, SegmentFlags.EndsLine);
                chunk = chunk[1..];
            }
            else
            {
                EmitCarry(sink, SegmentFlags.None);
            }
        }

        var searchFrom = 0;
        while (!chunk.IsEmpty)
        {
            var found = chunk[searchFrom..].IndexOfAny(s_stops);
            if (found < 0)
            {
                AddToCarry(chunk);
                return;
            }

            var index = searchFrom + found;
            if (chunk[index] == EscapeByte)
            {
                _segmentHasEscape = true;
                searchFrom = index + 1;
                continue;
            }

            searchFrom = 0;

            var isCr = chunk[index] == (byte)'\r';
            if (isCr && index == chunk.Length - 1)
            {
                AddToCarry(chunk[..index]);
                _carryEndsWithCr = true;
                return;
            }

            var endsLine = !isCr || chunk[index + 1] == (byte)'\n';
            if (!endsLine && LineNumber > 1 && TrySkipFrames(ref chunk, index, sink)) continue;

            var flags = endsLine ? SegmentFlags.EndsLine : SegmentFlags.None;
            var consumed = index + (isCr && endsLine ? 2 : 1);
            if (_carryLength > 0 || _carryTruncated)
            {
                AddToCarry(chunk[..index]);
                EmitCarry(sink, flags);
            }
            else
            {
                var segment = chunk[..index];
                if (segment.Length > EngineLimits.MaxLineBytes)
                {
                    segment = segment[..EngineLimits.MaxLineBytes];
                    flags |= SegmentFlags.Truncated;
                }

                Emit(sink, segment, flags);
            }

            chunk = chunk[consumed..];
        }
    }

    /// <summary>
    /// A bare <c>\r</c> once the log has shown a <c>\n</c>: the segment it ends is a progress-bar frame the terminal
    /// overwrote, and so is every other one before the line's last segment. The sink ignores frames, so rather than
    /// stopping at each (tqdm redraws ~10 times a second, hundreds of frames on one physical line) jump to the line's
    /// end and emit only its last segment. Only when the whole line is in this chunk and short enough that no frame can
    /// be truncated (the counts stay exact); otherwise the frames are cut one by one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TrySkipFrames(ref ReadOnlySpan<byte> chunk, int frameEnd, ILineSink sink)
    {
        var rest = chunk[(frameEnd + 1)..];
        var newline = rest[..Math.Min(rest.Length, EngineLimits.MaxLineBytes)].IndexOf((byte)'\n');
        if (newline < 0 || frameEnd + 1 + newline > EngineLimits.MaxLineBytes) return false;

        if (_carryLength > 0 || _carryTruncated)
        {
            // The first frame began in the previous chunk: it is dropped like the others.
            if (_carryTruncated || _carryLength + frameEnd > EngineLimits.MaxLineBytes) return false;
            _carryLength = 0;
        }

        var body = rest[..newline];
        if (!body.IsEmpty && body[^1] == (byte)'\r') body = body[..^1];
        var last = body[(body.LastIndexOf((byte)'\r') + 1)..];
        _atLineStart = false;
        _segmentHasEscape = last.Contains(EscapeByte);
        Emit(sink, last, SegmentFlags.EndsLine);
        chunk = rest[(newline + 1)..];
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Emit(ILineSink sink, ReadOnlySpan<byte> segment, SegmentFlags flags)
    {
        if (_atLineStart) flags |= SegmentFlags.StartsLine;
        if (_segmentHasEscape) flags |= SegmentFlags.HasEscape;
        _segmentHasEscape = false;
        if ((flags & SegmentFlags.Truncated) != 0) TruncatedSegments++;
        sink.OnSegment(segment, LineNumber, flags);
        _atLineStart = (flags & SegmentFlags.EndsLine) != 0;
        if (_atLineStart) LineNumber++;
    }
}
