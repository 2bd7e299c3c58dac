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

    /// <summary>The most panel lines read back from an exception line whose panel top was not kept.</summary>
    private const int MaxPanelLinesAbove = 60;

    /// <summary>Opens at an exception line right under a panel's bottom border when the panel's top was not kept (a
    /// paste that starts inside the panel): the panel is the run of panel lines the stream printed just before, read
    /// from <paramref name="above"/>. Its first line may have lost its left border with the paste's cut
    /// (<c>lib/python3.8/site-packages/datasets/builder.py:797 in          │</c>).</summary>
    public bool TryOpenAfterPanel(ReadOnlySpan<char> line, long lineNumber, LookbackBlock above)
    {
        if (above.Count == 0 || !ExceptionLine.TryParse(line.Trim(), out _, out _)) return false;
        var last = above.Line(above.Count - 1).AsSpan().Trim();
        if (!RichPanelLine.IsBottom(last)) return false;
        var first = above.Count - 1;
        while (first > 0 && above.Count - first < MaxPanelLinesAbove && IsPanelLine(above.Line(first - 1).AsSpan().Trim())) first--;
        IsOpen = true;
        _frameText.Clear();
        _lastFolded = false;
        _state = State.InPanel;
        for (var i = first; i < above.Count; i++)
        {
            var text = above.Line(i).AsSpan().Trim();
            var bordered = text.IsEmpty || text[0] is RichPanelLine.Left or '╰' or '╭' ? text.ToString() : RichPanelLine.Left + " " + text.ToString();
            if (i == first) _printout.Start(bordered, above.LineNumber(i));
            else _printout.AddRaw(bordered);
            ContinuePanel(bordered);
        }

        if (TryContinue(line, lineNumber)) return true;
        IsOpen = false;
        return false;
    }

    /// <summary>A line of a panel: between borders, a border, or content that lost its left border to a paste's cut.</summary>
    internal static bool IsPanelLine(ReadOnlySpan<char> trimmed) =>
        !trimmed.IsEmpty && (trimmed[0] is RichPanelLine.Left or '╰' || trimmed[^1] == RichPanelLine.Left);

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
