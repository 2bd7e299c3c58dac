namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// Text another writer left on the line before a printout's first line: a progress bar that ended with <c>\r</c> and no
/// newline (<c>… 9.51it/s]Fatal Python error: …</c>) or a label (<c>Full traceback: Traceback (…):</c>).
/// </summary>
internal static class GluedText
{
    /// <summary>What precedes a glued start is a bar (<c>…it/s]</c>) or a label, not a word of prose: DataLoader's message
    /// line "Original Traceback (most recent call last):" quotes a traceback, it is not one.</summary>
    public static bool IsGlued(ReadOnlySpan<char> before)
    {
        var last = before[^1];
        if (last != ' ') return !char.IsAsciiLetter(last);
        var trimmed = before.TrimEnd();
        return trimmed.IsEmpty || !char.IsAsciiLetter(trimmed[^1]) || IsPytestNodeId(trimmed);
    }

    /// <summary>pytest -v prints a test's node id and a space, then the test's own output runs on the same line until
    /// its outcome: <c>tests/test_run_model.py::test_run_model_transact Fatal Python error: Segmentation fault</c>
    /// (faulthandler, which pytest enables, writing straight to fd 2). One word that names a file's test.</summary>
    private static bool IsPytestNodeId(ReadOnlySpan<char> text) =>
        text.Contains(".py::", StringComparison.Ordinal) && !text.Contains(' ');

    /// <summary>Where <paramref name="start"/> begins in <paramref name="line"/>: 0 at the line's start, after glued text,
    /// or -1.</summary>
    public static int IndexOf(ReadOnlySpan<char> line, string start)
    {
        var at = line.IndexOf(start, StringComparison.Ordinal);
        return at <= 0 || IsGlued(line[..at]) ? at : -1;
    }
}
