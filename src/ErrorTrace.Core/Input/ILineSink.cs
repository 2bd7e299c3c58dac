namespace ErrorTrace.Core.Input;

/// <summary>Receives the segments a <see cref="LineSplitter"/> cuts.</summary>
internal interface ILineSink
{
    /// <summary>One segment without its terminator. <paramref name="lineNumber"/> is the 1-based physical line.</summary>
    void OnSegment(ReadOnlySpan<byte> segment, long lineNumber, SegmentFlags flags);
}
