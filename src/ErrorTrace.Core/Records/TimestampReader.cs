using System.Runtime.CompilerServices;

namespace ErrorTrace.Core.Records;

/// <summary>Reads the timestamp shapes training logs print: <c>2025-12-10 03:58:22</c>, with <c>,123</c> or
/// <c>.123456</c> fractions, a <c>T</c> separator and a <c>Z</c> suffix; and glog's <c>0325 20:57:27.620000</c>.</summary>
internal static class TimestampReader
{
    /// <summary>Reads <c>YYYY-MM-DD[ T]HH:MM:SS[frac][Z]</c> at <paramref name="i"/>; returns the index after it, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ReadIso(ReadOnlySpan<byte> s, int i, out RawTimestamp timestamp)
    {
        timestamp = default;
        if ((uint)i > (uint)s.Length || s.Length - i < 19) return -1;
        // One slice of the 19 fixed bytes: constant indexes into it need no bounds checks (every record pays this).
        var t = s.Slice(i, 19);
        if (t[4] != (byte)'-' || t[7] != (byte)'-' || (t[10] != (byte)' ' && t[10] != (byte)'T') || t[13] != (byte)':' || t[16] != (byte)':')
            return -1;
        var year = (Digit(t[0]) * 1000) + (Digit(t[1]) * 100) + (Digit(t[2]) * 10) + Digit(t[3]);
        var month = Pair(t[5], t[6]);
        var day = Pair(t[8], t[9]);
        var hour = Pair(t[11], t[12]);
        var minute = Pair(t[14], t[15]);
        var second = Pair(t[17], t[18]);
        // A non-digit makes its whole field negative (Digit maps it to -10000): one test catches any of them.
        if ((year | month | day | hour | minute | second) < 0) return -1;
        var end = AsciiScanner.Fraction(s, i + 19, out var ticks);
        var utc = false;
        if (end < s.Length && s[end] == (byte)'Z')
        {
            utc = true;
            end++;
        }

        timestamp = new RawTimestamp(year, month, day, hour, minute, second, ticks, utc);
        return end;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digit(byte b) => (uint)(b - '0') <= 9 ? b - '0' : -10_000;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Pair(byte tens, byte units) => (Digit(tens) * 10) + Digit(units);

    /// <summary>Reads glog's <c>MMDD HH:MM:SS[.ffffff]</c> at <paramref name="i"/>; returns the index after it, or -1.</summary>
    public static int ReadGlog(ReadOnlySpan<byte> s, int i, out RawTimestamp timestamp)
    {
        timestamp = default;
        if ((uint)i > (uint)s.Length || s.Length - i < 13) return -1;
        var t = s.Slice(i, 13);
        if (t[4] != (byte)' ' || t[7] != (byte)':' || t[10] != (byte)':') return -1;
        var month = Pair(t[0], t[1]);
        var day = Pair(t[2], t[3]);
        var hour = Pair(t[5], t[6]);
        var minute = Pair(t[8], t[9]);
        var second = Pair(t[11], t[12]);
        if ((month | day | hour | minute | second) < 0) return -1;
        var end = AsciiScanner.Fraction(s, i + 13, out var ticks);
        timestamp = new RawTimestamp(0, month, day, hour, minute, second, ticks, false);
        return end;
    }
}
