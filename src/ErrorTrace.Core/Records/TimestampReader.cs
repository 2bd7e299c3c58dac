using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ErrorTrace.Core.Records;

/// <summary>Reads the timestamp shapes training logs print: <c>2025-12-10 03:58:22</c>, with <c>,123</c> or
/// <c>.123456</c> fractions, a <c>T</c> separator and a <c>Z</c> suffix; and glog's <c>0325 20:57:27.620000</c>.</summary>
internal static class TimestampReader
{
    /// <summary>Reads <c>YYYY-MM-DD[ T]HH:MM:SS[frac][Z]</c> at <paramref name="i"/>; returns the index after it, or -1.
    /// Every record of the common formats starts with one, so the first 16 bytes are checked and converted as one
    /// vector where the CPU can (SSSE3): same answers as the scalar reader below, which the tests hold it to.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadIso(ReadOnlySpan<byte> s, int i, out RawTimestamp timestamp)
    {
        timestamp = default;
        if ((uint)i > (uint)s.Length || s.Length - i < 19) return -1;
        // One slice of the 19 fixed bytes: constant indexes into it need no bounds checks (every record pays this).
        var t = s.Slice(i, 19);
        int year, month, day, hour, minute;
        if (Ssse3.IsSupported)
        {
            // The vectors are written out as constants (not static fields): the JIT embeds them in the code.
            // Separators as printed in "YYYY-MM-DD HH:MM", and which lanes hold a digit instead.
            var separators = Vector128.Create((byte)'0', (byte)'0', (byte)'0', (byte)'0', (byte)'-', (byte)'0', (byte)'0', (byte)'-',
                (byte)'0', (byte)'0', (byte)' ', (byte)'0', (byte)'0', (byte)':', (byte)'0', (byte)'0');
            var digitLanes = Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0, 0xFF, 0xFF, 0, 0xFF, 0xFF, 0, 0xFF, 0xFF, 0, 0xFF, 0xFF);
            // The twelve digits gathered into six adjacent pairs (lanes out of range read 0), and the tens/units weights
            // with which a multiply-add of adjacent bytes turns each pair into its value.
            var digitPairs = Vector128.Create((byte)0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 0xFF, 0xFF, 0xFF, 0xFF);
            var tensUnits = Vector128.Create((sbyte)10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1);

            var bytes = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(t));
            var digits = bytes - Vector128.Create((byte)'0');
            var isDigit = Vector128.LessThanOrEqual(digits, Vector128.Create((byte)9));
            var isSeparator = Vector128.Equals(bytes, separators);
            var valid = Vector128.ConditionalSelect(digitLanes, isDigit, isSeparator).ExtractMostSignificantBits();
            if (t[10] == (byte)'T') valid |= 1u << 10;
            if (valid != 0xFFFF) return -1;
            var pairs = Ssse3.MultiplyAddAdjacent(Ssse3.Shuffle(digits, digitPairs), tensUnits);
            year = (pairs.GetElement(0) * 100) + pairs.GetElement(1);
            month = pairs.GetElement(2);
            day = pairs.GetElement(3);
            hour = pairs.GetElement(4);
            minute = pairs.GetElement(5);
        }
        else
        {
            if (t[4] != (byte)'-' || t[7] != (byte)'-' || (t[10] != (byte)' ' && t[10] != (byte)'T') || t[13] != (byte)':')
                return -1;
            year = (Digit(t[0]) * 1000) + (Digit(t[1]) * 100) + (Digit(t[2]) * 10) + Digit(t[3]);
            month = Pair(t[5], t[6]);
            day = Pair(t[8], t[9]);
            hour = Pair(t[11], t[12]);
            minute = Pair(t[14], t[15]);
        }

        if (t[16] != (byte)':') return -1;
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
