using ErrorTrace.Core.Tracebacks;

namespace ErrorTrace.Core.Markers;

/// <summary>The precise checks behind <see cref="LineMarkers"/>.</summary>
internal static class MarkerMatchers
{
    public static MarkerMatcher Contains(MarkerKind kind) => (marker, _) => new MarkerHit(marker, kind);

    /// <summary>Keras' <c>Batch 12: Invalid loss, terminating training</c> and Lightning's <c>Monitored metric val_loss = nan
    /// is not finite. … Signaling Trainer to stop.</c>, usually glued after a progress bar: the report starts at
    /// <c>Batch</c> / <c>Monitored metric</c>. Lightning's patience and threshold stops end with the same sentence and are
    /// not errors.</summary>
    public static MarkerHit? NonFiniteCallback(LineMarker marker, ReadOnlySpan<char> line)
    {
        var at = line.IndexOf(marker.Needles[0], StringComparison.Ordinal);
        if (at >= 0) return new MarkerHit(marker, MarkerKind.Error, Start: StartOf(line, at, "Batch "));
        at = line.IndexOf(marker.Needles[1], StringComparison.Ordinal);
        if (at < 0 || !line[..at].Contains(" is not finite.", StringComparison.Ordinal)) return null;
        return new MarkerHit(marker, MarkerKind.Error, Start: StartOf(line, at, "Monitored metric "));
    }

    /// <summary>Where a sentence that ends at <paramref name="at"/> starts: its last <paramref name="lead"/> before, else at.</summary>
    private static int StartOf(ReadOnlySpan<char> line, int at, string lead)
    {
        var before = line[..at].LastIndexOf(lead, StringComparison.Ordinal);
        return before >= 0 ? before : at;
    }

    /// <summary><c>Signal 9 (SIGKILL) received by PID 1234</c>.</summary>
    public static MarkerHit? SignalReceived(LineMarker marker, ReadOnlySpan<char> line)
    {
        var at = line.IndexOf("Signal ", StringComparison.Ordinal);
        if (at < 0) return NativeDeathMatchers.CrashHandler(line) is { } named ? new MarkerHit(marker, MarkerKind.Death, named) : null;
        var number = ReadInt(line[(at + 7)..], out _);
        var signal = number is { } n and > 0 and < 100 ? SignalNames.FromNumber((int)n) : null;
        return signal is null ? null : new MarkerHit(marker, MarkerKind.Death, signal);
    }

    public static MarkerHit? OomKiller(LineMarker marker, ReadOnlySpan<char> line) => new MarkerHit(marker, MarkerKind.Death, "SIGKILL");

    /// <summary>The number after the keyword (<c>exitcode: -9</c>, <c>return code = -9</c>, <c>exit status 137</c>).</summary>
    public static MarkerHit? ExitCode(LineMarker marker, ReadOnlySpan<char> line)
    {
        foreach (var keyword in marker.Needles)
        {
            var at = line.IndexOf(keyword, StringComparison.Ordinal);
            if (at < 0) continue;
            var rest = line[(at + keyword.Length)..].TrimStart(" :=".AsSpan());
            if (ReadInt(rest, out _) is not { } code) continue;
            return SignalNames.FromExitCode(code) is { } signal ? new MarkerHit(marker, MarkerKind.Death, signal) : null;
        }

        return null;
    }

