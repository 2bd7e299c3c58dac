namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// Finds an exception line printed without a traceback at the end of a progress bar's line. tqdm redraws its bar
/// with <c>\r</c> and no newline, so whatever stderr prints next lands after the bar's last frame:
/// <c>36%|███       | 36/100 [00:03&lt;00:06, 9.86it/s]OSError: [Errno 28] No space left on device</c>.
/// A bar's right side is <c>| n/total [elapsed&lt;remaining, rate]</c> (tqdm's default <c>r_bar</c>), so the exception
/// starts right after a <c>]</c> that follows the bar's <c>%|</c>.
/// </summary>
internal static class GluedExceptionLine
{
    /// <summary>Where the exception line starts in <paramref name="line"/>: 0 for a plain exception line, the
    /// position after the bar for one glued to a progress bar, or -1.</summary>
    public static int Start(ReadOnlySpan<char> line)
    {
        if (ExceptionLine.TryParse(line, out _, out _)) return 0;
        var bar = line.IndexOf("%|", StringComparison.Ordinal);
        if (bar < 0) return -1;
        for (var at = bar + 2; at < line.Length;)
        {
            var close = line[at..].IndexOf(']');
            if (close < 0) return -1;
            var start = at + close + 1;
            if (ExceptionLine.TryParse(line[start..], out _, out _)) return start;
            at = start;
        }

        return -1;
    }
}
