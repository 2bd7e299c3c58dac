using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// Reads a C++ abort as libstdc++'s verbose terminate handler and c10 print it:
/// <code>
/// terminate called after throwing an instance of 'c10::Error'
///   what():  CUDA error: device-side assert triggered
/// (more message lines)
///
/// Exception raised from c10_cuda_check_implementation at ../c10/cuda/CUDAException.cpp:44 (most recent call first):
/// frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x57 (0x7f… in /…/torch/lib/libc10.so)
/// </code>
/// Frames are reversed to innermost last; the "raised from" location becomes the innermost frame. LLVM's libc++abi (macOS,
/// and so MLX and PyTorch on Apple silicon) prints the type and what() on one line instead:
/// <c>libc++abi: terminating due to uncaught exception of type std::runtime_error: [METAL] Command buffer execution
/// failed: Insufficient Memory</c> (before LLVM 15: <c>libc++abi.dylib: terminating with uncaught exception of type …</c>).
/// </summary>
internal sealed class CppAbortParser : IFailureBlockParser
{
    public const string Kind = "cpp";

    /// <summary>Lines of other ranks' interleaved "terminate called …" headers read before this abort's <c>what():</c>.
    /// Every rank of a job aborts at once when the NCCL watchdog fires, and their headers split one another mid-word;
    /// eight ranks per node make about as many fragments. Beyond that the lines are not fragments of a header.</summary>
    private const int MaxInterleavedHeaderLines = 16;

    private readonly List<TracebackFrame> _frames = [];
    private readonly MessageLines _message = new();
    private readonly RawText _raw = new();
    private TracebackFrame? _raisedFrom;
    private string _type = "";
    private long _exceptionLine;
    private bool _inMessage;
    private bool _inFrames;
    private int _interleavedLines;

    /// <summary>A blank line followed the frames: the block goes on only if a rethrow's stack comes next.</summary>
    private bool _blankAfterFrames;

    /// <summary>A second stack (the rethrow's) is being read: its frames are not the failure's.</summary>
    private bool _rethrown;

    /// <summary>The abort was opened on a Markdown-quoted line: every line of it carries the quote's marks.</summary>
    private bool _quoted;

    public bool IsOpen { get; private set; }

    public bool TryOpen(ReadOnlySpan<char> line, long lineNumber)
    {
        // A paste quoted in Markdown (Tracebacks/MarkdownQuote): the abort as printed after the marks, on every line.
        var trimmed = MarkdownQuote.Strip(line.Trim(), out var quoted);
        trimmed = trimmed[GluedHeader(trimmed)..];
        var libcxxWhat = ReadOnlySpan<char>.Empty;
        if (trimmed.StartsWith(Throwing, StringComparison.Ordinal))
        {
            var rest = trimmed[Throwing.Length..];
            var quote = rest.IndexOf('\'');
            var type = quote >= 0 ? rest[..quote] : rest;
            // Ranks aborting at once interleave their lines mid-word: "…'c10::DistBackendErrorterminate called after …".
            var interleaved = type.IndexOf("terminate called", StringComparison.Ordinal);
            _type = (interleaved > 0 ? type[..interleaved] : type).ToString();
            // A paste that joined the lines keeps what() on the header's line: "… instance of 'std::runtime_error' what(): …".
            var what = quote >= 0 ? rest[quote..].IndexOf(WhatLabel, StringComparison.Ordinal) : -1;
            if (interleaved < 0 && what >= 0) libcxxWhat = rest[(quote + what + WhatLabel.Length)..].Trim();
        }
        else if (trimmed.StartsWith("terminate called ", StringComparison.Ordinal))
        {
            _type = "std::terminate";
        }
        else if (LibcxxAbiType(trimmed, out var what) is { } type)
        {
            _type = type;
            libcxxWhat = what;
        }
        else
        {
            return false;
        }

        Start(line, lineNumber);
        _quoted = quoted;
        if (_type == "std::terminate") _message.Append(trimmed);
        else if (!libcxxWhat.IsEmpty) _message.Append(libcxxWhat);
        // what() read on the header's line: the lines after it go on with its text.
        _inMessage = !libcxxWhat.IsEmpty && trimmed.StartsWith(Throwing, StringComparison.Ordinal);
        return true;
    }

    private const string Throwing = "terminate called after throwing an instance of '";

    private const string WhatLabel = "what():";

