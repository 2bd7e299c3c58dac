using System.Buffers;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// The state machine for what <c>TracebackException.format()</c> prints for one exception at one nesting level: a chain
/// of parts, each an optional <c>Traceback (most recent call last):</c> with frames, then the exception line and its
/// message, joined by the cause/context sentences. Lines arrive with any exception-group margin already removed.
/// <see cref="Feed"/> answers false when the line does not belong here; the caller then closes the printout.
/// </summary>
internal sealed class ExceptionPrintout
{
    /// <summary>Needles of every line that can open a failure block (see <see cref="MayStartPrintout"/>).</summary>
    private static readonly SearchValues<string> s_printoutStarts = SearchValues.Create(
        ["Traceback", "File \"", "sub-exception", "Fatal Python error", "Timeout (", "terminate called"], StringComparison.Ordinal);

    /// <summary>A frame's source line is indented four spaces under the part's margin (StackSummary.format_frame_summary).</summary>
    private const int ElidedPartCodeIndent = 4;

    private readonly List<(ExceptionBuilder Exception, string Relation)> _chain = [];
    private ExceptionBuilder? _current;
    private PrintoutState _state;
    private int _baseIndent;
    private string? _pendingRelation;

    /// <summary>The blank line came after a message (it may be inside it), not after a group's sub-exceptions.</summary>
    private bool _blankEndedMessage;

    /// <summary>Inside a message's <c>"""</c> block: multiprocessing's RemoteTraceback quotes a whole traceback there.</summary>
    private bool _inQuotedText;

    /// <summary>The message so far introduced a traceback of its own (DataLoader's "Original Traceback (most recent call
    /// last):", Ray's <c>ray::task() (pid=…)</c> line before the task's frames): frame lines after it are the message's.</summary>
    private bool _messageQuotesFrames;

    /// <summary>The part's frames went on after its exception line (<see cref="ResumeInterleavedFrames"/>): a later
    /// exception line is another rank's copy of the same failure, and its message lines are not added again.</summary>
    private bool _interleaved;

    /// <summary>The indentation of the current part's last frame line: an exception line indented less than its frames,
    /// though more than the header, is the part's own, re-indented with the printout (<see cref="IsReindentedException"/>).</summary>
    private int _frameIndent;

    /// <summary>Where blank lines may sit among the current part's frames.</summary>
    private readonly PartLayout _layout = new();

    /// <summary>A frame line the terminal wrapped (see <see cref="WrappedFrame"/>), waiting for its next piece.</summary>
    private WrappedFrame? _wrapped;

    public ExceptionPrintout(PrintoutState initial, int baseIndent = 0)
    {
        _state = initial;
        _baseIndent = baseIndent;
        if (initial == PrintoutState.Frames) _current = new ExceptionBuilder();
    }

    /// <summary>A "..." placeholder child of a group (<c>and N more exceptions</c>): read, never reported.</summary>
    public bool IsPlaceholder { get; init; }

    public ExceptionBuilder? Current => _current;

    /// <summary>True while lines are read ahead of a possible chain sentence, not yet known to be this printout's.</summary>
    public bool IsLookingAhead => _state is PrintoutState.LookAhead;

    /// <summary>True after the exception line, while its message may go on.</summary>
    public bool InMessage => _state is PrintoutState.Message;

    /// <summary>The relation a chain sentence announced while the part it introduces has not started, else null.</summary>
    public string? AwaitedRelation => _state is PrintoutState.ChainStart ? _pendingRelation : null;

    /// <summary>True while the next line may start a new part of the chain: margin lines of a group may come.</summary>
    public bool ExpectsChainStart => _state is PrintoutState.ChainStart;

    public bool Feed(ReadOnlySpan<char> line, long lineNumber)
    {
        if (IsPlaceholder) return true;
        var trimmed = line.TrimStart(' ');
        var indent = line.Length - trimmed.Length;
        var blank = trimmed.IsWhiteSpace();
        switch (_state)
        {
            case PrintoutState.Frames:
                if (_wrapped is not null && !blank && FeedWrapped(line)) return true;
                return FeedFrames(trimmed, indent, blank, lineNumber);
            case PrintoutState.Message:
                if (blank)
                {
                    _state = PrintoutState.AfterBlank;
                    _blankEndedMessage = true;
                    return true;
                }

                if (trimmed.SequenceEqual("\"\"\"")) _inQuotedText = !_inQuotedText;
                else if (!_inQuotedText && TryChainSentence(trimmed)) return true;
                else if (!_inQuotedText && TracebackText.EndsMessage(trimmed)) return false;
                else if (!_inQuotedText && !_messageQuotesFrames && indent > _baseIndent && FrameLine.StartsFrame(trimmed)
                    && ResumeInterleavedFrames(trimmed, indent, lineNumber)) return true;
                if (_interleaved) return true;
                if (!_messageQuotesFrames && InterleavedFrames.QuotesFrames(trimmed)) _messageQuotesFrames = true;
                return _current!.AppendMessageLine(line);
            case PrintoutState.AfterBlank:
            case PrintoutState.LookAhead:
                if (blank || TryChainSentence(trimmed)) return true;
                if (!_blankEndedMessage || MayStartPrintout(trimmed)) return false;
                _state = PrintoutState.LookAhead;
                return true;
            default:
                return FeedChainStart(trimmed, indent, blank, lineNumber);
        }
    }

