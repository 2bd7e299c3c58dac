namespace ErrorTrace.Core.Tracebacks;

/// <summary>Which printer wrote a frame line.</summary>
internal enum FrameStyle
{
    /// <summary><c>File "x", line 1, in f</c></summary>
    Traceback,

    /// <summary><c>File "x", line 1</c> — SyntaxError's location.</summary>
    SyntaxErrorLocation,

    /// <summary><c>File "x", line 1 in f</c></summary>
    Faulthandler,
}
