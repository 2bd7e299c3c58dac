namespace ErrorTrace.Core.Records;

/// <summary>Reads the timestamp shapes training logs print: <c>2025-12-10 03:58:22</c>, with <c>,123</c> or
/// <c>.123456</c> fractions, a <c>T</c> separator and a <c>Z</c> suffix; and glog's <c>0325 20:57:27.620000</c>.</summary>
internal static class TimestampReader
{
    /// <summary>Reads <c>YYYY-MM-DD[ T]HH:MM:SS[frac][Z]</c> at <paramref name="i"/>; returns the index after it, or -1.</summary>
    public static int ReadIso(ReadOnlySpan<byte> s, int i, out RawTimestamp timestamp)
    {
        timestamp = default;
        var year = AsciiScanner.Digits(s, i, 4);
        if (year < 0 || i + 19 > s.Length || s[i + 4] != (byte)'-' || s[i + 7] != (byte)'-' || (s[i + 10] != (byte)' ' && s[i + 10] != (byte)'T')
            || s[i + 13] != (byte)':' || s[i + 16] != (byte)':') return -1;
        var month = AsciiScanner.Digits(s, i + 5, 2);
        var day = AsciiScanner.Digits(s, i + 8, 2);
        var hour = AsciiScanner.Digits(s, i + 11, 2);
        var minute = AsciiScanner.Digits(s, i + 14, 2);
        var second = AsciiScanner.Digits(s, i + 17, 2);
        if ((month | day | hour | minute | second) < 0) return -1;
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

    /// <summary>Reads glog's <c>MMDD HH:MM:SS[.ffffff]</c> at <paramref name="i"/>; returns the index after it, or -1.</summary>
    public static int ReadGlog(ReadOnlySpan<byte> s, int i, out RawTimestamp timestamp)
    {
        timestamp = default;
        if (i + 13 > s.Length || s[i + 4] != (byte)' ' || s[i + 7] != (byte)':' || s[i + 10] != (byte)':') return -1;
        var month = AsciiScanner.Digits(s, i, 2);
        var day = AsciiScanner.Digits(s, i + 2, 2);
        var hour = AsciiScanner.Digits(s, i + 5, 2);
        var minute = AsciiScanner.Digits(s, i + 8, 2);
        var second = AsciiScanner.Digits(s, i + 11, 2);
        if ((month | day | hour | minute | second) < 0) return -1;
        var end = AsciiScanner.Fraction(s, i + 13, out var ticks);
        timestamp = new RawTimestamp(0, month, day, hour, minute, second, ticks, false);
        return end;
    }
}
