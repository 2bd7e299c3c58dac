using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// Reads a traceback as IPython prints it in a notebook or an IPython shell (see <see cref="IPythonFrameLine"/>): a
/// header naming the type, frames that each show a few source lines with an arrow at the failing one, blank lines
/// between frames, then <c>Type: message</c> at column 0. Chained exceptions come oldest first, separated by CPython's
/// chain sentence and a new header, and end up in <see cref="TracebackInfo.Chain"/>.
/// </summary>
internal sealed class IPythonTracebackParser : IFailureBlockParser
{
    private readonly ChainedPrintout _printout = new();
    private State _state;
    private string _headerType = "";
    private string? _relation;

    private enum State
    {
        Frames,
        Message,
        AfterMessage,
        AwaitHeader,
    }

    public bool IsOpen { get; private set; }

    public bool TryOpen(ReadOnlySpan<char> line, long lineNumber)
    {
        if (IPythonFrameLine.HeaderType(line.Trim()) is not { } headerType) return false;
        IsOpen = true;
        _headerType = headerType;
        _relation = null;
        _state = State.Frames;
        _printout.Start(line, lineNumber);
        return true;
    }

    public bool TryContinue(ReadOnlySpan<char> line, long lineNumber)
    {
        var taken = _state switch
        {
            State.Frames => ContinueFrames(line, lineNumber),
            State.Message => ContinueMessage(line),
            State.AfterMessage => AfterMessage(line.Trim()),
            _ => AwaitHeader(line.Trim()),
        };
        if (taken) _printout.AddRaw(line);
        return taken;
    }

    /// <summary>Opens at a header that follows a chain sentence CPython's printer read (<paramref name="earlier"/>, the
    /// exceptions before it): a notebook prints the first exception of a chain without a traceback of its own when the
    /// paste cut it, then <c>During handling of the above exception, …</c> and IPython's header for the next.</summary>
    public bool TryOpenAfterChain(ReadOnlySpan<char> line, long lineNumber, TracebackInfo earlier, string relation)
    {
        if (!TryOpen(line, lineNumber)) return false;
        _printout.PrependLinks(earlier, relation);
        return true;
    }

    /// <summary>How far above a frame's arrow line its frame line may be: IPython shows the failing line with the lines
    /// around it (ultratb's context, a handful), so a frame line further up belongs to another printout.</summary>
    private const int MaxSourceLinesAbove = 16;

    /// <summary>Opens at a frame's arrow line (<c>---&gt; 216  raise RuntimeError(…)</c>) when the paste kept no header:
    /// the frame it belongs to is the last line above, among the lines the stream printed since its last blank line, that
    /// reads as an IPython frame (<c>/…/cuda.py in checkCUStatus(error)</c>, <c>File ~/x.py:12, in f(a)</c>).</summary>
    public bool TryOpenAtArrow(ReadOnlySpan<char> line, long lineNumber, LookbackBlock above)
    {
        if (!IPythonFrameLine.IsCode(line, out var current, out _, out _) || !current) return false;
        var i = FrameLineAbove(above, out var frame);
        if (frame is null) return false;
        IsOpen = true;
        _headerType = "";
        _relation = null;
        _state = State.Frames;
        _printout.Start(above.Line(i), above.LineNumber(i));
        _printout.Frames.Add(frame);
        if (TryContinue(line, lineNumber)) return true;
        IsOpen = false;
        return false;
    }

    /// <summary>The lookback holds a frame line an arrow line read next would open at (<see cref="TryOpenAtArrow"/>): a
    /// range split must not start after it, since a later reader whose warm-up began below it would not hold it.</summary>
    public static bool MayOpenAtArrowFrom(LookbackBlock above) => FrameLineAbove(above, out _) >= 0;

    /// <summary>The index of the last IPython frame line among the lookback's last <see cref="MaxSourceLinesAbove"/>
    /// lines, with its frame; -1 when there is none.</summary>
    private static int FrameLineAbove(LookbackBlock above, out TracebackFrame? frame)
    {
        for (var i = above.Count - 1; i >= 0 && i >= above.Count - MaxSourceLinesAbove; i--)
        {
            frame = IPythonFrameLine.ParseFrame(above.Line(i));
            if (frame is not null) return i;
        }

        frame = null;
        return -1;
    }

    public TracebackInfo? Close()
    {
        var result = Peek();
        IsOpen = false;
        return result;
    }

    public TracebackInfo? Peek()
    {
        // A header alone still names the type: a paste cut right after it, or that kept only the message.
        if (!IsOpen || (_printout.IsEmpty && _headerType.Length == 0)) return null;
        // A paste cut before the exception line still names the type in its header.
        return _printout.ToTraceback(_printout.Type.Length > 0 ? _printout.Type : _headerType, [.. _printout.Frames]);
    }

    private bool ContinueFrames(ReadOnlySpan<char> line, long lineNumber)
    {
        var trimmed = line.Trim();
        // Blank lines separate frames; Colab folds library frames ("11 frames"); "(...)" marks skipped source lines.
        if (trimmed.IsEmpty || IPythonFrameLine.IsFoldedFrames(trimmed) || trimmed.SequenceEqual("(...)") || IPythonFrameLine.IsHiddenFrames(trimmed)) return true;
        if (IPythonFrameLine.IsCode(line, out var current, out var number, out var code, unindented: _printout.Frames.Count > 0))
        {
            if (current && _printout.Frames.Count > 0)
                _printout.Frames[^1] = _printout.Frames[^1] with { Line = _printout.Frames[^1].Line ?? number, Code = code.ToString() };
            return true;
        }

        if (IPythonFrameLine.ParseFrame(line) is { } frame)
        {
            if (_printout.Frames.Count < EngineLimits.MaxFrames) _printout.Frames.Add(frame);
            return true;
        }

        if (line[0] == ' ' || !ExceptionLine.TryParse(trimmed, out var typeLength, out var messageStart)) return false;
        _printout.StartException(trimmed[..typeLength].ToString(), trimmed[messageStart..].Trim(), lineNumber);
        _state = State.Message;
        return true;
    }

    /// <summary>The message goes on until a blank line (TensorFlow's "\t [[Node: …]]" lines belong to it).</summary>
    private bool ContinueMessage(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.IsEmpty)
        {
            _state = State.AfterMessage;
            return true;
        }

        if (_printout.MessageLines >= EngineLimits.MaxMessageLines || IPythonFrameLine.IsHeader(trimmed)) return false;
        _printout.AppendMessage(line.TrimEnd());
        return true;
    }

    private bool AfterMessage(ReadOnlySpan<char> trimmed)
    {
        if (trimmed.IsEmpty) return true;
        if (TracebackText.ChainRelation(trimmed) is not { } relation) return false;
        _relation = relation;
        _state = State.AwaitHeader;
        return true;
    }

    /// <summary>After a chain sentence: blank lines, IPython's rule of dashes, then the next header.</summary>
    private bool AwaitHeader(ReadOnlySpan<char> trimmed)
    {
        if (trimmed.IsEmpty || !trimmed.ContainsAnyExcept('-')) return true;
        if (IPythonFrameLine.HeaderType(trimmed) is not { } headerType) return false;
        _headerType = headerType;
        _printout.EndLink(_relation ?? "context");
        _state = State.Frames;
        return true;
    }
}