    /// <summary><c>Killed</c>, <c>Segmentation fault (core dumped)</c>, the same right after a progress bar that ended
    /// without a newline (<c>… 2.68it/s]Segmentation fault (core dumped)</c>), or bash's
    /// <c>line 1:  1234 Killed   python x.py</c>.</summary>
    public static MarkerHit? ShellSignal(LineMarker marker, ReadOnlySpan<char> line)
    {
        if (SignalNames.FromDescription(line) is { } first && (IsWholeReport(line) || IsUserSignalReport(line))) return new MarkerHit(marker, MarkerKind.Death, first);
        // The same report inside a paste's quotes, or as bash's padded job notification (Markers/ShellReportForms).
        var unquoted = ShellReportForms.Unquoted(line, out var quoteEnd);
        if (SignalNames.FromDescription(ShellReportForms.SkipJobNumber(unquoted)) is { } quoted
            && ((unquoted.Length < line.Length && IsWholeReport(unquoted)) || ShellReportForms.IsPaddedJobReport(unquoted)))
            return new MarkerHit(marker, MarkerKind.Death, quoted);
        if (AfterProgressBar(marker, line) is { } glued) return new MarkerHit(marker, MarkerKind.Death, glued);
        if (AfterFastTextProgress(marker, unquoted, quoteEnd) is { } fastText) return fastText;
        // bash job report: "...: line N: <pid> Killed <command>"
        var i = 0;
        while (i < line.Length)
        {
            var space = line[i..].IndexOf(' ');
            if (space < 0) break;
            i += space + 1;
            var word = line[i..];
            var start = 0;
            while (start < word.Length && char.IsAsciiDigit(word[start])) start++;
            if (start == 0 || start == word.Length || word[start] != ' ') continue;
            var after = word[start..].TrimStart();
            if (SignalNames.FromDescription(after) is { } signal) return new MarkerHit(marker, MarkerKind.Death, signal);
        }

        if (KerasBarDeath(marker, line) is { } keras) return keras;
        return NativeDeathMatchers.Read(line) is { } native ? new MarkerHit(marker, MarkerKind.Death, native) : null;
    }

    /// <summary>The shell's report glued to the end of a Keras bar, which ends with its last metric, not a bracket:
    /// <c>165376/296960 [=====&gt;....] - ETA: 365s - loss: 2.1371Killed</c>. The report starts at the signal's word.</summary>
    private static MarkerHit? KerasBarDeath(LineMarker marker, ReadOnlySpan<char> line)
    {
        if (!GluedProgressBar.StartsWithKerasBar(line)) return null;
        foreach (var needle in marker.Needles)
        {
            var at = line.LastIndexOf(needle, StringComparison.Ordinal);
            if (at <= 0 || !IsWholeReport(line[at..])) continue;
            return SignalNames.FromDescription(line[at..]) is { } signal ? new MarkerHit(marker, MarkerKind.Death, signal, Start: at) : null;
        }

        return null;
    }

    /// <summary>The shell's report glued to fastText's progress line (<see cref="ShellReportForms.AfterFastTextProgress"/>).</summary>
    private static MarkerHit? AfterFastTextProgress(LineMarker marker, ReadOnlySpan<char> line, int offset)
    {
        foreach (var needle in marker.Needles)
        {
            var at = ShellReportForms.AfterFastTextProgress(line, needle);
            if (at > 0 && IsWholeReport(line[at..]) && SignalNames.FromDescription(line[at..]) is { } signal)
                return new MarkerHit(marker, MarkerKind.Death, signal, Start: offset + at);
        }

        return null;
    }

    /// <summary>PyTorch's DataLoader worker handler: <c>ERROR: Unexpected bus error encountered in worker. …</c>.</summary>
    public static MarkerHit? WorkerSignal(LineMarker marker, ReadOnlySpan<char> line) =>
        NativeDeathMatchers.Worker(line, out var start) is { } signal ? new MarkerHit(marker, MarkerKind.Death, signal, Start: start) : null;

    /// <summary>zsh's lower-case job report (<c>zsh: killed  python x.py</c>, <c>[1]    32012 segmentation fault  …</c>).</summary>
    public static MarkerHit? ZshSignal(LineMarker marker, ReadOnlySpan<char> line) =>
        NativeDeathMatchers.Zsh(line) is { } signal ? new MarkerHit(marker, MarkerKind.Death, signal) : null;

    /// <summary>The shell's report glued to a tqdm bar: the bar's <c>[elapsed&lt;remaining, rate]</c> block ends right
    /// before it. Only a bar: a word or a colon before 'Killed' is prose or a label, not a death.</summary>
    private static string? AfterProgressBar(LineMarker marker, ReadOnlySpan<char> line)
    {
        foreach (var needle in marker.Needles)
        {
            var at = line.IndexOf(needle, StringComparison.Ordinal);
            if (at <= 0) continue;
            var bar = line[..at];
            var report = line[at..];
            if (bar[^1] == ']' && GluedProgressBar.EndsWithTail(bar) && IsWholeReport(report)) return SignalNames.FromDescription(report);
        }

        return null;
    }

