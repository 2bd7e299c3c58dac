using System.Text;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>One exception being read: its frames, its type and message lines, and for a group its sub-exceptions.</summary>
internal sealed class ExceptionBuilder
{
    private readonly StringBuilder _message = new();
    private ParsedFrame? _pendingFrame;
    private string? _pendingCode;

    public List<TracebackFrame> Frames { get; } = [];

    public List<TracebackInfo> SubExceptions { get; } = [];

    public string? Type { get; private set; }

    public int MessageLines { get; private set; }

    public long ExceptionLineNumber { get; private set; }

    /// <summary>A wrapper's exception line read among the frames (Ray's <c>RayTaskError(KeyError): ray::task()</c>, see
    /// <see cref="RayCauseLine"/>): the type when the part ends without an exception line of its own.</summary>
    public string? WrapperType { get; private set; }

    public string? WrapperMessage { get; private set; }

    public long WrapperLineNumber { get; private set; }

    public bool HasPendingFrame => _pendingFrame is not null;

    public bool PendingFrameHasCode => _pendingCode is not null;

    public void AddFrame(ParsedFrame frame)
    {
        FlushFrame();
        _pendingFrame = frame;
    }

    public void SetPendingCode(string code) => _pendingCode = code;

    /// <summary>The frame just read was the first piece of a wrapped line: the whole line says more.</summary>
    public void ReplacePendingFrame(ParsedFrame frame)
    {
        _pendingFrame = frame;
        _pendingCode = null;
    }

    public void SetException(ReadOnlySpan<char> type, ReadOnlySpan<char> firstMessageLine, long lineNumber)
    {
        FlushFrame();
        // Ranks sharing stderr interleave the pieces CPython writes of the line ("KeyErrorKeyError: : 'input_ids_j'").
        InterleavedExceptionType.Untangle(ref type, ref firstMessageLine);

        Type = type.ToString();
        ExceptionLineNumber = lineNumber;
        _message.Clear();
        _message.Append(firstMessageLine);
        MessageLines = 1;
    }

    /// <summary>Keeps a wrapper's exception line read among the frames; the first one is the outermost task's.</summary>
    public void SetWrapper(ReadOnlySpan<char> type, ReadOnlySpan<char> message, long lineNumber)
    {
        if (WrapperType is not null) return;
        WrapperType = type.ToString();
        WrapperMessage = message.ToString();
        WrapperLineNumber = lineNumber;
    }

    /// <summary>Adds a message line; false when the message is full (the caller ends the traceback there).</summary>
    public bool AppendMessageLine(ReadOnlySpan<char> line)
    {
        if (MessageLines >= EngineLimits.MaxMessageLines || _message.Length + line.Length + 1 > EngineLimits.MaxMessageChars) return false;
        _message.Append('\n').Append(line);
        MessageLines++;
        return true;
    }

    /// <summary>The message's last line as read so far (a copy: messages are short and this is asked rarely).</summary>
    public string LastMessageLine()
    {
        var end = _message.Length;
        var start = end;
        while (start > 0 && _message[start - 1] != '\n') start--;
        return _message.ToString(start, end - start);
    }

    public string Message()
    {
        var end = _message.Length;
        while (end > 0 && _message[end - 1] == '\n') end--;
        return _message.ToString(0, end);
    }

    /// <summary>Frames so far, including a frame whose source line may still come (non-destructive).</summary>
    public IReadOnlyList<TracebackFrame> SnapshotFrames()
    {
        if (_pendingFrame is null) return Frames.ToArray();
        var all = new List<TracebackFrame>(Frames.Count + 1);
        all.AddRange(Frames);
        all.Add(ToFrame(_pendingFrame.Value, _pendingCode));
        return all;
    }

    public void FlushFrame()
    {
        if (_pendingFrame is { } frame && Frames.Count < EngineLimits.MaxFrames) Frames.Add(ToFrame(frame, _pendingCode));
        _pendingFrame = null;
        _pendingCode = null;
    }

    private static TracebackFrame ToFrame(ParsedFrame frame, string? code) =>
        new() { File = frame.File, Line = frame.Line, Function = frame.Function, Code = code };
}
