using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// Reads an exception as VS Code's Python debugger (debugpy) shows it when it stops on an uncaught exception, and as
/// users paste it into issues:
/// <code>
/// Exception has occurred: RuntimeError       (note: full exception trace is shown but execution is paused at: &lt;module&gt;)
/// CUDA error: no kernel image is available for execution on the device
///   File "/root/mmcv/mmcv/ops/focal_loss.py", line 60, in forward
///     ext_module.sigmoid_focal_loss_forward(
///   File "/root/mmdetection/mmdet/models/losses/focal_loss.py", line 139, in sigmoid_focal_loss
/// </code>
/// The type is the class's name (<c>type(e).__name__</c>), then the message, then CPython's frame lines in the reverse of
/// a traceback's order: the frame that raised comes first. The note is optional, and a paste may keep the type line
/// without the words before it (<c>ImportError       (note: full exception trace is shown …)</c>). A paste often adds the
/// exception line CPython printed after it (<c>torch.cuda.OutOfMemoryError: CUDA out of memory…</c>): the same exception,
/// with its qualified name.
/// </summary>
internal sealed class DebuggerExceptionParser : IFailureBlockParser
{
    private const string Header = "Exception has occurred: ";

    private const string Note = "(note: full exception trace is shown";

    /// <summary>The frames one stop shows; a longer run is not one exception's.</summary>
    private const int MaxFrames = 512;

    private readonly MessageLines _message = new();
    private readonly RawText _raw = new();
    private readonly List<TracebackFrame> _frames = [];
    private string _type = "";
    private long _firstLine;
    private int _frameIndent;

    /// <summary>The exception line a paste added after the frames was read: nothing more is this block's.</summary>
    private bool _done;

    public bool IsOpen { get; private set; }

    /// <summary>Cheap test first: the block opens only on the header's words or its note.</summary>
    public bool TryOpen(ReadOnlySpan<char> line, long lineNumber)
    {
        var trimmed = line.Trim();
        ReadOnlySpan<char> type;
        if (trimmed.StartsWith(Header, StringComparison.Ordinal)) type = trimmed[Header.Length..];
        else if (trimmed.Contains(Note, StringComparison.Ordinal)) type = trimmed;
        else return false;

        var note = type.IndexOf(Note, StringComparison.Ordinal);
        if (note >= 0) type = type[..note];
        // A Chinese input method's full-width colon after the name ("AssertionError：").
        type = type.Trim().TrimEnd(':').TrimEnd('：').TrimEnd();
        if (!ExceptionLine.TryParse(type, out var typeLength, out _) || typeLength != type.Length || !ExceptionLine.LooksLikeBareType(type)) return false;

        IsOpen = true;
        _type = type.ToString();
        _message.Clear();
        _frames.Clear();
        _frameIndent = 0;
        _done = false;
        _firstLine = lineNumber;
        _raw.Start(lineNumber);
        _raw.Add(line);
        return true;
    }

    public bool TryContinue(ReadOnlySpan<char> line, long lineNumber)
    {
        _ = lineNumber;
        if (_done) return false;
        var trimmed = line.TrimStart(' ');
        if (trimmed.IsWhiteSpace()) return false;
        var indent = line.Length - trimmed.Length;
        if (FrameLine.TryParse(trimmed, out var frame))
        {
            if (_frames.Count >= MaxFrames) return false;
            _frames.Add(new TracebackFrame { File = frame.File, Line = frame.Line, Function = frame.Function });
            _frameIndent = indent;
            _raw.Add(line);
            return true;
        }

        if (_frames.Count == 0)
        {
            if (_message.Count >= EngineLimits.MaxMessageLines) return false;
            _message.Append(line.Trim());
            _raw.Add(line);
            return true;
        }

        if (indent > _frameIndent)
        {
            // The frame's source line, or the carets under it.
            if (_frames[^1].Code is null && trimmed.TrimEnd().ContainsAnyExcept('^', '~')) _frames[^1] = _frames[^1] with { Code = line.Trim().ToString() };
            _raw.Add(line);
            return true;
        }

        return TryTakeExceptionLine(line, trimmed);
    }

    /// <summary>The exception line CPython printed, pasted after the debugger's view: the same class when its name ends
    /// the qualified type (<c>torch.cuda.OutOfMemoryError</c> for <c>OutOfMemoryError</c>).</summary>
    private bool TryTakeExceptionLine(ReadOnlySpan<char> line, ReadOnlySpan<char> trimmed)
    {
        if (!ExceptionLine.TryParse(trimmed, out var typeLength, out _)) return false;
        var type = trimmed[..typeLength];
        var name = type[(type.LastIndexOf('.') + 1)..];
        if (!name.SequenceEqual(_type)) return false;
        _type = type.ToString();
        _raw.Add(line);
        _done = true;
        return true;
    }

    public TracebackInfo? Close()
    {
        var result = Peek();
        IsOpen = false;
        return result;
    }

    /// <summary>The exception so far, its frames in a traceback's order (the innermost last).</summary>
    public TracebackInfo? Peek()
    {
        if (!IsOpen) return null;
        var frames = new List<TracebackFrame>(_frames);
        frames.Reverse();
        return new TracebackInfo
        {
            Raw = _raw.ToString(),
            Kind = PythonTracebackParser.Kind,
            ExceptionType = _type,
            ExceptionMessage = _message.ToString(),
            Frames = frames,
            FirstLine = _firstLine,
            ExceptionLine = _firstLine,
        };
    }
}
