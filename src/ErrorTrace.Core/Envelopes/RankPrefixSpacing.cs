using System.Runtime.CompilerServices;

namespace ErrorTrace.Core.Envelopes;

/// <summary>
/// Whether a stream's <c>[rankN]:</c> prefix has a space of its own. PyTorch prints <c>[rank3]: </c> before each line,
/// and <see cref="LauncherPrefix"/> strips that space with it; torchelastic's template prefixes
/// (<c>TORCHELASTIC_LOG_LINE_PREFIX_TEMPLATE="[rank${rank}]:"</c>, accelerate's) have none, so the space after them is
/// the line's own: the two-space margin of an exception group (<c>[rank0]:  + Exception Group Traceback</c>) or an
/// indented message line. A stream shows which it is by a line glued to its prefix (<c>[rank0]:Traceback …</c>), or by a
/// group header that would stand at an odd column CPython never prints (one space, then <c>+ Exception Group</c>).
/// </summary>
internal static class RankPrefixSpacing
{
    private static ReadOnlySpan<byte> GroupHeader => " + Exception Group Traceback"u8;

    /// <summary>The line's content with the space the prefix reader took given back when the stream's prefix has none.
    /// <paramref name="line"/> is the whole line, <paramref name="content"/> what the prefix reader left of it.</summary>
    /// <para>Inlined: PyTorch's spaced prefix before text at column 0, nearly every rank-prefixed line, costs three
    /// compares; everything else is out of line.</para>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Adjust(ReadOnlySpan<byte> line, ReadOnlySpan<byte> content, ref bool prefixHasNoSpace)
    {
        var at = line.Length - content.Length;
        if (!prefixHasNoSpace && at >= 3 && line[at - 1] == (byte)' ' && (content.IsEmpty || content[0] != (byte)' ')) return content;
        return Slow(line, content, at, ref prefixHasNoSpace);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ReadOnlySpan<byte> Slow(ReadOnlySpan<byte> line, ReadOnlySpan<byte> content, int at, ref bool prefixHasNoSpace)
    {
        if (at < 3) return content;
        return line[at - 1] == (byte)' ' ? GiveBack(line, content, at, ref prefixHasNoSpace) : Observe(line, content, at, ref prefixHasNoSpace);
    }

    /// <summary>A space was taken after the prefix: only <c>[rank…]: </c> takes one (<c>3: </c> and <c>host: </c> end in
    /// a digit or letter before their colon).</summary>
    private static ReadOnlySpan<byte> GiveBack(ReadOnlySpan<byte> line, ReadOnlySpan<byte> content, int at, ref bool prefixHasNoSpace)
    {
        if (line[at - 2] != (byte)':' || line[at - 3] != (byte)']') return content;
        if (!prefixHasNoSpace && !content.StartsWith(GroupHeader)) return content;
        prefixHasNoSpace = true;
        return line[(at - 1)..];
    }

    /// <summary>Text right after <c>]:</c>: a glued prefix, unless it is c10's own bracketed header (<c>[rank0]:[W …]</c>),
    /// which follows PyTorch's spaced prefix glued too.</summary>
    private static ReadOnlySpan<byte> Observe(ReadOnlySpan<byte> line, ReadOnlySpan<byte> content, int at, ref bool prefixHasNoSpace)
    {
        if (!prefixHasNoSpace && !content.IsEmpty && content[0] is not ((byte)' ' or (byte)'[') && line[at - 1] == (byte)':' && line[at - 2] == (byte)']'
            && line[..at].LastIndexOf("[rank"u8) >= 0)
            prefixHasNoSpace = true;
        return content;
    }
}
