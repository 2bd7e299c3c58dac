namespace ErrorTrace.Core.Envelopes;

/// <summary>
/// Whether a stream's <c>[rankN]:</c> prefix has a space of its own. PyTorch prints <c>[rank3]: </c> before each line,
/// and <see cref="LauncherPrefix"/> strips that space with it; torchelastic's template prefixes
/// (<c>TORCHELASTIC_LOG_LINE_PREFIX_TEMPLATE="[rank${rank}]:"</c>, accelerate's) have none, so the space after them is
/// the line's own: the two-space margin of an exception group (<c>[rank0]:  + Exception Group Traceback</c>) or an
/// indented message line. A stream shows which it is by a line glued to its prefix (<c>[rank0]:Traceback …</c>), or by a
/// group header that would stand at an odd column CPython never prints (one space, then <c>+ Exception Group</c>).
/// <para>Only lines that reach the parsers ask (see <c>LogAnalyzer.ProcessContent</c>): the prefix reader's input is
/// kept as a span, and the bytes before the content are read from it.</para>
/// </summary>
internal static class RankPrefixSpacing
{
    private static ReadOnlySpan<byte> GroupHeader => " + Exception Group Traceback"u8;

    private static ReadOnlySpan<byte> RankWord => "[rank"u8;

    /// <summary>The content with the space the prefix reader took given back when the stream's prefix has none.
    /// <paramref name="line"/> is the prefix reader's input, <paramref name="at"/> the length of the prefixes it took,
    /// <paramref name="content"/> what is left of the line from there (Ray's repeat suffix may be cut off its end).</summary>
    public static ReadOnlySpan<byte> Adjust(ReadOnlySpan<byte> line, int at, ReadOnlySpan<byte> content, ref bool prefixHasNoSpace)
    {
        if (at < 3) return content;
        var prefix = line[..at];
        if (prefix[^1] == (byte)' ')
        {
            // Only "[rank…]: " takes a space: "3: " and "host: " have a digit or a letter before their colon.
            if (prefix[^2] != (byte)':' || prefix[^3] != (byte)']') return content;
            if (!prefixHasNoSpace && !content.StartsWith(GroupHeader)) return content;
            prefixHasNoSpace = true;
            return line.Slice(at - 1, content.Length + 1);
        }

        // Text right after "]:": a glued prefix, unless it is c10's own bracketed header ("[rank0]:[W …]"), which follows
        // PyTorch's spaced prefix glued too.
        if (!prefixHasNoSpace && prefix[^1] == (byte)':' && prefix[^2] == (byte)']' && !content.IsEmpty && content[0] is not ((byte)' ' or (byte)'[')
            && prefix.LastIndexOf(RankWord) >= 0)
            prefixHasNoSpace = true;
        return content;
    }
}
