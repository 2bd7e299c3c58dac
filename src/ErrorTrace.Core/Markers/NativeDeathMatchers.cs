using ErrorTrace.Core.Tracebacks;

namespace ErrorTrace.Core.Markers;

/// <summary>
/// Deaths by signal as the tools around a process report them, besides a shell's own words
/// (<see cref="MarkerMatchers.ShellSignal"/>): a debugger, the MPI runtime's signal handler and launcher, zsh, a crash
/// handler compiled into the program (absl/glog), PyTorch's DataLoader worker handler. (A paste's markdown around a
/// shell's word, <c>**Killed**</c>, is taken off before any marker: Tracebacks/PastedMarkdown.)
/// Each reads a signal's name or number, never a sentence of one log.
/// </summary>
internal static class NativeDeathMatchers
{
    /// <summary>The signals a debugger stops on that end the process: gdb also stops on SIGINT, SIGPIPE, SIGUSR1 and
    /// others that the program may handle and survive.</summary>
    private static readonly string[] s_crashSignals = ["SIGSEGV", "SIGBUS", "SIGABRT", "SIGFPE", "SIGILL"];

    /// <summary>zsh's words for a job a signal ended (<c>zsh: killed  python x.py</c>, <c>[1]  32012 segmentation fault  …</c>),
    /// lower case unlike bash's.</summary>
    private static readonly (string Words, string Signal)[] s_zshWords =
    [
        ("segmentation fault", "SIGSEGV"), ("killed", "SIGKILL"), ("bus error", "SIGBUS"), ("abort", "SIGABRT"),
        ("floating point exception", "SIGFPE"), ("illegal hardware instruction", "SIGILL"),
    ];

    /// <summary>The signal a native tool's line reports, or null. Tried after the shell's own forms.</summary>
    public static string? Read(ReadOnlySpan<char> line) =>
        Debugger(line) ?? MpiHandler(line) ?? MpiLauncher(line) ?? SignalNumber(line, "Caught signal ") ?? SignalNumber(line, "uncaught target signal ")
        ?? KernelSegfault(line) ?? Fish(line) ?? MacTermination(line) ?? KilledBySignalNumber(line);

