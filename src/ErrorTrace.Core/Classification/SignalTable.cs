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

    /// <summary>glibc's translations of strsignal()'s words in common locales (zh_CN, ja, ko, de, fr, es, pt_BR), as a
    /// shell prints them for a child killed by the signal.</summary>
    private static readonly (string Name, string[] Words)[] s_localized =
    [
        ("SIGKILL", ["已杀死", "強制終了", "죽었음", "Getötet", "Processus arrêté", "Terminado (killed)", "Morto"]),
        ("SIGSEGV", ["段错误", "セグメンテーション違反です", "세그멘테이션 오류", "Speicherzugriffsfehler", "Erreur de segmentation", "Violación de segmento", "Falha de segmentação"]),
    ];

    /// <summary>The signal's word in other locales (none for most signals).</summary>
    public static IReadOnlyList<string> Localized(string name)
    {
        foreach (var (n, words) in s_localized)
        {
            if (string.Equals(n, name, StringComparison.Ordinal)) return words;
        }

        return [];
    }

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
