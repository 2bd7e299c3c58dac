using System.Runtime.CompilerServices;

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
    public static int Fraction(ReadOnlySpan<byte> s, int i, out int ticks)
    {
        ticks = 0;
        if (i >= s.Length || (s[i] != (byte)',' && s[i] != (byte)'.') || !IsDigit(s, i + 1)) return i;
        i++;
        var scale = 1_000_000; // ticks per 0.1 s
        while (i < s.Length && (uint)(s[i] - '0') <= 9)
        {
            ticks += (s[i] - '0') * scale;
            scale /= 10;
            i++;
        }

        return i;
    }

    /// <summary>Maps a level word (DEBUG, INFO, WARNING/WARN, ERROR, CRITICAL/FATAL; any case) to its level.</summary>
    public static LogLevel Level(ReadOnlySpan<byte> word)
    {
        switch (word.Length)
        {
            case 4:
                if (EqualsUpper(word, "INFO"u8)) return LogLevel.Info;
                if (EqualsUpper(word, "WARN"u8)) return LogLevel.Warning;
                break;
            case 5:
                if (EqualsUpper(word, "DEBUG"u8)) return LogLevel.Debug;
                if (EqualsUpper(word, "ERROR"u8)) return LogLevel.Error;
                if (EqualsUpper(word, "FATAL"u8)) return LogLevel.Critical;
                if (EqualsUpper(word, "TRACE"u8)) return LogLevel.Debug;
                break;
            case 7:
                if (EqualsUpper(word, "WARNING"u8)) return LogLevel.Warning;
                break;
            case 8:
                if (EqualsUpper(word, "CRITICAL"u8)) return LogLevel.Critical;
                break;
        }

        return LogLevel.None;
    }

    /// <summary>glog's one-letter severity: I, W, E, F.</summary>
    public static LogLevel GlogLevel(byte letter) => letter switch
    {
        (byte)'I' => LogLevel.Info,
        (byte)'W' => LogLevel.Warning,
        (byte)'E' => LogLevel.Error,
        (byte)'F' => LogLevel.Critical,
        _ => LogLevel.None,
    };

    private static bool EqualsUpper(ReadOnlySpan<byte> word, ReadOnlySpan<byte> upper)
    {
        for (var i = 0; i < upper.Length; i++)
        {
            if ((word[i] & ~0x20) != upper[i]) return false;
        }

        return true;
    }
}
