using System.Text;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// Reads a traceback as rich's handler prints it (<c>rich.traceback.install()</c>: accelerate's launcher, kohya's
/// sd-scripts, typer CLIs):
/// <code>
/// ╭──────── Traceback (most recent call last) ────────╮
/// │ /app/venv/lib/site-packages/accelerate/commands/l │
/// │ aunch.py:918 in launch_command                    │
/// │                                                   │
/// │   917 │   else:                                   │
/// │ ❱ 918 │   │   simple_launcher(args)               │
/// ╰───────────────────────────────────────────────────╯
/// CalledProcessError: Command '[…]' returned non-zero exit status 1.
/// </code>
/// Frames are innermost last as in CPython; the type is the short name rich prints. Chained exceptions come oldest
/// first, each panel and exception separated by CPython's chain sentence, and end up in <see cref="TracebackInfo.Chain"/>.
/// </summary>
internal sealed class RichTracebackParser : IFailureBlockParser
{
    private readonly List<TracebackFrame> _frames = [];
    private readonly List<ChainLink> _links = [];
    private readonly StringBuilder _frameText = new();
    private readonly StringBuilder _message = new();
    private readonly RawText _raw = new();
    private State _state;
    private bool _lastFolded;
    private string _type = "";
    private long _exceptionLine;
    private int _messageLines;

    private enum State
    {
        InPanel,
        AfterPanel,
        InMessage,
        AfterMessage,
        AwaitPanel,
    }

    public bool IsOpen { get; private set; }

    public bool TryOpen(ReadOnlySpan<char> line, long lineNumber)
    {
        if (!RichPanelLine.IsTop(line.Trim())) return false;
        IsOpen = true;
        _frames.Clear();
        _links.Clear();
        _frameText.Clear();
        _message.Clear();
        _type = "";
        _messageLines = 0;
        _exceptionLine = 0;
        _state = State.InPanel;
        _raw.Start(lineNumber);
        _raw.Add(line);
        return true;
    }

    public bool TryContinue(ReadOnlySpan<char> line, long lineNumber)
    {
        var trimmed = line.Trim();
        var taken = _state switch
        {
            State.InPanel => ContinuePanel(trimmed),
            State.AfterPanel => StartException(trimmed, lineNumber),
            State.InMessage => ContinueMessage(line, trimmed),
            State.AfterMessage => AfterMessage(trimmed),
            _ => AwaitPanel(trimmed),
        };
        if (taken) _raw.Add(line);
        return taken;
    }

    public TracebackInfo? Close()
    {
        var result = Peek();
        IsOpen = false;
        return result;
    }

    public TracebackInfo? Peek()
    {
        if (!IsOpen || (_type.Length == 0 && _frames.Count == 0 && _links.Count == 0)) return null;
        var frames = new List<TracebackFrame>(_frames);
        if (TakeFrame() is { } pending) frames.Add(pending);
        return new TracebackInfo
        {
            Raw = _raw.ToString(),
            Kind = PythonTracebackParser.Kind,
            ExceptionType = _type,
            ExceptionMessage = _message.ToString(),
            Frames = frames,
            Chain = [.. _links],
            FirstLine = _raw.FirstLine,
            ExceptionLine = _exceptionLine == 0 ? _raw.FirstLine : _exceptionLine,
        };
    }

    private bool ContinuePanel(ReadOnlySpan<char> trimmed)
    {
        if (RichPanelLine.IsBottom(trimmed))
        {
            EndFrameText();
            _state = State.AfterPanel;
            return true;
        }

        if (!RichPanelLine.TryContent(trimmed, out var content, out var folded)) return false;
        if (RichPanelLine.IsCode(content, out var current, out var code))
        {
            EndFrameText();
            if (current && _frames.Count > 0) _frames[^1] = _frames[^1] with { Code = code.ToString() };
        }
        else if (content.IsEmpty || content[0] is '╭' or '│' or '╰' || content.Contains("frames hidden", StringComparison.Ordinal))
        {
            // A blank line, a nested locals panel or rich's "… N frames hidden …" ends a frame header.
            EndFrameText();
        }
        else
        {
            if (_frameText.Length > 0 && !_lastFolded) _frameText.Append(' ');
            if (_frameText.Length + content.Length <= EngineLimits.MaxMessageChars) _frameText.Append(content);
            _lastFolded = folded;
        }

        return true;
    }

    private bool StartException(ReadOnlySpan<char> trimmed, long lineNumber)
    {
        if (!ExceptionLine.TryParse(trimmed, out var typeLength, out var messageStart)) return false;
        _type = trimmed[..typeLength].ToString();
        _message.Clear();
        _messageLines = 0;
        AppendMessage(trimmed[messageStart..].Trim());
        _exceptionLine = lineNumber;
        _state = State.InMessage;
        return true;
    }

    /// <summary>A multi-line message continues on indented lines (bitsandbytes' "RuntimeError:\n        CUDA Setup
    /// failed …"); a blank line ends it.</summary>
    private bool ContinueMessage(ReadOnlySpan<char> line, ReadOnlySpan<char> trimmed)
    {
        if (trimmed.IsEmpty)
        {
            _state = State.AfterMessage;
            return true;
        }

        if (line[0] is not (' ' or '\t') || _messageLines >= EngineLimits.MaxMessageLines) return false;
        AppendMessage(trimmed);
        return true;
    }

    private bool AfterMessage(ReadOnlySpan<char> trimmed)
    {
        if (trimmed.IsEmpty) return true;
        if (TracebackText.ChainRelation(trimmed) is not { } relation) return false;
        _links.Add(new ChainLink { ExceptionType = _type, ExceptionMessage = _message.ToString(), Frames = [.. _frames], Relation = relation });
        _frames.Clear();
        _type = "";
        _message.Clear();
        _state = State.AwaitPanel;
        return true;
    }

    private bool AwaitPanel(ReadOnlySpan<char> trimmed)
    {
        if (trimmed.IsEmpty) return true;
        if (!RichPanelLine.IsTop(trimmed)) return false;
        _state = State.InPanel;
        return true;
    }

    private void EndFrameText()
    {
        if (TakeFrame() is { } frame && _frames.Count < EngineLimits.MaxFrames) _frames.Add(frame);
        _frameText.Clear();
        _lastFolded = false;
    }

    private TracebackFrame? TakeFrame() => _frameText.Length == 0 ? null : RichPanelLine.ParseFrame(_frameText.ToString());

    private void AppendMessage(ReadOnlySpan<char> text)
    {
        if ((text.IsEmpty && _message.Length == 0) || _message.Length + text.Length > EngineLimits.MaxMessageChars) return;
        if (_message.Length > 0) _message.Append('\n');
        _message.Append(text);
        _messageLines++;
    }
}
