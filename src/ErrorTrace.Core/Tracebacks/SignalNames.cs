namespace ErrorTrace.Core.Tracebacks;

/// <summary>POSIX signal numbers (Linux x86-64) and the words shells and faulthandler print for them.</summary>
internal static class SignalNames
{
    /// <summary>glibc's translations of strsignal()'s words for the deaths a training job dies of, as a shell in another
    /// locale prints them for a child killed by the signal (zh_CN, zh_TW, ja, ko, de, fr, es, pt_BR): the engine's marker
    /// (Markers/LocalizedShellDeath) and the rules' <c>signals</c> condition (Classification/SignalMatcher) read this one
    /// table. <c>Engine</c> is false for the words the engine leaves out: pt <c>Morto</c> is ordinary vocabulary (alone on a
    /// line it is a report, glued after text it is prose), es <c>Terminado (killed)</c> ends in ASCII, which the gate's
    /// question for a translated report (its last non-ASCII character) cannot see.</summary>
    public static readonly (string Words, string Signal, bool Engine)[] Localized =
    [
        ("已杀死", "SIGKILL", true), ("已殺死", "SIGKILL", true), ("強制終了", "SIGKILL", true), ("죽었음", "SIGKILL", true),
        ("Getötet", "SIGKILL", true), ("Processus arrêté", "SIGKILL", true), ("Terminado (killed)", "SIGKILL", false),
        ("Morto", "SIGKILL", false),
        ("段错误", "SIGSEGV", true), ("程式區段錯誤", "SIGSEGV", true), ("セグメンテーション違反です", "SIGSEGV", true),
        ("세그멘테이션 오류", "SIGSEGV", true), ("Speicherzugriffsfehler", "SIGSEGV", true), ("Erreur de segmentation", "SIGSEGV", true),
        ("Violación de segmento", "SIGSEGV", true), ("Falha de segmentação", "SIGSEGV", true),
        ("总线错误", "SIGBUS", true), ("バスエラー", "SIGBUS", true),
        ("已放弃", "SIGABRT", true), ("中止", "SIGABRT", true),
    ];

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
        // macOS' strsignal() for SIGABRT, as its bash prints it: 'Abort trap: 6' (its other words start with Linux's).
        if (text.StartsWith("Abort trap", StringComparison.Ordinal)) return "SIGABRT";
        if (text.StartsWith("Floating point exception", StringComparison.Ordinal)) return "SIGFPE";
        if (text.StartsWith("Illegal instruction", StringComparison.Ordinal)) return "SIGILL";
        if (text.StartsWith("Killed", StringComparison.Ordinal)) return "SIGKILL";
        // Schedulers warn a job with SIGUSR1/SIGUSR2 before its time limit (LSF, Slurm's --signal): bash then reports it so.
        if (text.StartsWith("User defined signal 1", StringComparison.Ordinal)) return "SIGUSR1";
        if (text.StartsWith("User defined signal 2", StringComparison.Ordinal)) return "SIGUSR2";
        return null;
    }

    /// <summary>A process exit code as a death by signal: negative codes are Python's subprocess convention (-9),
    /// 129–159 the shell's 128 + N (137 = SIGKILL, 139 = SIGSEGV). Windows has no signals: a native crash ends the
    /// process with its NTSTATUS as the exit code, printed unsigned (<c>returned non-zero exit status 3221225477</c>) or
    /// signed (PyCharm's <c>exit code -1073741819 (0xC0000005)</c>); STATUS_ACCESS_VIOLATION is what SIGSEGV is on POSIX.</summary>
    public static string? FromExitCode(long code) => code switch
    {
        WindowsAccessViolation or WindowsAccessViolationSigned => "SIGSEGV",
        < 0 and > -160 => FromNumber((int)-code),
        > 128 and < 160 => FromNumber((int)code - 128),
        _ => null,
    };

    /// <summary>STATUS_ACCESS_VIOLATION (0xC0000005) as an unsigned exit code.</summary>
    private const long WindowsAccessViolation = 0xC0000005;

    /// <summary>STATUS_ACCESS_VIOLATION as a signed 32-bit exit code.</summary>
    private const long WindowsAccessViolationSigned = unchecked((int)0xC0000005);
}
