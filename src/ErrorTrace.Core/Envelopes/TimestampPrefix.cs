using System.Runtime.CompilerServices;
using ErrorTrace.Core.Records;

namespace ErrorTrace.Core.Envelopes;

/// <summary>
/// A bare RFC 3339 timestamp that a collector put before every line, with nothing after it but the line the program
/// wrote: <c>docker logs --timestamps</c> and <c>kubectl logs --timestamps</c>
/// (<c>2025-12-10T03:58:22.123456789Z Traceback (most recent call last):</c>), GitHub Actions' raw job logs
/// (<c>2025-12-10T03:58:22.1234567Z …</c>), other collectors' <c>…+00:00 </c>. Unlike <see cref="CriEnvelope"/> no stream
/// or tag follows, so the same shape also starts records that loggers write themselves
/// (<c>2025-12-10T03:58:22.123Z ERROR …</c>): the caller strips it only from a line that is not a record as it stands.
/// The zone (<c>Z</c> or <c>±hh:mm</c>) is required: collectors always print it, and without it a line that starts with
/// a date is more often the program's own text.
/// </summary>
internal static class TimestampPrefix
{
    /// <summary><c>YYYY-MM-DDTHH:MM:SS</c>: the part every form shares.</summary>
    private const int SecondsEnd = 19;

    /// <summary>The shortest envelope, <c>YYYY-MM-DDTHH:MM:SSZ </c>, and a character of content after it.</summary>
    private const int MinLineLength = SecondsEnd + 3;

    /// <summary>Nanoseconds are the most any collector prints (nine digits); a longer run of digits is not a fraction.</summary>
    private const int MaxFractionDigits = 9;

    /// <summary>Every line that starts with a digit and is no record asks: almost none has a <c>T</c> at offset 10.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool StartsLike(ReadOnlySpan<byte> line) =>
        line.Length >= MinLineLength && line[10] == (byte)'T' && line[4] == (byte)'-' && line[7] == (byte)'-';

    /// <summary>Where the content starts after the timestamp and its one space; false when the line does not start with
    /// a whole RFC 3339 timestamp and a space. Date, time, fraction and <c>Z</c> are <see cref="TimestampReader.ReadIso"/>'s;
    /// this adds the numeric zone and the bounds a collector keeps (a point, not a logger's comma; nine digits at most).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool TryStrip(ReadOnlySpan<byte> line, out int contentStart)
    {
        contentStart = 0;
        if (!StartsLike(line) || line[SecondsEnd] == (byte)',') return false;
        var i = TimestampReader.ReadIso(line, 0, out var timestamp);
        if (i < 0) return false;
        var fractionEnd = timestamp.IsUtc ? i - 1 : i;
        if (fractionEnd - SecondsEnd - 1 > MaxFractionDigits) return false;
        if (!timestamp.IsUtc)
        {
            if (i + 6 > line.Length || line[i] is not ((byte)'+' or (byte)'-') || line[i + 3] != (byte)':'
                || !char.IsAsciiDigit((char)line[i + 1]) || !char.IsAsciiDigit((char)line[i + 2])
                || !char.IsAsciiDigit((char)line[i + 4]) || !char.IsAsciiDigit((char)line[i + 5]))
                return false;
            i += 6;
        }

        if (i >= line.Length || line[i] != (byte)' ') return false;
        contentStart = i + 1;
        return true;
    }
}
