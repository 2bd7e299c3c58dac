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
    private readonly ChainedPrintout _printout = new();
    private readonly StringBuilder _frameText = new();
    private State _state;
    private bool _lastFolded;

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
        _frameText.Clear();
        _lastFolded = false;
        _state = State.InPanel;
        _printout.Start(line, lineNumber);
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
        if (taken) _printout.AddRaw(line);
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
        if (!IsOpen || _printout.IsEmpty) return null;
        var frames = new List<TracebackFrame>(_printout.Frames);
        if (TakeFrame() is { } pending) frames.Add(pending);
        return _printout.ToTraceback(_printout.Type, frames);
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
            if (current && _printout.Frames.Count > 0) _printout.Frames[^1] = _printout.Frames[^1] with { Code = code.ToString() };
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
        _printout.StartException(trimmed[..typeLength].ToString(), trimmed[messageStart..].Trim(), lineNumber);
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

        if (line[0] is not (' ' or '\t') || _printout.MessageLines >= EngineLimits.MaxMessageLines) return false;
        _printout.AppendMessage(trimmed);
        return true;
    }

    private bool AfterMessage(ReadOnlySpan<char> trimmed)
    {
        if (trimmed.IsEmpty) return true;
        if (TracebackText.ChainRelation(trimmed) is not { } relation) return false;
        _printout.EndLink(relation);
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
        if (TakeFrame() is { } frame && _printout.Frames.Count < EngineLimits.MaxFrames) _printout.Frames.Add(frame);
        _frameText.Clear();
        _lastFolded = false;
    }

    private TracebackFrame? TakeFrame() => _frameText.Length == 0 ? null : RichPanelLine.ParseFrame(_frameText.ToString());
}
