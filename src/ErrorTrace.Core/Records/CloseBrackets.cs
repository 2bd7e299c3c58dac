using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ErrorTrace.Core.Records;

/// <summary>
/// The <c>]</c>s of the 64 bytes after a header's timestamp, as a bitmap: a seed or DeepSpeed header's three or four
/// brackets (<c>[lib.training.standalone_trainer] [INFO] [TRAIN]</c> is 48 bytes) then cost one pair of vector compares
/// instead of a search each. A bracket that ends past the map, or a CPU without 256-bit vectors, falls back to
/// <see cref="AsciiScanner.IndexOfWithin"/>: the answers are the same.
/// </summary>
internal readonly ref struct CloseBrackets
{
    private const int MapBytes = 64;

    /// <summary>How long a bracketed header field (logger, level, phase, DeepSpeed's location) may be.</summary>
    public const int MaxBracket = 200;

    private readonly int _start;
    private readonly ulong _map;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CloseBrackets(ReadOnlySpan<byte> s, int start)
    {
        if (Vector256.IsHardwareAccelerated && (uint)start <= (uint)s.Length && s.Length - start >= MapBytes)
        {
            ref var at = ref Unsafe.Add(ref MemoryMarshal.GetReference(s), start);
            var close = Vector256.Create((byte)']');
            var low = Vector256.Equals(Vector256.LoadUnsafe(ref at), close).ExtractMostSignificantBits();
            var high = Vector256.Equals(Vector256.LoadUnsafe(ref at, (nuint)Vector256<byte>.Count), close).ExtractMostSignificantBits();
            _map = low | ((ulong)high << Vector256<byte>.Count);
            _start = start;
        }
        else
        {
            // No map: every offset falls outside it.
            _start = int.MinValue / 2;
        }
    }

    /// <summary>Reads <c> [text]</c> at <paramref name="i"/> (one optional space first): where the text starts and the
    /// index of its <c>]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Next(ReadOnlySpan<byte> s, int i, out int start, out int close)
    {
        start = 0;
        close = 0;
        if (i < s.Length && s[i] == (byte)' ') i++;
        if ((uint)i >= (uint)s.Length || s[i] != (byte)'[') return false;
        start = i + 1;
        var offset = start - _start;
        if ((uint)offset < MapBytes)
        {
            var rest = _map >> offset;
            if (rest != 0)
            {
                close = start + BitOperations.TrailingZeroCount(rest);
                return true;
            }
        }

        close = AsciiScanner.IndexOfWithin(s, start, MaxBracket, (byte)']');
        return close >= 0;
    }
}
