namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// Frame lines of one traceback that several processes wrote to one stream at once (ranks of a launcher sharing stderr,
/// no <c>[rankN]:</c> prefix): what <see cref="ExceptionPrintout"/> asks to tell a lagging rank's copy from a message
/// that quotes another traceback. The exception line's twin is <see cref="InterleavedExceptionType"/>.
/// </summary>
internal static class InterleavedFrames
{
    /// <summary>CPython's indentation of a frame line under its part's margin (<c>  File "…"</c>).</summary>
    public const int FrameIndent = 2;

    /// <summary>The source line <paramref name="code"/> calls <paramref name="function"/> (<c>f(</c>, <c>obj.f(</c>).</summary>
    public static bool Calls(ReadOnlySpan<char> code, string function)
    {
        var at = code.IndexOf(function, StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = at + function.Length;
            if ((at == 0 || !IsIdentifierChar(code[at - 1])) && end < code.Length && code[end] == '(') return true;
            var next = code[end..].IndexOf(function, StringComparison.Ordinal);
            at = next < 0 ? -1 : end + next;
        }

        return false;
    }

    /// <summary>
    /// A frame line glued after another writer's text (<c>…cannot decrease scale anymore. Exiting run.  File "…", line
    /// 175, in update_scale</c>): processes sharing a stream write a line in pieces, and one's newline-less piece takes the
    /// start of the other's frame line.
    /// </summary>
    public static bool TryGluedFrame(ReadOnlySpan<char> trimmed, out ParsedFrame frame)
    {
        frame = default;
        var at = trimmed.IndexOf("  File \"", StringComparison.Ordinal);
        return at > 0 && trimmed[at - 1] != ' ' && FrameLine.TryParse(trimmed[(at + FrameIndent)..], out frame)
            && frame.Style == FrameStyle.Traceback;
    }

    /// <summary>A message line that introduces frames of another traceback: a quoted header (DataLoader's "Original
    /// Traceback (most recent call last):", spawn's "-- Process 0 terminated with the following error:" then a header)
    /// or Ray's task descriptor, after which RayTaskError lists the task's frames without one.</summary>
    public static bool QuotesFrames(ReadOnlySpan<char> trimmed) =>
        trimmed.Contains("(most recent call last)", StringComparison.Ordinal) || RayTaskDescriptor.EndsWith(trimmed);

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
