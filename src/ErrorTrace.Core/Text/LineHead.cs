using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ErrorTrace.Core.Text;

/// <summary>
/// The first bytes of a line read before, to tell whether another line starts with the same bytes, except in chosen
/// lanes where any digit fits (a timestamp's). Consecutive records of one logger at one level share their whole header
/// but for the clock (<c>[2025-12-10 03:58:22] [__main__] [INFO]</c>), so once one line's header has been checked field
/// by field, the next ones are told apart by two 32-byte vector compares (the same answer as the byte loop, which the
/// tests hold it to). Holds nothing until <see cref="Remember"/> is called.
/// </summary>
internal sealed class LineHead
{
    /// <summary>Two 256-bit vectors.</summary>
    public const int MaxLength = 64;

    private readonly byte[] _bytes = new byte[MaxLength];
    private Vector256<byte> _low;
    private Vector256<byte> _high;
    private ulong _lanes;
    private ulong _digitLanes;

    /// <summary>How many bytes are remembered (0: none, and no line starts with the head).</summary>
    public int Length { get; private set; }

    /// <summary>Remembers the first <paramref name="length"/> bytes of <paramref name="line"/>; in the lanes set in
    /// <paramref name="digitLanes"/> (bit i: byte i), which must hold digits there, any digit will fit.</summary>
    public void Remember(ReadOnlySpan<byte> line, int length, ulong digitLanes)
    {
        if ((uint)length > MaxLength || length > line.Length) throw new ArgumentOutOfRangeException(nameof(length));
        Array.Clear(_bytes);
        line[..length].CopyTo(_bytes);
        _low = Vector256.Create<byte>(_bytes.AsSpan(0, Vector256<byte>.Count));
        _high = Vector256.Create<byte>(_bytes.AsSpan(Vector256<byte>.Count));
        _lanes = length == MaxLength ? ulong.MaxValue : (1UL << length) - 1;
        _digitLanes = digitLanes & _lanes;
        Length = length;
    }

    /// <summary>Forgets the head: no line starts with it until the next <see cref="Remember"/>.</summary>
    public void Clear() => Length = 0;

    /// <summary>True when <paramref name="text"/> starts with the head (digits for digits in the digit lanes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsStartOf(ReadOnlySpan<byte> text)
    {
        if (Length == 0) return false;
        if (Vector256.IsHardwareAccelerated && text.Length >= MaxLength)
        {
            ref var at = ref MemoryMarshal.GetReference(text);
            var low = Vector256.LoadUnsafe(ref at);
            var high = Vector256.LoadUnsafe(ref at, (nuint)Vector256<byte>.Count);
            var same = Vector256.Equals(low, _low).ExtractMostSignificantBits()
                | ((ulong)Vector256.Equals(high, _high).ExtractMostSignificantBits() << Vector256<byte>.Count);
            var digits = IsDigit(low).ExtractMostSignificantBits()
                | ((ulong)IsDigit(high).ExtractMostSignificantBits() << Vector256<byte>.Count);
            var fits = (same & ~_digitLanes) | (digits & _digitLanes);
            return (fits & _lanes) == _lanes;
        }

        return IsStartOfScalar(text);
    }

    /// <summary>The byte loop: short texts, CPUs without 256-bit vectors, and the tests' reference.</summary>
    internal bool IsStartOfScalar(ReadOnlySpan<byte> text)
    {
        if (Length == 0 || text.Length < Length) return false;
        for (var i = 0; i < Length; i++)
        {
            var fits = ((_digitLanes >> i) & 1) != 0 ? (uint)(text[i] - '0') <= 9 : text[i] == _bytes[i];
            if (!fits) return false;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> IsDigit(Vector256<byte> v) =>
        Vector256.LessThanOrEqual(v - Vector256.Create((byte)'0'), Vector256.Create((byte)9));
}