    /// <summary>Where an abort's header starts when other text was written on its line first, else 0: a progress bar
    /// that ended without a newline (<c>… 19% step: 5700 :: Elapsed: 0:21:08terminate called after throwing an instance
    /// of 'c10::Error'</c>, <c>[00:00&lt;?, ?it/s]libc++abi: terminating due to uncaught exception of type …</c>), a
    /// logger's tag (<c>[error] libc++abi: …</c>), a paste that joined the lines before it (<c>… the entire process down.
    /// terminate called …</c>). So the header follows the other text with no space, or a tag's bracket or a sentence's
    /// period and spaces: after a word and a space it is a sentence that quotes the words (<c>step 12 -&gt; terminate
    /// called …</c>, <c>RuntimeError: terminate called …</c>, an exception's message).</summary>
    private static int GluedHeader(ReadOnlySpan<char> trimmed)
    {
        var at = trimmed.IndexOf(Throwing, StringComparison.Ordinal);
        if (at <= 0)
        {
            at = trimmed.IndexOf(LibcxxAbi, StringComparison.Ordinal);
            if (at <= 0 || !trimmed[at..].Contains(LibcxxAbiOfType, StringComparison.Ordinal)) return 0;
        }

        var before = trimmed[..at];
        var text = before.TrimEnd(' ');
        return text.Length == before.Length || text[^1] is ']' or '.' ? at : 0;
    }

    private void Start(ReadOnlySpan<char> line, long lineNumber)
    {
        IsOpen = true;
        _frames.Clear();
        _message.Clear();
        _raisedFrom = null;
        _inMessage = false;
        _inFrames = false;
        _interleavedLines = 0;
        _blankAfterFrames = false;
        _rethrown = false;
        _quoted = false;
        _exceptionLine = lineNumber;
        _raw.Start(lineNumber);
        _raw.Add(line);
    }

    private const string RaisedFromPrefix = "Exception raised from ";

    /// <summary>Opens at c10's <c>Exception raised from checkTimeout at …/ProcessGroupNCCL.cpp:635 (most recent call
    /// first):</c> when no <c>terminate called</c> line came before it: ProcessGroupNCCL's watchdog prints the stack in its
    /// own error record (<c>[E901 …] Process group watchdog thread terminated with exception: …</c>) and excerpts often lose
    /// the terminate line that would follow. The type is not printed (empty); the location says where, and the record's
    /// message (<paramref name="context"/>, when a record was being read) what. A line without a location opens nothing.</summary>
    public bool TryOpenAtRaisedFrom(ReadOnlySpan<char> line, long lineNumber, string? context)
    {
        var trimmed = MarkdownQuote.Strip(line.Trim(), out var quoted);
        if (!trimmed.StartsWith(RaisedFromPrefix, StringComparison.Ordinal) || RaisedFrom(trimmed[RaisedFromPrefix.Length..]) is not { } location)
            return false;
        _type = "";
        Start(line, lineNumber);
        _quoted = quoted;
        _raisedFrom = location;
        _inFrames = true;
        if (!string.IsNullOrEmpty(context)) _message.Append(context);
        return true;
    }

