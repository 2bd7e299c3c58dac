namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// Reads frame lines (text already trimmed at the start):
/// CPython traceback <c>File "path", line 12, in func</c> (Lib/traceback.py, StackSummary.format_frame_summary),
/// SyntaxError's pseudo-frame <c>File "path", line 12</c> (no function), <c>line None</c> when the line is unknown,
/// and faulthandler's <c>File "path", line 12 in func</c> (Python/traceback.c, dump_frame: no comma).
/// </summary>
internal static class FrameLine
{
    public static bool StartsFrame(ReadOnlySpan<char> trimmed) => trimmed.StartsWith("File \"", StringComparison.Ordinal);

    public static bool TryParse(ReadOnlySpan<char> trimmed, out ParsedFrame frame)
    {
        frame = default;
        if (!StartsFrame(trimmed)) return false;
        var rest = trimmed[6..];
        var fileEnd = rest.IndexOf("\", line ", StringComparison.Ordinal);
        if (fileEnd < 0) return false;
        var file = rest[..fileEnd];
        // A paste may widen the space before the number ("line     336"); CPython prints one.
        rest = rest[(fileEnd + 8)..].TrimStart(' ');
        var digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits])) digits++;
        int? line = null;
        if (digits > 0 && digits <= 9) line = int.Parse(rest[..digits], provider: null);
        else if (rest.StartsWith("None", StringComparison.Ordinal)) digits = 4;
        else return false;
        rest = rest[digits..];

        if (rest.IsEmpty || rest.IsWhiteSpace())
        {
            frame = new ParsedFrame(file.ToString(), line, "", FrameStyle.SyntaxErrorLocation);
            return true;
        }

        if (rest.TrimEnd().SequenceEqual(", in"))
        {
            // Pasted into Markdown, "<module>" vanishes as an HTML tag.
            frame = new ParsedFrame(file.ToString(), line, "", FrameStyle.Traceback);
            return true;
        }

        if (rest.StartsWith(", in ", StringComparison.Ordinal))
        {
            // A paste may widen the space before the name too ("in            forward"); a name has no spaces.
            frame = new ParsedFrame(file.ToString(), line, rest[5..].Trim().ToString(), FrameStyle.Traceback);
            return true;
        }

        if (rest.StartsWith(" in ", StringComparison.Ordinal))
        {
            frame = new ParsedFrame(file.ToString(), line, rest[4..].TrimEnd().ToString(), FrameStyle.Faulthandler);
            return true;
        }

        return false;
    }
}
