using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ErrorTrace.Core.Input;

/// <summary>
/// Finds the splitter's stop bytes (<c>\n</c>, <c>\r</c>, ESC) in one chunk, in the manner of simdjson's first stage:
/// 64 bytes are compared at once into a bitmap, and each stop in it is then a bit scan away. A line of a training log
/// is ~130 bytes, so most lines cost one or two block compares and no call, where an <c>IndexOfAny</c> per stop pays a
/// call and its setup each time. Positions are absolute in the chunk; searches must move forward.
/// </summary>
internal ref struct StopByteScanner
{
    private const int BlockBytes = 64;
    private const byte EscapeByte = 0x1B;

    private static readonly SearchValues<byte> s_stops = SearchValues.Create("\r\n\u001b"u8);

    private readonly ReadOnlySpan<byte> _data;
    private int _blockStart;
    private ulong _blockMask;

    public StopByteScanner(ReadOnlySpan<byte> data)
    {
        _data = data;
        _blockStart = -BlockBytes;
    }

    /// <summary>The index of the first stop byte at or after <paramref name="from"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(int from)
    {
        var offset = from - _blockStart;
        if ((uint)offset < BlockBytes)
        {
            var rest = _blockMask & (ulong.MaxValue << offset);
            if (rest != 0) return _blockStart + BitOperations.TrailingZeroCount(rest);
            from = _blockStart + BlockBytes;
        }

        return NextBlock(from);
    }

    /// <summary>Inlined into the splitter's loops: a call here (with its register saves) cost as much as the block
    /// compare itself, once per 64 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int NextBlock(int from)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            ref var data = ref MemoryMarshal.GetReference(_data);
            var last = _data.Length - BlockBytes;
            while (from <= last)
            {
                var mask = Mask(ref Unsafe.Add(ref data, from));
                if (mask != 0)
                {
                    _blockStart = from;
                    _blockMask = mask;
                    return from + BitOperations.TrailingZeroCount(mask);
                }

                from += BlockBytes;
            }
        }

        return NextInTail(from);
    }

    /// <summary>The chunk's last bytes (or no 256-bit vectors): the library's search.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly int NextInTail(int from)
    {
        if (from >= _data.Length) return -1;
        var found = _data[from..].IndexOfAny(s_stops);
        return found < 0 ? -1 : from + found;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mask(ref byte block)
    {
        var low = Vector256.LoadUnsafe(ref block);
        var high = Vector256.LoadUnsafe(ref block, (nuint)Vector256<byte>.Count);
        return Stops(low) | ((ulong)Stops(high) << Vector256<byte>.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Stops(Vector256<byte> v) =>
        (Vector256.Equals(v, Vector256.Create((byte)'\n')) | Vector256.Equals(v, Vector256.Create((byte)'\r'))
            | Vector256.Equals(v, Vector256.Create(EscapeByte))).ExtractMostSignificantBits();
}
