using System.Runtime.CompilerServices;

namespace ErrorTrace.Core.Envelopes;

/// <summary>
/// Ray deduplicates worker output across the cluster (<c>RAY_DEDUP_LOGS</c>, on by default since Ray 2.3) and marks
/// a line it printed once for many workers with <c> [repeated 7x across cluster]</c> at its end
/// (<c>ray/_private/ray_logging.py</c>, <c>LogDeduplicator</c>). The suffix is the envelope's, not the text's: a frame
/// line or an exception message keeps its own words.
/// </summary>
internal static class RayRepeatSuffix
{
    private const int MaxCountDigits = 9;

    /// <summary>Nearly every line fails the inlined test (tqdm bars end in "it/s]", so two bytes are compared).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Strip(ReadOnlySpan<byte> line) =>
        line.Length > 1 && line[^1] == (byte)']' && line[^2] == (byte)'r' ? StripSuffix(line) : line;

    private static ReadOnlySpan<byte> StripSuffix(ReadOnlySpan<byte> line)
    {
        if (!line.EndsWith("x across cluster]"u8)) return line;
        var body = line[..^"x across cluster]"u8.Length];
        var digits = 0;
        while (digits < body.Length && digits <= MaxCountDigits && char.IsAsciiDigit((char)body[^(digits + 1)])) digits++;
        if (digits == 0 || digits > MaxCountDigits) return line;
        body = body[..^digits];
        return body.EndsWith(" [repeated "u8) ? body[..^" [repeated "u8.Length] : line;
    }
}
