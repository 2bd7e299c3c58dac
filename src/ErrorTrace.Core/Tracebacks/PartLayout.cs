namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// Where blank lines may sit among one printout part's frames, which CPython never prints there: loguru's
/// <c>diagnose=True</c> layout, and pastes and consoles that put one after each frame. The printout
/// (<see cref="ExceptionPrintout"/>) asks it about every blank line and the line after one; a new part starts a new layout.
/// </summary>
internal sealed class PartLayout
{
    /// <summary>The most blank lines between two frames, or a frame and the exception line, still read as one printout.</summary>
    private const int MaxBlanksAfterFrame = 2;

    /// <summary>loguru's <c>diagnose=True</c> layout (better_exceptions): a blank line after the header and after each
    /// frame, <c>&gt; File …</c> for the frame that caught the exception, and <c>│ └ value</c> lines under source lines.
    /// CPython never prints a blank line right after the header, which is how this part is recognised.</summary>
    private bool _blankSeparatedFrames;

    /// <summary>Blank lines read after a frame: CPython prints none inside a traceback, but pastes and some consoles
    /// (Spyder, Windows terminals copied from) put one after each frame. The printout goes on only if a frame or the
    /// exception line comes next.</summary>
    private int _blanksAfterFrame;

    /// <summary>A blank line came between two frames of this part: the paste's layout, so one may precede the exception.</summary>
    private bool _framesBlankSeparated;

    /// <summary>The part began at a frame, its header lost (a paste): a blank line may separate it from its exception
    /// line. After CPython's own header a blank line ends the frames, unless blank lines already separated them.</summary>
    public bool Headerless { get; set; }

    public void Reset()
    {
        _blankSeparatedFrames = false;
        _blanksAfterFrame = 0;
        _framesBlankSeparated = false;
        Headerless = false;
    }

    /// <summary>A blank line among <paramref name="current"/>'s frames: true when the part may go on after it.</summary>
    public bool OnBlank(ExceptionBuilder current)
    {
        if (current.Frames.Count == 0 && !current.HasPendingFrame) _blankSeparatedFrames = true;
        if (_blankSeparatedFrames) return true;
        // After a frame: maybe a paste's blank line between frames; the next line decides (GoesOnAfterBlanks).
        return current.HasPendingFrame && ++_blanksAfterFrame <= MaxBlanksAfterFrame;
    }

    /// <summary>Whether blank lines came right before the line being read; they are forgotten.</summary>
    public bool TakeBlanks()
    {
        var afterBlank = _blanksAfterFrame > 0;
        _blanksAfterFrame = 0;
        return afterBlank;
    }

    /// <summary>The line after blank lines keeps the part: a frame (the paste's layout from then on), or the exception line
    /// of a part whose header was lost or whose frames blank lines already separated.</summary>
    public bool GoesOnAfterBlanks(ReadOnlySpan<char> trimmed)
    {
        if (FrameLine.StartsFrame(trimmed))
        {
            _framesBlankSeparated = true;
            return true;
        }

        return (Headerless || _framesBlankSeparated) && ExceptionLine.TryParse(trimmed, out _, out _);
    }

    /// <summary>loguru's <c>&gt; File …</c> (the frame that caught the exception) as the frame line it marks.</summary>
    public ReadOnlySpan<char> Unmarked(ReadOnlySpan<char> trimmed) =>
        _blankSeparatedFrames && trimmed.StartsWith("> File \"", StringComparison.Ordinal) ? trimmed[2..] : trimmed;
}