    /// <summary>libc++abi's one line: the type after <see cref="LibcxxAbiOfType"/>, up to the <c>": "</c> before what()
    /// (a C++ name holds <c>::</c>, never a colon and a space), or null when the line is not libc++abi's.</summary>
    private static string? LibcxxAbiType(ReadOnlySpan<char> trimmed, out ReadOnlySpan<char> what)
    {
        what = default;
        if (!trimmed.StartsWith(LibcxxAbi, StringComparison.Ordinal)) return null;
        var at = trimmed.IndexOf(LibcxxAbiOfType, StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = trimmed[(at + LibcxxAbiOfType.Length)..];
        var colon = rest.IndexOf(": ", StringComparison.Ordinal);
        var type = colon < 0 ? rest : rest[..colon];
        if (type.IsEmpty || type.Contains(' ')) return null;
        if (colon >= 0) what = rest[(colon + 2)..].Trim();
        return type.ToString();
    }

    /// <summary>libc++abi's prefix (<c>libc++abi: </c>, older macOS <c>libc++abi.dylib: </c>).</summary>
    private const string LibcxxAbi = "libc++abi";

    /// <summary>Both libc++abi wordings (<c>terminating due to …</c>, <c>terminating with …</c>) end with this before the
    /// type; the unstructured gate's <c>uncaught exception</c> needle is part of it.</summary>
    private const string LibcxxAbiOfType = "uncaught exception of type ";

    public bool TryContinue(ReadOnlySpan<char> line, long lineNumber)
    {
        var trimmed = line.Trim();
        if (_quoted)
        {
            // The quote's marks are the paste's, not the abort's; a line without them is the paste's own text after it.
            var marks = MarkdownQuote.Length(trimmed);
            if (marks == 0 && !trimmed.IsEmpty) return false;
            line = trimmed[marks..];
            trimmed = line.Trim();
        }

        var afterBlank = _blankAfterFrames;
        _blankAfterFrames = false;
        if (afterBlank && !trimmed.StartsWith(RaisedFromPrefix, StringComparison.Ordinal)) return false;
        if (trimmed.StartsWith("what():", StringComparison.Ordinal))
        {
            _inMessage = true;
            _message.Append(trimmed[7..].TrimStart());
        }
        else if (trimmed.StartsWith(RaisedFromPrefix, StringComparison.Ordinal))
        {
            _inMessage = false;
            // A second stack is the exception's rethrow (c10 appends the catching site's stack to what(): checkTimeout's,
            // a blank line, then ncclCommWatchdog's): the first location is where the failure was raised.
            _rethrown = _inFrames;
            _inFrames = true;
            _raisedFrom ??= RaisedFrom(trimmed[RaisedFromPrefix.Length..]);
        }
        else if (trimmed.StartsWith("frame #", StringComparison.Ordinal))
        {
            _inMessage = false;
            _inFrames = true;
            if (!_rethrown && _frames.Count < EngineLimits.MaxFrames) _frames.Add(CppFrame(trimmed));
        }
        else if (trimmed.IsEmpty)
        {
            // A blank line ends what() text, but "Exception raised from" may follow it; after frames, only a rethrow's
            // stack goes on (TryContinue's first check).
            _blankAfterFrames = _inFrames;
            _inMessage = false;
        }
        else if (_inMessage && _message.Count < EngineLimits.MaxMessageLines)
        {
            _message.Append(line.TrimEnd());
        }
        else if (_message.Count == 0 && !_inFrames && _interleavedLines < MaxInterleavedHeaderLines && IsHeaderFragment(trimmed))
        {
            _interleavedLines++;
        }
        else
        {
            return false;
        }

        _ = lineNumber;
        _raw.Add(line);
        return true;
    }

    public TracebackInfo? Close()
    {
        var result = Peek();
        IsOpen = false;
        return result;
    }

    public TracebackInfo? Peek()
    {
        if (!IsOpen) return null;
        var frames = new List<TracebackFrame>(_frames.Count + 1);
        for (var i = _frames.Count - 1; i >= 0; i--) frames.Add(_frames[i]);
        if (_raisedFrom is not null) frames.Add(_raisedFrom);
        return new TracebackInfo
        {
            Raw = _raw.ToString(),
            Kind = Kind,
            ExceptionType = _type,
            ExceptionMessage = _message.ToString(),
            Frames = frames,
            FirstLine = _raw.FirstLine,
            ExceptionLine = _exceptionLine,
        };
    }

    /// <summary>A piece of another rank's header: "terminate called after …" or the tail of one, ending in the quote that
    /// closes the type ("ce of 'c10::DistBackendErrorc10::DistBackendError'", "'").</summary>
    private static bool IsHeaderFragment(ReadOnlySpan<char> trimmed) =>
        trimmed.Contains("terminate called", StringComparison.Ordinal) || (!trimmed.IsEmpty && trimmed[^1] == '\'');


    /// <summary><c>c10_cuda_check_implementation at ../c10/cuda/CUDAException.cpp:44 (most recent call first):</c></summary>
    private static TracebackFrame? RaisedFrom(ReadOnlySpan<char> s)
    {
        var at = s.IndexOf(" at ", StringComparison.Ordinal);
        if (at < 0) return null;
        var location = s[(at + 4)..];
        var paren = location.IndexOf(" (", StringComparison.Ordinal);
        if (paren >= 0) location = location[..paren];
        var colon = location.LastIndexOf(':');
        int? line = colon > 0 && int.TryParse(location[(colon + 1)..], out var n) ? n : null;
        return new TracebackFrame { File = (line is null ? location : location[..colon]).ToString(), Line = line, Function = s[..at].ToString() };
    }

    /// <summary><c>frame #3: symbol + 0x57 (0x7f… in /path/lib.so)</c> or <c>frame #3: &lt;unknown function&gt; + 0x…</c>.</summary>
    private static TracebackFrame CppFrame(ReadOnlySpan<char> s)
    {
        var colon = s.IndexOf(": ", StringComparison.Ordinal);
        var body = colon >= 0 ? s[(colon + 2)..] : s;
        var file = "";
        var open = body.LastIndexOf(" (0x", StringComparison.Ordinal);
        if (open >= 0)
        {
            var inner = body[(open + 2)..].TrimEnd(')');
            var inAt = inner.IndexOf(" in ", StringComparison.Ordinal);
            if (inAt >= 0) file = inner[(inAt + 4)..].ToString();
            body = body[..open];
        }

        var plus = body.LastIndexOf(" + 0x", StringComparison.Ordinal);
        if (plus >= 0) body = body[..plus];
        return new TracebackFrame { File = file, Line = null, Function = body.Trim().ToString() };
    }
}
