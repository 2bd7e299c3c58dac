namespace ErrorTrace.Core.Markers;

/// <summary>
/// Forms of a shell's report of a signal death that <see cref="MarkerMatchers.ShellSignal"/> reads besides the bare
/// line: the report as a paste quotes it, bash's padded job notification, and the report glued to fastText's progress
/// line. Each is the shell's own words (strsignal()'s description), never prose about them.
/// </summary>
internal static class ShellReportForms
{
    /// <summary>strsignal()'s descriptions, exactly as bash prints them before its padding (Linux glibc and macOS).</summary>
    private static readonly string[] s_descriptions =
    [
        "Segmentation fault", "Bus error", "Aborted", "Floating point exception", "Illegal instruction", "Killed",
    ];

    /// <summary>The line without the marks a paste put around it: a Markdown quote (<c>&gt;Killed: 9</c>, gensim's issue
    /// quoting macOS bash), a double quote opening a pasted block (<c>"Segmentation fault: 11</c>, or <c>“</c>) and the
    /// quote and comma closing it (<c>Segmentation fault (core dumped) ",</c>). A line without them is returned as is; <paramref name="start"/> is where the text starts in the line.</summary>
    public static ReadOnlySpan<char> Unquoted(ReadOnlySpan<char> line, out int start)
    {
        var i = 0;
        while (i < line.Length && line[i] is '>' or ' ') i++;
        if (i < line.Length && line[i] is '"' or '\u201C') i++;
        start = i;
        line = line[i..];
        var end = line.Length;
        while (end > 0 && line[end - 1] is ' ' or ',' or '"' or '\u201D') end--;
        return line[..end];
    }

    /// <summary>bash's job notification pads the description to a column before the command (jobs.c,
    /// <c>pretty_print_job</c>): <c>[1]+  Segmentation fault      (core dumped) nohup python -m main …</c>,
    /// <c>Killed                  python train.py</c> (the job number often cut by the paste). The description whole,
    /// then at least two spaces: a sentence that starts with the words has one.</summary>
    public static bool IsPaddedJobReport(ReadOnlySpan<char> line)
    {
        line = SkipJobNumber(line);
        foreach (var description in s_descriptions)
        {
            if (line.StartsWith(description, StringComparison.Ordinal) && line[description.Length..].StartsWith("  ", StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    /// <summary>The line after bash's <c>[1]+  </c> / <c>[2]-  </c> job mark, or the line when it has none.</summary>
    public static ReadOnlySpan<char> SkipJobNumber(ReadOnlySpan<char> line)
    {
        if (line.Length < 4 || line[0] != '[') return line;
        var close = line.IndexOf(']');
        if (close < 2 || line[1..close].ContainsAnyExceptInRange('0', '9')) return line;
        var rest = line[(close + 1)..].TrimStart("+- ");
        return rest.Length < line.Length - close - 1 ? rest : line;
    }

    /// <summary>The report glued to fastText's (and sent2vec's) progress line, which it rewrites with <c>\r</c> and never
    /// ends with a newline (src/fasttext.cc, <c>printInfo</c>): <c>Progress: 19.0%  words/sec/thread: 59  lr: 0.242889
    /// loss: 20.702034  eta: 125h56m Segmentation fault</c>. The bar before the report names its
    /// <c>words/sec/thread:</c> field; the report after it is whole. Where the report starts, or -1.</summary>
    public static int AfterFastTextProgress(ReadOnlySpan<char> line, string needle)
    {
        var at = line.LastIndexOf(needle, StringComparison.Ordinal);
        if (at <= 0 || line[at - 1] != ' ') return -1;
        return line[..at].Contains(FastTextRate, StringComparison.Ordinal) ? at : -1;
    }

    /// <summary>The field fastText's progress line always prints.</summary>
    private const string FastTextRate = "words/sec/thread:";
}
