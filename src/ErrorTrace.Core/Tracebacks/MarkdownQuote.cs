namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// The marks a Markdown quote puts before each line of a paste (<c>&gt; terminate called after throwing an instance of
/// 'std::bad_alloc'</c>, <c>&gt; &gt; what(): …</c>, an empty <c>&gt;</c> for a blank line): GitHub issues quote a log
/// so. The quoted text is the line the program printed.
/// </summary>
internal static class MarkdownQuote
{
    /// <summary>How many characters of <paramref name="trimmed"/> (a line without its leading spaces) are quote marks:
    /// each <c>&gt;</c> with the one space after it, nested quotes included; 0 for a line that is not quoted.</summary>
    public static int Length(ReadOnlySpan<char> trimmed)
    {
        var i = 0;
        while (i < trimmed.Length && trimmed[i] == '>')
        {
            i++;
            if (i < trimmed.Length && trimmed[i] == ' ') i++;
        }

        return i;
    }

    /// <summary>The text after the quote marks, trimmed, or <paramref name="trimmed"/> when the line is not quoted.</summary>
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> trimmed, out bool quoted)
    {
        var length = Length(trimmed);
        quoted = length > 0;
        return quoted ? trimmed[length..].Trim() : trimmed;
    }
}
