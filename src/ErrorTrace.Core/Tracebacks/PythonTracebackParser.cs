using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// Reads one stream's Python tracebacks: a plain chain at level 0, and for exception groups one
/// <see cref="ExceptionPrintout"/> per nesting level, keyed by the margin's column (<see cref="GroupMargin"/>).
/// Level i ≥ 1 holds a sub-exception printed at margin depth i + 1; when it ends it becomes a sub-exception of the
/// exception current at level i − 1.
/// </summary>
internal sealed class PythonTracebackParser : IFailureBlockParser
{
    public const string Kind = "python";

    private readonly List<ExceptionPrintout> _levels = [];
    private readonly RawText _raw = new();
    private bool _groupMode;

    /// <summary>The text glued before the header when every line of the printout may carry it (an orchestrator's
    /// per-line prefix); see <see cref="LinePrefix"/>.</summary>
    private string? _linePrefix;

    public bool IsOpen => _levels.Count > 0;

    /// <summary>Lines read ahead after the last message's blank line and not taken: after <see cref="Close"/> the
    /// caller reads them as if the printout had ended at that blank line, then clears them.</summary>
    public HeldParagraph Held { get; } = new();

    public bool TryOpen(ReadOnlySpan<char> line, long lineNumber) => TryOpen(line, lineNumber, allowHeaderless: true);

    public bool TryOpen(ReadOnlySpan<char> line, long lineNumber, bool allowHeaderless)
    {
        var trimmed = line.TrimStart(' ');
        var header = trimmed.IndexOf(TracebackText.Header, StringComparison.Ordinal);
        var isGroupHeader = header > 0 && trimmed[..header].EndsWith("Exception Group ", StringComparison.Ordinal);
        if (!isGroupHeader && (header == 0 || (header > 0 && trimmed.EndsWith(TracebackText.Header, StringComparison.Ordinal) && GluedText.IsGlued(trimmed[..header]))))
        {
            // Also a header glued to the end of a progress bar or a log message ("Full traceback: Traceback (…):").
            Open(lineNumber, groupMode: false);
            // A header glued after text, or indented with the whole printout (a quoted traceback, a logger that indents
            // every line): the same prefix before each later line is the printout's margin, not its own indentation.
            var prefixLength = line.Length - trimmed.Length + header;
            // Not when the text is an exception's type: PyTorch < 1.0 re-raised a DataLoader worker's exception with the
            // worker's formatted traceback as its message ("RuntimeError: Traceback (most recent call last):"), and the
            // quoted printout ends with an exception line that starts with the same words.
            if (prefixLength > 0 && !IsExceptionType(trimmed[..header])) _linePrefix = line[..prefixLength].ToString();
            Continue(trimmed[header..], lineNumber);
            return true;
        }

        if (isGroupHeader && trimmed.EndsWith(TracebackText.GroupHeader, StringComparison.Ordinal) && trimmed[..(header - 16)].TrimEnd().EndsWith("+", StringComparison.Ordinal))
        {
            // A top-level group's header glued to a progress bar: "… 45%|███ |  + Exception Group Traceback (…):".
            Open(lineNumber, groupMode: true);
            return Continue("  + " + TracebackText.GroupHeader, lineNumber) || Reset();
        }

        var margin = GroupMargin.Read(line);
        if (margin.Kind == GroupMarginKind.Content && margin.Depth >= 1)
        {
            var content = line[margin.ContentStart..];
            if (content.StartsWith(TracebackText.GroupHeader, StringComparison.Ordinal) || IsGroupExceptionLine(content))
            {
                Open(lineNumber, groupMode: true);
                return Continue(line, lineNumber) || Reset();
            }
        }

        // multiprocessing's RemoteTraceback prints as a cause without traceback; its message quotes the worker's
        // traceback between """ lines, so the printout starts at the exception line.
        if (ExceptionLine.TryParse(trimmed, out var typeLength, out var messageStart) && trimmed[messageStart..].IsWhiteSpace()
            && trimmed[..typeLength].EndsWith("RemoteTraceback", StringComparison.Ordinal))
        {
            Open(lineNumber, groupMode: false);
            _levels[0] = ExceptionPrintout.AtException(trimmed[..typeLength], lineNumber);
            _raw.Add(line);
            return true;
        }

        // A frame outside a traceback: its header was lost (a rotated log, a paste). At column 0 only the full
        // "File …, line N, in f" form counts; the SyntaxError location form needs its usual indentation.
        if (allowHeaderless && FrameLine.TryParse(trimmed, out var frame) && (frame.Style == FrameStyle.Traceback || (frame.Style == FrameStyle.SyntaxErrorLocation && line.Length - trimmed.Length >= 2)))
        {
            Open(lineNumber, groupMode: false);
            return Continue(line, lineNumber) || Reset();
        }

        return allowHeaderless && TryOpenRelayedFrame(line, trimmed, lineNumber);
    }