    /// <summary>Sub-exceptions of the current group start: nothing more at this level but a chain sentence.</summary>
    public void OnChildrenStarted()
    {
        _current?.FlushFrame();
        _state = PrintoutState.AfterBlank;
        _blankEndedMessage = false;
    }

    /// <summary>The printout as a report object (non-destructive), or null when nothing was read (a chain whose last part
    /// was cut right after its header still printed its earlier parts).</summary>
    public TracebackInfo? Build(string raw, string kind)
    {
        var final = _current;
        if (final is null || (final.Type is null && final.Frames.Count == 0 && !final.HasPendingFrame && _chain.Count == 0)) return null;
        var chain = new List<ChainLink>(_chain.Count);
        foreach (var (exception, relation) in _chain)
        {
            if (ChainArtifacts.IsArtifact(exception.Type)) continue;
            chain.Add(new ChainLink
            {
                ExceptionType = exception.Type ?? "",
                ExceptionMessage = exception.Message(),
                Frames = exception.SnapshotFrames(),
                Relation = relation,
            });
        }

        // A part cut before its exception line, after a wrapper's line among its frames: the wrapper is what was printed.
        var wrapped = final.Type is null && final.WrapperType is not null;
        return new TracebackInfo
        {
            Raw = raw,
            Kind = kind,
            ExceptionType = final.Type ?? final.WrapperType ?? "",
            ExceptionMessage = wrapped ? final.WrapperMessage! : final.Type is null ? "" : final.Message(),
            Frames = final.SnapshotFrames(),
            Chain = chain,
            SubExceptions = final.SubExceptions.ToArray(),
            ExceptionLine = wrapped ? final.WrapperLineNumber : final.ExceptionLineNumber,
        };
    }

    private bool FeedFrames(ReadOnlySpan<char> trimmed, int indent, bool blank, long lineNumber)
    {
        var current = _current!;
        if (blank) return _layout.OnBlank(current);
        var afterBlank = _layout.TakeBlanks();
        // A paste's elision between the frames and the exception line: "...", "......", "[...]" alone on its line.
        if (current.HasPendingFrame && TracebackText.IsElision(trimmed)) return true;
        // Carets under a source line that lost its indentation with it (pasted logs).
        if (indent <= _baseIndent && current.PendingFrameHasCode && TracebackText.IsCaretLine(trimmed)) return true;
        if (afterBlank && !_layout.GoesOnAfterBlanks(trimmed)) return false;
        trimmed = _layout.Unmarked(trimmed);
        if (FrameLine.StartsFrame(trimmed))
        {
            var parsed = FrameLine.TryParse(trimmed, out var frame);
            if (parsed && frame.Style != FrameStyle.Faulthandler)
            {
                current.AddFrame(frame);
                _frameIndent = indent;
                // "…, line 12" is SyntaxError's location, or a frame line the terminal cut right after its number.
                if (frame.Style == FrameStyle.SyntaxErrorLocation) _wrapped = WrappedFrame.Start(trimmed, indent, added: true);
                return true;
            }

            if (!parsed && WrappedFrame.Start(trimmed, indent, added: false) is { } wrapped)
            {
                _wrapped = wrapped;
                return true;
            }
        }

        if (trimmed.StartsWith(TracebackText.PreviousLineRepeated, StringComparison.Ordinal)) return true;
        trimmed = ExceptionLine.WithoutPastedTrailingSpaces(trimmed);
        if (IsReindentedException(trimmed, indent))
        {
            _baseIndent = indent;
        }
        else if (indent > _baseIndent && !trimmed.StartsWith(TracebackText.Header, StringComparison.Ordinal))
        {
            // Source lines are indented under their frame; carets and 3.13's "...<N lines>..." are not code.
            if (current.HasPendingFrame && !current.PendingFrameHasCode && !TracebackText.IsCaretLine(trimmed)
                && !trimmed.StartsWith("...<", StringComparison.Ordinal))
                current.SetPendingCode(trimmed.TrimEnd().ToString());
            return true;
        }

        var isException = ExceptionLine.TryParse(trimmed, out var typeLength, out var messageStart);
        if (!isException && RayCauseLine.TryParse(trimmed, out typeLength, out messageStart))
        {
            // The driver's frames end here and the task's go on: the frames are read on, the wrapper kept for a part
            // cut before the task's exception line.
            current.SetWrapper(trimmed[..typeLength], trimmed[messageStart..], lineNumber);
            return true;
        }

        if (current.HasPendingFrame && !current.PendingFrameHasCode && (!isException || typeLength == trimmed.Length && !ExceptionLine.LooksLikeBareType(trimmed)))
        {
            // A frame's source line that lost its indentation (pasted logs): not an exception line.
            current.SetPendingCode(trimmed.TrimEnd().ToString());
            return true;
        }

        if (!isException) return TryGluedFrame(trimmed);
        _state = PrintoutState.Message;
        // Another rank's copy of the exception line, after the frames that went on past the first one's: one failure.
        if (_interleaved && current.Type is not null) return true;
        current.SetException(trimmed[..typeLength], trimmed[messageStart..], lineNumber);
        _messageQuotesFrames = InterleavedFrames.QuotesFrames(trimmed);
        return true;
    }

