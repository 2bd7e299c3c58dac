using System.Runtime.CompilerServices;

namespace ErrorTrace.Core.Envelopes;

/// <summary>
/// The Kubernetes CRI log line: <c>2025-12-10T03:58:22.123456789Z stdout F message</c> (timestamp RFC 3339 with nanoseconds,
/// stream, tag <c>F</c> full or <c>P</c> partial — the runtime splits lines over 16 KiB into P pieces ended by an F one).
/// See kubernetes/cri-api, "CRI container log format".
/// </summary>
internal static class CriEnvelope
{
    /// <summary>RFC 3339 timestamps are 20 to 35 characters; anything longer is not this envelope.</summary>
    private const int MaxTimestampLength = 40;

    /// <summary>Every line asks, and almost none is one: the first test is inlined into the caller.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<byte> line, out int contentStart, out bool partial)
    {
        if (line.Length < 28 || line[4] != (byte)'-')
        {
            contentStart = 0;
            partial = false;
            return false;
        }

        return TryParseEnvelope(line, out contentStart, out partial);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryParseEnvelope(ReadOnlySpan<byte> line, out int contentStart, out bool partial)
    {
        contentStart = 0;
        partial = false;
        if (line[7] != (byte)'-' || line[10] != (byte)'T' || !char.IsAsciiDigit((char)line[0])) return false;

        var space = line[..Math.Min(line.Length, MaxTimestampLength)].IndexOf((byte)' ');
        if (space < 19) return false;

        var rest = line[(space + 1)..];
        if (!rest.StartsWith("stdout "u8) && !rest.StartsWith("stderr "u8)) return false;
        rest = rest[7..];
        if (rest.IsEmpty || (rest[0] != (byte)'F' && rest[0] != (byte)'P')) return false;
        if (rest.Length > 1 && rest[1] != (byte)' ') return false;

        partial = rest[0] == (byte)'P';
        contentStart = space + 1 + 7 + Math.Min(rest.Length, 2);
        return true;
    }
}
