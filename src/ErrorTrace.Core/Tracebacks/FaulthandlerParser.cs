using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// Reads a faulthandler dump (Modules/faulthandler.c, Python/traceback.c):
/// <code>
/// Fatal Python error: Segmentation fault
///
/// Current thread 0x00007f0a… (most recent call first):
///   File "train.py", line 12 in step
///   …
/// Thread 0x00007f0b… (most recent call first):
///   …
/// Extension modules: numpy.core._multiarray_umath, … (total: 42)
/// </code>
/// Only the current thread's frames are kept, reversed to innermost last like a traceback. <c>Timeout (0:30:00)!</c>
/// (<c>dump_traceback_later</c>) opens the same layout for a hang.
/// </summary>
internal sealed class FaulthandlerParser : IFailureBlockParser
{
    public const string Kind = "faulthandler";

    private readonly List<TracebackFrame> _frames = [];
    private readonly RawText _raw = new();
    private string _type = "";
    private string _message = "";
    private long _exceptionLine;
    private bool _collecting;
    private bool _sawStack;

    /// <summary>The signal a dump without its "Fatal Python error" header is taken for (see <see cref="TryOpen"/>).</summary>
    private const string HeaderlessSignal = "SIGSEGV";

    /// <summary>A fatal error that names no signal is CPython's own (<c>Fatal Python error: none_dealloc: deallocating
    /// None</c>, <c>_enter_buffered_busy: could not acquire lock …</c>, <c>init_import_site: Failed to import the site
    /// module</c>): Py_FatalError ends in abort() (Python/pylifecycle.c, fatal_error_exit), so the process dies of SIGABRT.
    /// The header stays the failure's message.</summary>
    private const string FatalErrorAbort = "SIGABRT";

    private const string HeaderlessMessage = "faulthandler dump without its 'Fatal Python error' header";

    public bool IsOpen { get; private set; }

    /// <summary><c>Current thread 0x00007fed4e792740 (most recent call first):</c></summary>
    private static bool IsCurrentThread(ReadOnlySpan<char> trimmed) =>
        trimmed.StartsWith("Current thread 0x", StringComparison.Ordinal) && trimmed.TrimEnd().EndsWith("(most recent call first):", StringComparison.Ordinal);

    /// <summary>Py_FatalError's message names the signal after other words: since Python 3.9 the calling function's
    /// name comes first (<c>Fatal Python error: pygame_parachute: (pygame parachute) Segmentation Fault</c>), and pygame's
    /// signal handler (its "parachute") words the signal in title case after its own tag (<c>(pygame parachute) Bus
    /// Error</c>, <c>Floating Point Exception</c>).</summary>
    private static string? SignalOfFatalError(ReadOnlySpan<char> what)
    {
        var colon = what.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && IsIdentifier(what[..colon])) what = what[(colon + 2)..];
        if (what.StartsWith(PygameParachute, StringComparison.Ordinal)) what = what[PygameParachute.Length..];
        foreach (var (words, signal) in s_titleCaseSignals)
        {
            if (what.StartsWith(words, StringComparison.OrdinalIgnoreCase)) return signal;
        }

        return null;
    }

    private const string PygameParachute = "(pygame parachute) ";

    /// <summary>strsignal()'s words for the signals a fatal error reports, compared without case.</summary>
    private static readonly (string Words, string Signal)[] s_titleCaseSignals =
    [
        ("Segmentation fault", "SIGSEGV"), ("Bus error", "SIGBUS"), ("Floating point exception", "SIGFPE"),
        ("Illegal instruction", "SIGILL"), ("Aborted", "SIGABRT"),
    ];

    private static bool IsIdentifier(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        }

        return true;
    }

    public bool TryOpen(ReadOnlySpan<char> line, long lineNumber)
    {
        var trimmed = line.TrimStart(' ');
        // faulthandler writes straight to fd 2, so the header may land after an open progress bar's last frame.
        var fatal = GluedText.IndexOf(trimmed, "Fatal Python error: ");
        if (fatal > 0) trimmed = trimmed[fatal..];
        if (fatal >= 0)
        {
            var what = trimmed[20..].TrimEnd();
            _type = SignalNames.FromDescription(what) ?? SignalOfFatalError(what) ?? FatalErrorAbort;
            _message = trimmed.TrimEnd().ToString();
        }
        else if (trimmed.StartsWith("Timeout (", StringComparison.Ordinal) && trimmed.TrimEnd().EndsWith(")!", StringComparison.Ordinal))
        {
            _type = "Timeout";
            _message = trimmed.TrimEnd().ToString();
        }
        else if (IsCurrentThread(trimmed))
        {
            // The dump without its header (a paste that kept only the stack). faulthandler prints it after a fatal
            // signal's header, where SIGSEGV is far commoner than SIGFPE, SIGABRT, SIGBUS or SIGILL (which come with
            // their own words: an abort message, a shared-memory bus error). The trade-off: a dump the program asked
            // for (faulthandler.register on SIGUSR1 to see a hang's stacks) reads as a segfault too.
            _type = HeaderlessSignal;
            _message = HeaderlessMessage;
        }
        else
        {
            return false;
        }

        IsOpen = true;
        _frames.Clear();
        // Without a header the line read is the current thread's: its frames follow.
        var headerless = ReferenceEquals(_message, HeaderlessMessage);
        _collecting = _type == "Timeout" || headerless;
        _sawStack = headerless;
        _exceptionLine = lineNumber;
        _raw.Start(lineNumber);
        _raw.Add(line);
        return true;
    }

    public bool TryContinue(ReadOnlySpan<char> line, long lineNumber)
    {
        var trimmed = line.Trim();
        if (trimmed.IsEmpty)
        {
            _raw.Add(line);
            return true;
        }

        if (trimmed.StartsWith("Current thread ", StringComparison.Ordinal) || trimmed.StartsWith("Stack (most recent call first)", StringComparison.Ordinal))
        {
            _collecting = true;
            _sawStack = true;
        }
        else if (trimmed.StartsWith("Thread 0x", StringComparison.Ordinal))
        {
            // Another thread: in a timeout dump every thread is listed and the first is the one to show.
            _collecting = _type == "Timeout" && !_sawStack;
            _sawStack = true;
        }
        else if (FrameLine.TryParse(trimmed, out var frame) && frame.Style == FrameStyle.Faulthandler)
        {
            if (_collecting && _frames.Count < Analysis.EngineLimits.MaxFrames)
                _frames.Add(new TracebackFrame { File = frame.File, Line = frame.Line, Function = frame.Function });
        }
        else if (!(trimmed.StartsWith("<no Python frame>", StringComparison.Ordinal) || trimmed.SequenceEqual("...")
            || trimmed.StartsWith("Garbage-collecting", StringComparison.Ordinal) || trimmed.StartsWith("Extension modules:", StringComparison.Ordinal)
            || trimmed.StartsWith("Python runtime state:", StringComparison.Ordinal)))
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
        var frames = _frames.ToArray();
        Array.Reverse(frames);
        return new TracebackInfo
        {
            Raw = _raw.ToString(),
            Kind = Kind,
            ExceptionType = _type,
            ExceptionMessage = _message,
            Frames = frames,
            FirstLine = _raw.FirstLine,
            ExceptionLine = _exceptionLine,
        };
    }
}