    /// <summary>
    /// A frame line after the exception line, in a message that introduced no traceback of its own: CPython never prints
    /// one there (the chain's next part starts with its sentence and header), so several processes were writing the same
    /// traceback to one stream at once (ranks of a launcher sharing stderr, no <c>[rankN]:</c> prefix): lines of a later
    /// rank's copy, still in its frames, came after an earlier rank's exception line. The frames go on where they left
    /// off, when they go deeper than the frames read before the exception line: the last of those (or the source line
    /// just before, its copy's) calls the function of the first resumed frame. A lagging copy's outer frames (an excerpt
    /// that began mid-traceback) say nothing the innermost frame does not, and stay in the message as before.
    /// </summary>
    private bool ResumeInterleavedFrames(ReadOnlySpan<char> trimmed, int indent, long lineNumber)
    {
        if (!FrameLine.TryParse(trimmed, out var frame) || frame.Style != FrameStyle.Traceback || frame.Function.Length == 0) return false;
        var current = _current!;
        // The first frame after the exception line decides for the message: once kept there, later ones are too.
        _messageQuotesFrames = true;
        if (current.Frames.Count == 0) return false;
        var caller = current.Frames[^1].Code;
        if (!(caller is not null && InterleavedFrames.Calls(caller, frame.Function)) && !InterleavedFrames.Calls(current.LastMessageLine(), frame.Function)) return false;
        _messageQuotesFrames = false;
        _interleaved = true;
        _state = PrintoutState.Frames;
        _baseIndent = Math.Max(0, indent - InterleavedFrames.FrameIndent);
        return FeedFrames(trimmed, indent, blank: false, lineNumber);
    }

    /// <summary>
    /// An exception line indented less than the part's frames but more than its header: the printout was re-indented as
    /// a whole except its first line (a header glued after a progress bar or a label, <c>  traceback : Traceback (…):</c>;
    /// a paste that indented every line after the first). CPython prints the frames two columns inside the exception
    /// line, so the frames' margin is the printout's and the line is its exception line, not a source line. Only after
    /// the last frame's source line (a line right after a frame is its code) and for a type named like an exception.
    /// </summary>
    private bool IsReindentedException(ReadOnlySpan<char> trimmed, int indent)
    {
        if (indent <= _baseIndent || indent >= _frameIndent || !_current!.PendingFrameHasCode) return false;
        return ExceptionLine.TryParse(trimmed, out var typeLength, out var messageStart)
            && ExceptionLine.IsNamedLikeException(trimmed[..typeLength], hasMessage: messageStart < trimmed.Length);
    }

    /// <summary>A frame line glued after another writer's text (<see cref="InterleavedFrames.TryGluedFrame"/>); asked only
    /// of a line that would otherwise end the printout.</summary>
    private bool TryGluedFrame(ReadOnlySpan<char> trimmed)
    {
        if (!InterleavedFrames.TryGluedFrame(trimmed, out var frame)) return false;
        _current!.AddFrame(frame);
        return true;
    }

