namespace ErrorTrace.Core.Classification;

/// <summary>POSIX signals (Linux numbering) as rules name them, with the words strsignal() gives and shells print
/// ("Killed", "Segmentation fault"), and the same words as glibc translates them for a shell running in another locale
/// (zh_CN "已杀死", de "Getötet"). Facts, not rules: which signal means what failure is in rules.json.</summary>
internal static class SignalTable
{
    private static readonly (string Name, int Number, string Description)[] s_signals =
    [
        ("SIGHUP", 1, "Hangup"),
        ("SIGINT", 2, "Interrupt"),
        ("SIGILL", 4, "Illegal instruction"),
        ("SIGABRT", 6, "Aborted"),
        ("SIGBUS", 7, "Bus error"),
        ("SIGFPE", 8, "Floating point exception"),
        ("SIGKILL", 9, "Killed"),
        ("SIGUSR1", 10, "User defined signal 1"),
        ("SIGSEGV", 11, "Segmentation fault"),
        ("SIGUSR2", 12, "User defined signal 2"),
        ("SIGPIPE", 13, "Broken pipe"),
        ("SIGTERM", 15, "Terminated"),
    ];

    /// <summary>The signal's word in other locales (none for most signals): <see cref="Tracebacks.SignalNames.Localized"/>,
    /// the table the engine's marker for a translated shell report reads too.</summary>
    public static IReadOnlyList<string> Localized(string name) =>
        [.. Tracebacks.SignalNames.Localized.Where(w => string.Equals(w.Signal, name, StringComparison.Ordinal)).Select(w => w.Words)];

    public static bool TryGet(string name, out int number, out string description)
    {
        foreach (var (n, num, desc) in s_signals)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                (number, description) = (num, desc);
                return true;
            }
        }

        (number, description) = (0, "");
        return false;
    }

    public static IEnumerable<string> Names => s_signals.Select(s => s.Name);
}