    /// <summary>A frame glued after a logger's prefix, the header cut off (vLLM's relayed worker traceback retrieved from
    /// its middle: <c>ERROR 07-24 14:07:40 multiproc_worker_utils.py:226]   File "…", line 223, in f</c>). The prefix is
    /// the printout's margin on every later line, as after a glued header; what precedes the frame's indentation must end
    /// like a prefix (<c>]</c>, <c>:</c>), not like a word of prose or another frame.</summary>
    /// <summary>The longest logger prefix before a relayed frame: vLLM's <c>(VllmWorkerProcess pid=6499) ERROR 07-24
    /// 14:07:40 multiproc_worker_utils.py:226]</c> is about 70 characters after its Ray-style label is taken off.</summary>
    private const int MaxRelayPrefixChars = 120;

    /// <summary>CPython's indentation of a frame line (<c>  File "…"</c>).</summary>
    private const int FrameIndent = 2;

    private bool TryOpenRelayedFrame(ReadOnlySpan<char> line, ReadOnlySpan<char> trimmed, long lineNumber)
    {
        var at = trimmed.IndexOf("File \"", StringComparison.Ordinal);
        if (at <= 1 || trimmed[at - 1] != ' ') return false;
        var text = trimmed[..at].TrimEnd(' ');
        // A logger's prefix ends with its bracket or colon and is short; a traceback flattened onto one line has text
        // (its header, other frames) before the frame instead.
        if (text.IsEmpty || text.Length > MaxRelayPrefixChars || text[^1] is not (']' or ':') || text.Contains(TracebackText.Header, StringComparison.Ordinal)
            || !FrameLine.TryParse(trimmed[at..], out var frame) || frame.Style != FrameStyle.Traceback) return false;
        // A frame is indented by two spaces; more are the prefix's own separator (vLLM's "] "; MPI's "<stderr>:" has none).
        var spaces = at - text.Length;
        var prefixLength = line.Length - trimmed.Length + text.Length + Math.Max(0, spaces - FrameIndent);
        Open(lineNumber, groupMode: false);
        _linePrefix = line[..prefixLength].ToString();
        return Continue(line, lineNumber) || Reset();
    }

    /// <summary>The first line of an excerpt that starts inside a frame line, its <c>File "</c> and the path's head cut
    /// off (<c>Megatron-LM/examples/train.py", line 18, in &lt;module&gt;</c>): read as that frame, the printout's header
    /// lost with it. Only there: anywhere else a line can only be cut so by a writer, and the gate does not look for it.</summary>
    public bool TryOpenCutFrame(ReadOnlySpan<char> line, long lineNumber)
    {
        // The cut took the frame's indentation with it; an indented line is a paste indented as a whole, whose
        // source and exception lines are indented too and would not read as this printout's.
        if (line.IsEmpty || line[0] == ' ') return false;
        var at = line.IndexOf("\", line ", StringComparison.Ordinal);
        if (at <= 0 || line[..at].Contains('"')) return false;
        var frameLine = "  File \"" + line.ToString();
        if (!FrameLine.TryParse(frameLine.AsSpan(2), out var frame) || frame.Style != FrameStyle.Traceback) return false;
        Open(lineNumber, groupMode: false);
        return Continue(frameLine, lineNumber) || Reset();
    }

    /// <summary>Opens on a chain sentence seen outside a traceback: the exception before it printed no traceback, so
    /// its text is what the stream printed just before (<paramref name="exceptionLine"/> and the lines after it).</summary>
    public bool TryOpenAfterLookback(string relation, ReadOnlySpan<char> sentence, ReadOnlySpan<char> exceptionLine,
        ReadOnlySpan<char> moreLines, long exceptionLineNumber)
    {
        if (!ExceptionLine.TryParse(exceptionLine, out _, out _)) return false;
        Held.Clear();
        _linePrefix = null;
        _levels.Clear();
        _groupMode = false;
        _raw.Start(exceptionLineNumber);
        _raw.Add(exceptionLine);
        if (!moreLines.IsEmpty) _raw.Add(moreLines);
        _raw.Add("");
        _raw.Add(sentence);
        _levels.Add(ExceptionPrintout.FromLookback(exceptionLine, moreLines, exceptionLineNumber, relation));
        return true;
    }

    /// <summary>The relation of a chain sentence the printout ended on, waiting for the next part (outside any group,
    /// nothing held back), else null: another printer's traceback may be that part (IPython's header).</summary>
    public string? AwaitedRelation => _levels.Count == 1 && !_groupMode && Held.Count == 0 ? _levels[0].AwaitedRelation : null;

