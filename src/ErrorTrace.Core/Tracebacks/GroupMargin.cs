namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// Reads the margins CPython draws around exception groups (Lib/traceback.py, <c>_ExceptionPrintContext</c>): at depth d
/// every line is prefixed by <c>2·d</c> spaces and <c>| </c> (<c>+ </c> on a top-level group's header); each
/// sub-exception opens with <c>+-+---------------- 1 ----------------</c> (the first) or <c>+---------------- 2 ----…</c>,
/// whose last <c>+</c> stands where the child's <c>|</c> will; <c>+------------------------------------</c> closes the
/// children of a group at that column; a "..." title precedes <c>and N more exceptions</c>.
/// </summary>
internal static class GroupMargin
{
    public static GroupMarginLine Read(ReadOnlySpan<char> line)
    {
        var spaces = 0;
        while (spaces < line.Length && line[spaces] == ' ') spaces++;
        if (spaces >= line.Length) return default;
        var c = line[spaces];
        var next = spaces + 1 < line.Length ? line[spaces + 1] : '\0';
        if (c == '|' && (next == ' ' || next == '\0'))
            return new GroupMarginLine(GroupMarginKind.Content, spaces / 2, Math.Min(line.Length, spaces + 2), false);
        if (c != '+') return default;
        if (next == ' ')
            return new GroupMarginLine(GroupMarginKind.Content, spaces / 2, spaces + 2, false);
        if (next != '-') return default;

        var rest = line[spaces..];
        if (rest.StartsWith("+-+-", StringComparison.Ordinal))
            return Separator(rest[2..], (spaces + 2) / 2);
        var dashes = rest[1..].TrimEnd();
        if (dashes.Length >= 8 && !dashes.ContainsAnyExcept('-'))
            return new GroupMarginLine(GroupMarginKind.Close, spaces / 2, line.Length, false);
        return Separator(rest, spaces / 2);
    }

    /// <summary><c>+---------------- 3 ----------------</c> or <c>… ... …</c>.</summary>
    private static GroupMarginLine Separator(ReadOnlySpan<char> s, int childDepth)
    {
        var title = s.Trim('+').Trim('-').Trim();
        if (title.IsEmpty) return default;
        var placeholder = title.SequenceEqual("...");
        if (!placeholder && title.ContainsAnyExceptInRange('0', '9')) return default;
        return new GroupMarginLine(GroupMarginKind.Separator, childDepth, 0, placeholder);
    }
}