    /// <summary>The next piece of a wrapped frame line: true when it completed the frame or may still be its middle.</summary>
    private bool FeedWrapped(ReadOnlySpan<char> line)
    {
        var wrapped = _wrapped!;
        _wrapped = null;
        switch (wrapped.Join(line, out var frame))
        {
            case WrappedFrame.Outcome.Frame:
                if (wrapped.Added) _current!.ReplacePendingFrame(frame);
                else _current!.AddFrame(frame);
                return true;
            case WrappedFrame.Outcome.Unfinished:
                _wrapped = wrapped;
                return true;
            default:
                return false;
        }
    }

    private bool FeedChainStart(ReadOnlySpan<char> trimmed, int indent, bool blank, long lineNumber)
    {
        if (blank) return true;
        if (trimmed.StartsWith(TracebackText.Header, StringComparison.Ordinal)
            || trimmed.StartsWith(TracebackText.GroupHeader, StringComparison.Ordinal))
        {
            StartPart(indent);
            _state = PrintoutState.Frames;
            return true;
        }

        if (FrameLine.StartsFrame(trimmed) && _current is null)
        {
            // A traceback whose header was lost (a rotated log) or SyntaxError's location without one.
            StartPart(Math.Max(0, indent - 2));
            _layout.Headerless = true;
            _state = PrintoutState.Frames;
            return FeedFrames(trimmed, indent, blank, lineNumber);
        }

        if (!ExceptionLine.TryParse(trimmed, out var typeLength, out var messageStart))
        {
            if (_pendingRelation is null || indent < ElidedPartCodeIndent) return false;
            // After a chain sentence CPython prints a header or an exception line, never an indented line: this is a
            // source line whose header and frame line were cut from a paste. The part goes on from its frames.
            StartPart(indent - ElidedPartCodeIndent);
            _state = PrintoutState.Frames;
            return true;
        }

        StartPart(indent);
        _current!.SetException(trimmed[..typeLength], trimmed[messageStart..], lineNumber);
        _state = PrintoutState.Message;
        _messageQuotesFrames = InterleavedFrames.QuotesFrames(trimmed);
        return true;
    }

    private void StartPart(int indent)
    {
        if (_current is not null && _chain.Count < EngineLimits.MaxChainLength)
        {
            _current.FlushFrame();
            _chain.Add((_current, _pendingRelation ?? "context"));
        }

        _current = new ExceptionBuilder();
        _pendingRelation = null;
        _inQuotedText = false;
        _messageQuotesFrames = false;
        _interleaved = false;
        _layout.Reset();
        _wrapped = null;
        _baseIndent = indent;
        _frameIndent = 0;
    }

    private bool TryChainSentence(ReadOnlySpan<char> trimmed)
    {
        var relation = TracebackText.ChainRelation(trimmed);
        if (relation is null) return false;
        _pendingRelation = relation;
        _state = PrintoutState.ChainStart;
        return true;
    }

    /// <summary>Lines the look-ahead never holds, because they may start a failure block of their own (a traceback, a
    /// frame that lost its header, a group, a crash dump): the printout ends before them as it always did. This is
    /// also what keeps a replayed line from reopening a parser.</summary>
    private static bool MayStartPrintout(ReadOnlySpan<char> trimmed) => trimmed.IndexOfAny(s_printoutStarts) >= 0;

    /// <summary>Starts a printout at an exception line printed without a traceback, whose message follows.</summary>
    public static ExceptionPrintout AtException(ReadOnlySpan<char> type, long lineNumber)
    {
        var printout = new ExceptionPrintout(PrintoutState.Message);
        printout._current = new ExceptionBuilder();
        printout._current.SetException(type, "", lineNumber);
        return printout;
    }

    /// <summary>Starts a printout whose first exception printed no traceback, known only by the lines before a chain sentence.</summary>
    public static ExceptionPrintout FromLookback(ReadOnlySpan<char> exceptionLine, ReadOnlySpan<char> moreLines, long lineNumber, string relation)
    {
        var printout = new ExceptionPrintout(PrintoutState.ChainStart);
        if (ExceptionLine.TryParse(exceptionLine, out var typeLength, out var messageStart))
        {
            var first = new ExceptionBuilder();
            first.SetException(exceptionLine[..typeLength], exceptionLine[messageStart..], lineNumber);
            if (!moreLines.IsEmpty)
            {
                foreach (var range in moreLines.Split('\n'))
                    first.AppendMessageLine(moreLines[range]);
            }

            printout._current = first;
        }

        printout._pendingRelation = relation;
        return printout;
    }
}
