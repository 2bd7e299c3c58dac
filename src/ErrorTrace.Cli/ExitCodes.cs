namespace ErrorTrace.Cli;

/// <summary>
/// The process exit codes. They are a contract with scripts and CI jobs that call errortrace, so each failure
/// kind has its own code and existing values never change meaning. Documented in <c>--help</c> and docs/cli.md.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Every input was analysed. Whatever the log shows (even a crashed job) is a success for errortrace.</summary>
    public const int Success = 0;

    /// <summary>errortrace itself failed unexpectedly (a bug): the message asks for a report.</summary>
    public const int InternalError = 1;

    /// <summary>Bad arguments or usage: unknown option, bad value, no FILE. System.CommandLine's own default is 1,
    /// which scripts cannot tell from a crash, hence 2 as in most Unix tools.</summary>
    public const int Usage = 2;

    /// <summary>An input log does not exist.</summary>
    public const int InputNotFound = 3;

    /// <summary>An input log exists but cannot be read (permission, I/O error, corrupt gzip, a directory), or the
    /// <c>--output</c> file cannot be written.</summary>
    public const int InputUnreadable = 4;

    /// <summary>The <c>--rules</c> file is missing, unreadable or invalid.</summary>
    public const int BadRules = 5;

    /// <summary>Interrupted with Ctrl+C: 128 + SIGINT, what shells report for a process killed by it.</summary>
    public const int Interrupted = 130;

    /// <summary>The lines appended to <c>--help</c>; kept next to the constants so they cannot drift apart.</summary>
    public static readonly (int Code, string Meaning)[] Descriptions =
    [
        (Success, "analysed (whatever the log shows)"),
        (InternalError, "internal error in errortrace (please report it)"),
        (Usage, "bad arguments or usage"),
        (InputNotFound, "input file not found"),
        (InputUnreadable, "input unreadable (permission, I/O, corrupt gzip) or output not writable"),
        (BadRules, "bad --rules file"),
        (Interrupted, "interrupted (Ctrl+C)"),
    ];
}