    /// <summary><c>*** JOB 123 ON node CANCELLED AT 2024-04-20T09:09:37 DUE TO TIME LIMIT ***</c>: Slurm's SIGTERM.</summary>
    public static MarkerHit? SlurmCancelled(LineMarker marker, ReadOnlySpan<char> line)
    {
        var at = line.IndexOf("CANCELLED AT", StringComparison.Ordinal);
        if (at < 0) return null;
        var stars = line[..at].IndexOf("*** ", StringComparison.Ordinal);
        if (stars < 0 || !line[at..].TrimEnd().EndsWith("***", StringComparison.Ordinal)) return null;
        var what = line[(stars + 4)..at];
        return what.StartsWith("JOB ", StringComparison.Ordinal) || what.StartsWith("STEP ", StringComparison.Ordinal)
            ? new MarkerHit(marker, MarkerKind.Death, "SIGTERM")
            : null;
    }

    /// <summary>Slurm's step errors; its memory enforcement's kill is a death by SIGKILL, and srun's report of a task a
    /// signal ended (<c>srun: error: nid001: task 0: Killed</c>) a death by that signal.</summary>
    public static MarkerHit? SlurmError(LineMarker marker, ReadOnlySpan<char> line) =>
        SlurmReport.IsMemoryKill(line) ? new MarkerHit(marker, MarkerKind.Death, "SIGKILL")
        : SlurmReport.TaskSignal(line) is { } signal ? new MarkerHit(marker, MarkerKind.Death, signal)
        : new MarkerHit(marker, MarkerKind.Error);

