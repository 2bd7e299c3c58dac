namespace ErrorTrace.Core.Tracebacks;

/// <summary>POSIX signal numbers (Linux x86-64) and the words shells and faulthandler print for them.</summary>
internal static class SignalNames
{
    public static string? FromNumber(int signal) => signal switch
    {
        1 => "SIGHUP",
        2 => "SIGINT",
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        10 => "SIGUSR1",
        11 => "SIGSEGV",
        12 => "SIGUSR2",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        _ => null,
    };

    /// <summary>The description strsignal() gives, as bash ("Segmentation fault (core dumped)") and faulthandler
    /// ("Fatal Python error: Segmentation fault") print it.</summary>
    public static string? FromDescription(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("Segmentation fault", StringComparison.Ordinal)) return "SIGSEGV";
        if (text.StartsWith("Bus error", StringComparison.Ordinal)) return "SIGBUS";
        if (text.StartsWith("Aborted", StringComparison.Ordinal)) return "SIGABRT";
        if (text.StartsWith("Floating point exception", StringComparison.Ordinal)) return "SIGFPE";
        if (text.StartsWith("Illegal instruction", StringComparison.Ordinal)) return "SIGILL";
        if (text.StartsWith("Killed", StringComparison.Ordinal)) return "SIGKILL";
        // Schedulers warn a job with SIGUSR1/SIGUSR2 before its time limit (LSF, Slurm's --signal): bash then reports it so.
        if (text.StartsWith("User defined signal 1", StringComparison.Ordinal)) return "SIGUSR1";
        if (text.StartsWith("User defined signal 2", StringComparison.Ordinal)) return "SIGUSR2";
        return null;
    }

    /// <summary>A process exit code as a death by signal: negative codes are Python's subprocess convention (-9),
    /// 129–159 the shell's 128 + N (137 = SIGKILL, 139 = SIGSEGV).</summary>
    public static string? FromExitCode(int code) => code switch
    {
        < 0 => FromNumber(-code),
        > 128 and < 160 => FromNumber(code - 128),
        _ => null,
    };
}
