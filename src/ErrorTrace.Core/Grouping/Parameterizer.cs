namespace ErrorTrace.Core.Grouping;

/// <summary>
/// Rewrites a message with <see cref="MessageMasks"/> applied, into a caller's buffer, without allocating.
/// Only the first line is fingerprinted: later lines of a multi-line message are detail, and often volatile.
/// </summary>
internal static class Parameterizer
{
    /// <summary>Writes the masked first line of <paramref name="message"/> into <paramref name="destination"/>; returns its length.</summary>
    public static int Mask(ReadOnlySpan<char> message, Span<char> destination)
    {
        var newline = message.IndexOf('\n');
        if (newline >= 0) message = message[..newline];
        message = message.Trim();
        var written = 0;
        var i = 0;
        var masks = MessageMasks.All;
        while (i < message.Length && written < destination.Length - 16)
        {
            var c = message[i];
            var atBoundary = i == 0 || !char.IsAsciiLetterOrDigit(message[i - 1]);
            var matched = 0;
            string? placeholder = null;
            // A word starting with a hex letter can only be masked as a UUID or a hex id, both 8+ hex characters:
            // ordinary words ("failed", "device") are copied without trying the masks.
            var candidate = char.IsAsciiDigit(c) || c is '\'' or '"' or '`' or '/'
                || (atBoundary && char.IsAsciiHexDigit(c) && HexRunAtLeast(message, i, 8));
            if (candidate)
            {
                for (var m = 0; m < masks.Length; m++)
                {
                    if (!atBoundary && !masks[m].InsideWords) continue;
                    matched = masks[m].Match(message, i);
                    if (matched > 0)
                    {
                        placeholder = masks[m].Placeholder;
                        break;
                    }
                }
            }

            if (matched > 0)
            {
                placeholder.AsSpan().CopyTo(destination[written..]);
                written += placeholder!.Length;
                i += matched;
            }
            else
            {
                destination[written++] = c;
                i++;
            }
        }

        return written;
    }

    private static bool HexRunAtLeast(ReadOnlySpan<char> s, int i, int length)
    {
        if (i + length > s.Length) return false;
        for (var k = 0; k < length; k++)
        {
            if (!char.IsAsciiHexDigit(s[i + k])) return false;
        }

        return true;
    }
}
