namespace ErrorTrace.Core.Envelopes;

/// <summary>
/// Removes ANSI/ECMA-48 escape sequences: CSI (<c>ESC [</c> parameters, intermediates, final byte — colours, tqdm's
/// cursor moves), OSC (<c>ESC ]</c> … BEL or <c>ESC \</c> — hyperlinks) and two-byte escapes. Python 3.13 colours its
/// tracebacks this way, and a coloured and a plain log must give the same report.
/// </summary>
internal static class AnsiEscapes
{
    public const byte Escape = 0x1B;

    /// <summary>Copies <paramref name="source"/> without escape sequences into <paramref name="destination"/> (at least as long).</summary>
    public static int Strip(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = 0;
        var i = 0;
        while (i < source.Length)
        {
            var esc = source[i..].IndexOf(Escape);
            if (esc < 0)
            {
                source[i..].CopyTo(destination[written..]);
                return written + source.Length - i;
            }

            source.Slice(i, esc).CopyTo(destination[written..]);
            written += esc;
            i = SkipSequence(source, i + esc);
        }

        return written;
    }

    private static int SkipSequence(ReadOnlySpan<byte> s, int escIndex)
    {
        var i = escIndex + 1;
        if (i >= s.Length) return i;
        switch (s[i])
        {
            case (byte)'[':
                i++;
                while (i < s.Length && s[i] is >= 0x20 and <= 0x3F) i++;
                return i < s.Length && s[i] is >= 0x40 and <= 0x7E ? i + 1 : i;
            case (byte)']':
                i++;
                while (i < s.Length)
                {
                    if (s[i] == 0x07) return i + 1;
                    if (s[i] == Escape && i + 1 < s.Length && s[i + 1] == (byte)'\\') return i + 2;
                    i++;
                }

                return i;
            default:
                return i + 1;
        }
    }
}
