using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ErrorTrace.Core.Records;

/// <summary>Small allocation-free readers over ASCII bytes used by the header formats.</summary>
internal static class AsciiScanner
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(this ReadOnlySpan<byte> s, int i) => (uint)i < (uint)s.Length && (uint)(s[i] - '0') <= 9;

    /// <summary>Reads exactly <paramref name="count"/> digits at <paramref name="i"/>, or returns -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Digits(ReadOnlySpan<byte> s, int i, int count)
    {
        if (i < 0 || i + count > s.Length) return -1;
        var value = 0;
        for (var k = 0; k < count; k++)
        {
            var d = s[i + k] - '0';
            if ((uint)d > 9) return -1;
            value = (value * 10) + d;
        }

        return value;
    }

    /// <summary>Reads a fraction of a second (<c>,123</c> / <c>.123456789</c>) at <paramref name="i"/> as ticks; returns the index after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Fraction(ReadOnlySpan<byte> s, int i, out int ticks)
    {
        ticks = 0;
        if (i >= s.Length || (s[i] != (byte)',' && s[i] != (byte)'.') || !IsDigit(s, i + 1)) return i;
        i++;
        // Digits past the seventh (100 ns) are read and dropped; no division per digit.
        var digits = 0;
        var value = 0;
        while (i < s.Length && (uint)(s[i] - '0') <= 9)
        {
            if (digits < TickDigits)
            {
                value = (value * 10) + (s[i] - '0');
                digits++;
            }

            i++;
        }

        ticks = value * TickScale[digits];
        return i;
    }

    /// <summary>A tick is 100 ns: seven decimal digits of a second.</summary>
    private const int TickDigits = 7;

    /// <summary>Ticks per unit of a fraction with that many digits (index: digits read, 1 to 7).</summary>
    private static ReadOnlySpan<int> TickScale => [0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    /// <summary>Maps a level word (DEBUG, INFO, WARNING/WARN, ERROR, CRITICAL/FATAL; any case) to its level.
    /// Every record pays this: the word is read as one integer, folded to upper case (<c>&amp; ~0x20</c> per byte, the
    /// same fold as comparing byte by byte) and compared with each spelling as a constant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LogLevel Level(ReadOnlySpan<byte> word)
    {
        const uint Fold4 = 0xDFDFDFDF;
        switch (word.Length)
        {
            case 4:
                {
                    var w = BinaryPrimitives.ReadUInt32LittleEndian(word) & Fold4;
                    if (w == Le4("INFO"u8)) return LogLevel.Info;
                    if (w == Le4("WARN"u8)) return LogLevel.Warning;
                    break;
                }

            case 5:
                {
                    var w = ((ulong)(BinaryPrimitives.ReadUInt32LittleEndian(word) & Fold4) << 8) | (uint)(word[4] & 0xDF);
                    if (w == Le5("DEBUG"u8)) return LogLevel.Debug;
                    if (w == Le5("ERROR"u8)) return LogLevel.Error;
                    if (w == Le5("FATAL"u8)) return LogLevel.Critical;
                    if (w == Le5("TRACE"u8)) return LogLevel.Debug;
                    break;
                }

            case 7:
                // Two overlapping reads: "WARN" and "NING".
                if ((BinaryPrimitives.ReadUInt32LittleEndian(word) & Fold4) == Le4("WARN"u8)
                    && (BinaryPrimitives.ReadUInt32LittleEndian(word[3..]) & Fold4) == Le4("NING"u8))
                    return LogLevel.Warning;
                break;
            case 8:
                if ((BinaryPrimitives.ReadUInt64LittleEndian(word) & 0xDFDFDFDF_DFDFDFDF) == BinaryPrimitives.ReadUInt64LittleEndian("CRITICAL"u8))
                    return LogLevel.Critical;
                break;
        }

        return LogLevel.None;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Le4(ReadOnlySpan<byte> upper) => BinaryPrimitives.ReadUInt32LittleEndian(upper);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Le5(ReadOnlySpan<byte> upper) => ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(upper) << 8) | upper[4];

    /// <summary>glog's one-letter severity: I, W, E, F.</summary>
    public static LogLevel GlogLevel(byte letter) => letter switch
    {
        (byte)'I' => LogLevel.Info,
        (byte)'W' => LogLevel.Warning,
        (byte)'E' => LogLevel.Error,
        (byte)'F' => LogLevel.Fatal,
        _ => LogLevel.None,
    };

    /// <summary>
    /// The index of the first <paramref name="value"/> in <c>s[from..]</c> within <paramref name="limit"/> bytes, or -1:
    /// <c>s[from..Math.Min(s.Length, from + limit)].IndexOf(value)</c>, plus <paramref name="from"/>. A header's
    /// closing bracket is nearly always within 32 bytes of its opening one, so one compare of 32 bytes, inlined, finds
    /// it; <see cref="MemoryExtensions.IndexOf{T}(ReadOnlySpan{T}, T)"/>, a call, is left for the rest.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOfWithin(ReadOnlySpan<byte> s, int from, int limit, byte value)
    {
        if (Vector256.IsHardwareAccelerated && (uint)from <= (uint)s.Length && s.Length - from >= Vector256<byte>.Count)
        {
            var block = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(s), (nuint)from);
            var hits = Vector256.Equals(block, Vector256.Create(value)).ExtractMostSignificantBits();
            if (hits != 0)
            {
                var at = BitOperations.TrailingZeroCount(hits);
                return at < limit ? from + at : -1;
            }

            if (limit <= Vector256<byte>.Count) return -1;
            var rest = s[(from + Vector256<byte>.Count)..Math.Min(s.Length, from + limit)].IndexOf(value);
            return rest < 0 ? -1 : from + Vector256<byte>.Count + rest;
        }

        var found = s[from..Math.Min(s.Length, from + limit)].IndexOf(value);
        return found < 0 ? -1 : from + found;
    }
}
