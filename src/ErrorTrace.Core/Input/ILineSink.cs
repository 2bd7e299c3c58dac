namespace ErrorTrace.Core.Input;

/// <summary>Receives the segments a <see cref="LineSplitter"/> cuts.</summary>
internal interface ILineSink
{
    /// <summary>One segment without its terminator. <paramref name="lineNumber"/> is the 1-based physical line.
    /// Returns true when the lines that follow may be quiet (<see cref="TakeQuietLines"/> is worth asking).</summary>
    bool OnSegment(ReadOnlySpan<byte> segment, long lineNumber, SegmentFlags flags);

    /// <summary>
    /// Interest-first reading: takes the whole lines at the start of <c>chunk[start..]</c> whose effect the sink can
    /// account for without reading them one by one (lines that only move context forward), and returns where the first
    /// line it did not take starts (<paramref name="start"/> when it took none). <paramref name="lines"/>: how many
    /// it took; <paramref name="lineNumber"/> is the first one's number. Only asked at a line start, with nothing
    /// carried over from the previous chunk; <paramref name="stops"/> is the splitter's scanner over the same chunk.
    /// </summary>
    int TakeQuietLines(ReadOnlySpan<byte> chunk, int start, ref StopByteScanner stops, long lineNumber, out int lines);
}
