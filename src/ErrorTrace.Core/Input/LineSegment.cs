namespace ErrorTrace.Core.Input;

/// <summary>How a segment ended and where it sits in its physical line.</summary>
[Flags]
internal enum SegmentFlags
{
    None = 0,

    /// <summary>The segment is the first of its physical line (the previous terminator was a newline, or it is the file's start).</summary>
    StartsLine = 1,

    /// <summary>A newline (<c>\n</c> or <c>\r\n</c>) ended it; otherwise a bare <c>\r</c> did, or the end of input.</summary>
    EndsLine = 2,

    /// <summary>The segment was longer than <see cref="Analysis.EngineLimits.MaxLineBytes"/> and was cut.</summary>
    Truncated = 4,

    /// <summary>The segment holds an ESC byte (an ANSI sequence): found by the same scan that finds line ends, so
    /// plain lines are never scanned twice.</summary>
    HasEscape = 8,
}