    /// <summary>CPython's <c>Command '[…]' died with &lt;Signals.SIGKILL: 9&gt;.</c>: the signal's name from the enum's repr.</summary>
    public static MarkerHit? DiedWithSignal(LineMarker marker, ReadOnlySpan<char> line)
    {
        const string Key = "died with <Signals.";
        var at = line.IndexOf(Key, StringComparison.Ordinal);
        if (at < 0) return null;
        var name = line[(at + Key.Length)..];
        var colon = name.IndexOf(':');
        if (colon <= 3 || colon > MaxSignalNameChars || !name.StartsWith("SIG", StringComparison.Ordinal)) return null;
        foreach (var c in name[..colon])
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c)) return null;
        }

        return new MarkerHit(marker, MarkerKind.Death, name[..colon].ToString());
    }

    /// <summary>The longest signal name (<c>SIGVTALRM</c>, <c>SIGSTKFLT</c>).</summary>
    private const int MaxSignalNameChars = 9;

    /// <summary><c>/path/file.py:12: UserWarning: message</c>: a location with a line number right before the category.</summary>
    public static MarkerHit? PythonWarning(LineMarker marker, ReadOnlySpan<char> line)
    {
        var at = line.IndexOf("Warning: ", StringComparison.Ordinal);
        if (at <= 0) return null;
        var start = at;
        while (start > 0 && (char.IsAsciiLetterOrDigit(line[start - 1]) || line[start - 1] is '_' or '.')) start--;
        if (start < 4 || line[start - 1] != ' ' || line[start - 2] != ':') return null;
        var digits = start - 2;
        while (digits > 0 && char.IsAsciiDigit(line[digits - 1])) digits--;
        return digits < start - 2 && digits > 0 && line[digits - 1] == ':' ? new MarkerHit(marker, MarkerKind.Warning) : null;
    }

    public static MarkerHit? DeviceAssert(LineMarker marker, ReadOnlySpan<char> line) =>
        line.Contains("failed.", StringComparison.Ordinal) ? new MarkerHit(marker, MarkerKind.Error) : null;

    /// <summary><c>ValueError: bad value</c> at column 0: a type name ending in Error/Exception, then the message; or
    /// <c>SystemExit: 1</c>, a non-zero exit printed without its traceback (IPython); or TensorFlow 1's
    /// <c>ResourceExhaustedError (see above for traceback): …</c> (<see cref="Tracebacks.OpErrorSummaryLine"/>).</summary>
    public static MarkerHit? ExceptionLine(LineMarker marker, ReadOnlySpan<char> line)
    {
        line = line[SkipBracketPrefix(line)..];
        if (Tracebacks.OpErrorSummaryLine.TryParse(line, out _, out _)) return new MarkerHit(marker, MarkerKind.Error);
        if (!Tracebacks.ExceptionLine.TryParse(line, out var typeLength, out var messageStart))
        {
            // Behind a paste's quote or emphasis marks, or glued after a label: the type is named like an exception.
            var pasted = Tracebacks.PastedExceptionLine.Start(line, 0);
            if (pasted < 0)
            {
                return Tracebacks.ExceptionRepr.TryFind(line, out _, out _, out _, out _) || Tracebacks.ClassRepr.TryFind(line, out _, out _, out _)
                    ? new MarkerHit(marker, MarkerKind.Error)
                    : null;
            }

            line = line[pasted..];
            if (!Tracebacks.ExceptionLine.TryParse(line, out typeLength, out messageStart)) return null;
        }

        var type = line[..typeLength];
        if (type.SequenceEqual("SystemExit")) return IsFailureExit(line[messageStart..]) ? new MarkerHit(marker, MarkerKind.Error) : null;
        // Or copies of such a name interleaved by ranks sharing stderr ("torch.cuda.OutOfMemoryErrortorch.cuda: …").
        return Tracebacks.ExceptionLine.IsNamedLikeException(type, hasMessage: messageStart < line.Length)
            || Tracebacks.InterleavedExceptionType.NameLength(type) > 0
            || Tracebacks.InterleavedExceptionType.Collapse(type) is not null
            ? new MarkerHit(marker, MarkerKind.Error)
            : null;
    }

    /// <summary><c>sys.exit(0)</c> and <c>sys.exit()</c> are successes; any other code or a message is a failure.</summary>
    private static bool IsFailureExit(ReadOnlySpan<char> code)
    {
        code = code.Trim();
        return !code.IsEmpty && !code.SequenceEqual("0") && !code.SequenceEqual("None");
    }

    /// <summary>Where the text starts after a leading <c>[tag]: </c> no envelope rule knew (a hand-written <c>[rankx]: </c>).</summary>
    public static int SkipBracketPrefix(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || line[0] != '[') return 0;
        var close = line[..Math.Min(line.Length, 24)].IndexOf("]: ", StringComparison.Ordinal);
        return close < 0 ? 0 : close + 3;
    }

    /// <summary>bash's <c>User defined signal 2</c>, alone on its line: more words than <see cref="IsWholeReport"/> allows.</summary>
    private static bool IsUserSignalReport(ReadOnlySpan<char> line) => line.Length == "User defined signal 2".Length;

    /// <summary>The line is the report alone ("Killed", "Aborted (core dumped)"), not a sentence that starts so.</summary>
    private static bool IsWholeReport(ReadOnlySpan<char> line) =>
        line.Length <= 40 && (line.EndsWith("(core dumped)", StringComparison.Ordinal) || !line.Contains(' ') || line.Count(' ') <= 2);

    /// <summary>A decimal integer of up to <see cref="MaxExitCodeDigits"/> digits, optionally negative.</summary>
    private static long? ReadInt(ReadOnlySpan<char> s, out int length)
    {
        var i = 0;
        var negative = false;
        if (i < s.Length && s[i] == '-')
        {
            negative = true;
            i++;
        }

        var start = i;
        var value = 0L;
        while (i < s.Length && char.IsAsciiDigit(s[i]) && i - start < MaxExitCodeDigits) value = (value * 10) + (s[i++] - '0');
        length = i;
        if (i == start) return null;
        return negative ? -value : value;
    }

    /// <summary>A Windows exit code is an unsigned 32-bit NTSTATUS (3221225477): ten digits.</summary>
    private const int MaxExitCodeDigits = 10;
}