    /// <summary>A supervisor's report of a child a signal ended, by the signal's number: Dask's nanny (<c>distributed.nanny
    /// - INFO - Worker process 9018 was killed by signal 9</c>, then it restarts the worker), and any program that words it
    /// so. The number, then the line's end or a non-digit, keeps prose (<c>killed by signal handling</c>) and PyTorch's
    /// <c>is killed by signal: Killed</c> (a DataLoader's exception, read as such) out.</summary>
    private static string? KilledBySignalNumber(ReadOnlySpan<char> line)
    {
        const string Key = "killed by signal ";
        var at = line.IndexOf(Key, StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = line[(at + Key.Length)..];
        var signal = SignalNumberAt(rest, out var digits);
        return signal is not null && (digits == rest.Length || !char.IsAsciiLetterOrDigit(rest[digits])) ? signal : null;
    }

    /// <summary>fish's report of a job a signal ended (src/proc.cpp): <c>fish: Job 1, 'python3 x.py' terminated by signal
    /// SIGKILL (Forced quit)</c>, <c>fish: 'x' terminated by signal SIGSEGV (Address boundary error)</c>: the signal's
    /// name, where bash prints its description.</summary>
    private static string? Fish(ReadOnlySpan<char> line)
    {
        const string Key = "terminated by signal SIG";
        var at = line.IndexOf(Key, StringComparison.Ordinal);
        return at < 0 ? null : SignalName(line[(at + Key.Length - 3)..]);
    }

    /// <summary>macOS's crash report (ReportCrash) names the signal that ended the process by its number: the text report's
    /// <c>Termination Reason:  Namespace SIGNAL, Code 11, Segmentation fault: 11</c>, and the JSON <c>.ips</c> report's
    /// <c>"termination" : {"flags":0,"code":11,"namespace":"SIGNAL","indicator":"Segmentation fault: 11",…}</c> (macOS 12
    /// and later). Its <c>Exception Type:  EXC_BAD_ACCESS (SIGSEGV)</c> is the Mach exception the signal came from.</summary>
    private static string? MacTermination(ReadOnlySpan<char> line)
    {
        const string TextKey = "Namespace SIGNAL, Code ";
        var at = line.IndexOf(TextKey, StringComparison.Ordinal);
        if (at >= 0) return SignalNumberAt(line[(at + TextKey.Length)..], out _);
        if (!line.Contains("\"namespace\":\"SIGNAL\"", StringComparison.Ordinal)) return null;
        const string JsonKey = "\"code\":";
        at = line.IndexOf(JsonKey, StringComparison.Ordinal);
        return at < 0 ? null : SignalNumberAt(line[(at + JsonKey.Length)..], out _);
    }

    /// <summary>A signal's number (one or two digits, then no digit) at the text's start, and how many digits it has;
    /// no signal has three.</summary>
    private static string? SignalNumberAt(ReadOnlySpan<char> text, out int digits)
    {
        digits = 0;
        while (digits < text.Length && digits < 3 && char.IsAsciiDigit(text[digits])) digits++;
        return digits is 0 or 3 ? null : SignalNames.FromNumber(int.Parse(text[..digits], provider: null));
    }

    /// <summary>A signal's number after a tool's words, with its description in parentheses after it: UCX's handler
    /// (<c>[node11:265:0:4597] Caught signal 11 (Segmentation fault: address not mapped to object …)</c>, also under
    /// Horovod's MXM) and qemu-user's report of the emulated program's death (<c>qemu: uncaught target signal 6 (Aborted)
    /// - core dumped</c>). The parenthesis keeps a sentence that only mentions a signal number out.</summary>
    private static string? SignalNumber(ReadOnlySpan<char> line, string key)
    {
        var at = line.IndexOf(key, StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = line[(at + key.Length)..];
        var signal = SignalNumberAt(rest, out var digits);
        return signal is not null && rest[digits..].StartsWith(" (", StringComparison.Ordinal) ? signal : null;
    }

    /// <summary>The kernel's report of a user process's invalid access (dmesg, journal): <c>python[1234]: segfault at 0 ip
    /// 00007fce957b5216 sp 00007fccd9ff1480 error 4 in _pywrap_tensorflow_internal.so[…]</c>: an address, then the
    /// instruction pointer.</summary>
    private static string? KernelSegfault(ReadOnlySpan<char> line)
    {
        const string Key = "segfault at ";
        var at = line.IndexOf(Key, StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = line[(at + Key.Length)..];
        var address = 0;
        while (address < rest.Length && char.IsAsciiHexDigit(rest[address])) address++;
        return address > 0 && rest[address..].StartsWith(" ip ", StringComparison.Ordinal) ? "SIGSEGV" : null;
    }

    /// <summary>gdb: <c>Thread 20 "python3.5" received signal SIGSEGV, Segmentation fault.</c>, <c>Program received signal
    /// SIGABRT, Aborted.</c>, <c>Program terminated with signal SIGKILL, Killed.</c></summary>
    private static string? Debugger(ReadOnlySpan<char> line)
    {
        foreach (var key in (ReadOnlySpan<string>)["received signal SIG", "terminated with signal SIG"])
        {
            var at = line.IndexOf(key, StringComparison.Ordinal);
            if (at < 0) continue;
            var name = SignalName(line[(at + key.Length - 3)..]);
            if (name is not null && (key[0] == 't' || Array.IndexOf(s_crashSignals, name) >= 0)) return name;
        }

        return null;
    }

    /// <summary>Open MPI's signal handler (<c>opal_backtrace</c>): <c>[host:05492] Signal: Segmentation fault (11)</c>.</summary>
    private static string? MpiHandler(ReadOnlySpan<char> line)
    {
        const string Key = "Signal: ";
        var at = line.IndexOf(Key, StringComparison.Ordinal);
        return at < 0 || (at > 0 && line[at - 1] != ' ') ? null : SignalNames.FromDescription(line[(at + Key.Length)..]);
    }

    /// <summary>mpirun/mpiexec: <c>mpirun noticed that process rank 7 with PID 0 on node n1 exited on signal 9 (Killed).</c></summary>
    private static string? MpiLauncher(ReadOnlySpan<char> line)
    {
        const string Key = "exited on signal ";
        var at = line.IndexOf(Key, StringComparison.Ordinal);
        if (at < 0) return null;
        return SignalNumberAt(line[(at + Key.Length)..], out _);
    }

    /// <summary>absl's and glog's failure signal handler: <c>*** SIGSEGV (@0x0) received by PID 26955 (TID …) …; stack
    /// trace: ***</c> (also <c>*** SIGSEGV STACK OVERFLOW (see …) received by PID …</c>).</summary>
    public static string? CrashHandler(ReadOnlySpan<char> line)
    {
        var at = line.IndexOf("*** SIG", StringComparison.Ordinal);
        return at < 0 ? null : SignalName(line[(at + 4)..]);
    }

    /// <summary>zsh's job report: after <c>zsh: </c>, or after a job number and a pid (<c>[1]    32012 </c>).</summary>
    public static string? Zsh(ReadOnlySpan<char> line)
    {
        foreach (var (words, signal) in s_zshWords)
        {
            var at = line.IndexOf(words, StringComparison.Ordinal);
            if (at == 0 && IsAlone(line[words.Length..])) return signal;
            if (at <= 0) continue;
            var before = line[..at].TrimEnd();
            if (before.EndsWith("zsh:", StringComparison.Ordinal) || AfterJobAndPid(before)) return signal;
        }

        return null;
    }

    /// <summary>zsh's word with nothing after it but <c>(core dumped)</c> (<c>segmentation fault (core dumped)</c>: its
    /// report with the <c>zsh: </c> before it and the command after it cut by a paste).</summary>
    private static bool IsAlone(ReadOnlySpan<char> rest)
    {
        rest = rest.Trim();
        return rest.IsEmpty || rest.SequenceEqual("(core dumped)");
    }

    /// <summary><c>[1]    32012</c>, <c>[2]  + 4321</c>: zsh's job number, its current-job mark, the pid.</summary>
    private static bool AfterJobAndPid(ReadOnlySpan<char> before)
    {
        var digits = before.Length;
        while (digits > 0 && char.IsAsciiDigit(before[digits - 1])) digits--;
        if (digits == before.Length || digits == 0 || before[digits - 1] != ' ') return false;
        var job = before[..digits].TrimEnd().TrimEnd("+-").TrimEnd();
        if (job.IsEmpty || job[^1] != ']') return false;
        var open = job.LastIndexOf('[');
        return open >= 0 && open < job.Length - 2 && !job[(open + 1)..^1].ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>PyTorch's (and PaddlePaddle's) DataLoader worker signal handler: <c>ERROR: Unexpected segmentation fault encountered in
    /// worker.</c> (also bus error, floating-point exception). The signal, and where the report starts.</summary>
    public static string? Worker(ReadOnlySpan<char> line, out int start)
    {
        start = line.IndexOf("Unexpected ", StringComparison.Ordinal);
        if (start < 0) return null;
        var what = line[(start + 11)..];
        var signal = what.StartsWith("segmentation fault", StringComparison.Ordinal) ? "SIGSEGV"
            : what.StartsWith("bus error", StringComparison.Ordinal) ? "SIGBUS"
            : what.StartsWith("floating-point exception", StringComparison.Ordinal) ? "SIGFPE"
            : null;
        // PaddlePaddle's DataLoader words it "encountered in DataLoader workers".
        if (signal is null || !(what.Contains("encountered in worker", StringComparison.Ordinal)
            || what.Contains("encountered in DataLoader worker", StringComparison.Ordinal))) return null;
        var error = line[..start].LastIndexOf("ERROR: ", StringComparison.Ordinal);
        if (error >= 0 && error == start - 7) start = error;
        return signal;
    }

    /// <summary>An upper-case signal name at the start (<c>SIGSEGV, Segmentation fault.</c>): <c>SIG</c> and letters or
    /// digits (<c>SIGUSR2</c>).</summary>
    private static string? SignalName(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith("SIG", StringComparison.Ordinal)) return null;
        var length = 3;
        while (length < text.Length && length < 10 && (char.IsAsciiLetterUpper(text[length]) || char.IsAsciiDigit(text[length]))) length++;
        return length > 3 && (length == text.Length || !char.IsAsciiLetterOrDigit(text[length])) ? text[..length].ToString() : null;
    }
}
