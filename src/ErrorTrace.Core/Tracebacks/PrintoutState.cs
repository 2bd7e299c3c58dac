namespace ErrorTrace.Core.Tracebacks;

/// <summary>Where an <see cref="ExceptionPrintout"/> is in CPython's layout.</summary>
internal enum PrintoutState
{
    /// <summary>Expecting a part's start: a traceback header, a frame, or an exception line printed without traceback.</summary>
    ChainStart,

    /// <summary>Inside <c>Traceback (most recent call last):</c>: frames, source lines, carets, until the exception line.</summary>
    Frames,

    /// <summary>After the exception line: further message lines and notes, until a blank line.</summary>
    Message,

    /// <summary>After the blank line that ends a message: only a chain sentence continues the printout.</summary>
    AfterBlank,

    /// <summary>After a paragraph that followed that blank line: held back, because a chain sentence after it means the
    /// blank line was inside a chained exception's message. Anything that starts a printout of its own ends the wait.</summary>
    LookAhead,
}