    public bool TryContinue(ReadOnlySpan<char> line, long lineNumber) => Continue(line, lineNumber);

    public TracebackInfo? Close()
    {
        while (_levels.Count > 1) FinishLevel(_levels.Count - 1);
        var result = Peek();
        Reset();
        return result;
    }

    public TracebackInfo? Peek() =>
        _levels.Count == 0 ? null : _levels[0].Build(_raw.ToString(), Kind) is { } info ? info with { FirstLine = _raw.FirstLine } : null;

    private void Open(long lineNumber, bool groupMode)
    {
        Held.Clear();
        _linePrefix = null;
        _levels.Clear();
        _levels.Add(new ExceptionPrintout(PrintoutState.ChainStart));
        _groupMode = groupMode;
        _raw.Start(lineNumber);
    }

    private bool Continue(ReadOnlySpan<char> line, long lineNumber)
    {
        if (_linePrefix is not null)
        {
            if (LinePrefix.Matches(line, _linePrefix)) line = line[_linePrefix.Length..];
            // An indented printout's message ends at the first line back at a lower margin: the writer's own next line.
            else if (_levels.Count == 1 && _levels[0].InMessage && _linePrefix.AsSpan().IsWhiteSpace() && !line.IsWhiteSpace()) return false;
        }

        if (_groupMode || _levels.Count > 1 || _levels[0].ExpectsChainStart)
        {
            var margin = GroupMargin.Read(line);
            if (margin.Kind != GroupMarginKind.None && (margin.Depth >= 1 || margin.Kind != GroupMarginKind.Content))
            {
                _groupMode = true;
                _raw.Add(line);
                return HandleMargin(margin, line, lineNumber);
            }
        }

        while (_levels.Count > 1) FinishLevel(_levels.Count - 1);
        var printout = _levels[0];
        if (!printout.Feed(line, lineNumber)) return false;
        if (printout.IsLookingAhead) return Held.TryAdd(line, lineNumber);
        if (Held.Count > 0)
        {
            // A chain sentence followed the paragraph: it was the rest of a message, and the printout goes on.
            Held.AppendTo(_raw);
            Held.Clear();
        }

        _raw.Add(line);
        return true;
    }

    private bool HandleMargin(GroupMarginLine margin, ReadOnlySpan<char> line, long lineNumber)
    {
        switch (margin.Kind)
        {
            case GroupMarginKind.Separator:
                {
                    var level = Math.Clamp(margin.Depth - 1, 1, _levels.Count);
                    while (_levels.Count > level) FinishLevel(_levels.Count - 1);
                    if (_levels.Count > EngineLimits.MaxGroupDepth) return true;
                    _levels[level - 1].OnChildrenStarted();
                    _levels.Add(new ExceptionPrintout(PrintoutState.ChainStart) { IsPlaceholder = margin.Placeholder });
                    return true;
                }

            case GroupMarginKind.Close:
                {
                    var level = Math.Max(1, margin.Depth - 1);
                    while (_levels.Count > level) FinishLevel(_levels.Count - 1);
                    return true;
                }

            default:
                {
                    var level = Math.Clamp(margin.Depth - 1, 0, _levels.Count - 1);
                    while (_levels.Count > level + 1) FinishLevel(_levels.Count - 1);
                    var content = line[margin.ContentStart..];
                    return _levels[level].Feed(content, lineNumber) || level > 0;
                }
        }
    }

    private void FinishLevel(int level)
    {
        var printout = _levels[level];
        _levels.RemoveAt(level);
        if (printout.IsPlaceholder) return;
        var parent = _levels[level - 1].Current;
        if (parent is null || parent.SubExceptions.Count >= EngineLimits.MaxChainLength) return;
        if (printout.Build("", Kind) is { } info) parent.SubExceptions.Add(info);
    }

    private bool Reset()
    {
        _levels.Clear();
        _groupMode = false;
        return false;
    }

    /// <summary><c>TypeError: </c>: a type name and the colon, nothing else.</summary>
    private static bool IsExceptionType(ReadOnlySpan<char> text) =>
        ExceptionLine.TryParse(text.TrimEnd(), out var typeLength, out _) && typeLength == text.TrimEnd().Length - 1;

    /// <summary><c>ExceptionGroup: msg (2 sub-exceptions)</c>: str() of every group ends so, subclasses included.</summary>
    private static bool IsGroupExceptionLine(ReadOnlySpan<char> content) =>
        content.EndsWith(" sub-exceptions)", StringComparison.Ordinal) || content.EndsWith(" sub-exception)", StringComparison.Ordinal);
}
