namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// A log pasted into an issue with markdown around its lines: inline code (<c>`Traceback (most recent call last):`</c>,
/// a multi-line message opened by one backtick and closed by another lines later) or bold around an exception line
/// (<c>**ValueError: Input 0 is incompatible …**</c>), or fences around a one-line log. The marks are the paste's, not the log's. A fenced block's
/// <c>```</c>, and asterisks that the log's own text starts with (absl's <c>*** SIGSEGV …</c>, Slurm's
/// <c>*** JOB … ***</c>, an indented <c>**kwargs</c>), are left alone.
/// </summary>
internal static class PastedMarkdown
{
    /// <summary>The line without the marks. A few character checks for a line that has none.</summary>
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty) return line;
        var start = 0;
        while (start < line.Length && line[start] == ' ') start++;
        if (OneLineFence(line[start..].TrimEnd()) is { Length: > 0 } fenced) return fenced;
        if (start < line.Length && line[start] == '`' && !IsFence(line[start..]))
        {
            // The backtick stood before the text's own indentation ("`  File …"): keep that, drop the tick.
            line = line[(start + 1)..];
        }
        else if (start == 0 && line.Length > 2 && line[0] == '*' && line[1] == '*')
        {
            // Bold opened at column 0 right before a word: "**RuntimeError: …", "****KeyError: …".
            var stars = line.IndexOfAnyExcept('*');
            if (stars > 0 && char.IsAsciiLetter(line[stars])) line = line[stars..];
        }

        if (line.Length == 0) return line;
        if (line[^1] == '`' && !IsFence(line) && line.Count('`') % 2 == 1) return line[..^1];
        if (line.Length > 2 && line[^1] == '*' && line[^2] == '*')
        {
            // Bold closed at the end with no other asterisk in the line: "… found ndim=2**", "… exception:**".
            var text = line.TrimEnd('*');
            if (text.Length > 0 && !text.Contains('*') && text[^1] != ' ') return text;
        }

        return line;
    }

    private const string Fence = "```";

    /// <summary>A one-line log fenced on its own line (<c>```Segmentation fault (core dumped)```</c>, as an issue form's
    /// "Errors" field is often filled): the text between the fences, or empty when the line is not one. A fence that opens
    /// a block (<c>```python</c>) has no closing fence on its line.</summary>
    private static ReadOnlySpan<char> OneLineFence(ReadOnlySpan<char> text)
    {
        if (text.Length <= 2 * Fence.Length || !text.StartsWith(Fence, StringComparison.Ordinal) || !text.EndsWith(Fence, StringComparison.Ordinal))
            return default;
        var inner = text[Fence.Length..^Fence.Length];
        return inner.Contains('`') ? default : inner.Trim();
    }

    private static bool IsFence(ReadOnlySpan<char> text) =>
        text.StartsWith("``", StringComparison.Ordinal) || text.EndsWith("``", StringComparison.Ordinal);
}
