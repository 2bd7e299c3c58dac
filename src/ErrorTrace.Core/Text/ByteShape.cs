using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ErrorTrace.Core.Text;

/// <summary>
/// The fixed start of a line, such as a record's <c>[2025-12-10 03:58:22] [</c>: each position is one exact byte or
/// any ASCII digit (<c>#</c> in the pattern). Checked with one 32-byte vector compare where the CPU has them (the same
/// answer as the byte loop, which the tests hold it to), so telling a line's shape costs a few instructions.
/// </summary>
internal sealed class ByteShape
{
    /// <summary>One 256-bit vector.</summary>
    public const int MaxLength = 32;

    private const byte Digit = (byte)'#';

    private readonly byte[] _pattern;
    private readonly Vector256<byte> _exact;
    private readonly Vector256<byte> _exactLanes;
    private readonly Vector256<byte> _digitLanes;
    private readonly uint _lanes;

    /// <param name="pattern">ASCII; <c>#</c> stands for any digit, every other character for itself.</param>
    public ByteShape(string pattern)
    {
        if (pattern.Length is 0 or > MaxLength || !System.Text.Ascii.IsValid(pattern))
            throw new ArgumentException($"A shape is 1 to {MaxLength} ASCII characters.", nameof(pattern));
        _pattern = System.Text.Encoding.ASCII.GetBytes(pattern);
        Span<byte> exact = stackalloc byte[MaxLength];
        Span<byte> exactLanes = stackalloc byte[MaxLength];
        Span<byte> digitLanes = stackalloc byte[MaxLength];
        exact.Clear();
        exactLanes.Clear();
        digitLanes.Clear();
        for (var i = 0; i < _pattern.Length; i++)
        {
            if (_pattern[i] == Digit) digitLanes[i] = 0xFF;
            else (exact[i], exactLanes[i]) = (_pattern[i], 0xFF);
        }

        _exact = Vector256.Create<byte>(exact);
        _exactLanes = Vector256.Create<byte>(exactLanes);
        _digitLanes = Vector256.Create<byte>(digitLanes);
        _lanes = _pattern.Length == MaxLength ? uint.MaxValue : (1u << _pattern.Length) - 1;
    }

    public int Length => _pattern.Length;

    /// <summary>True when <paramref name="text"/> starts with the shape.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsStartOf(ReadOnlySpan<byte> text)
    {
        if (Vector256.IsHardwareAccelerated && text.Length >= MaxLength)
        {
            var bytes = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(text));
            var isDigit = Vector256.LessThanOrEqual(bytes - Vector256.Create((byte)'0'), Vector256.Create((byte)9));
            var fits = (Vector256.Equals(bytes, _exact) & _exactLanes) | (isDigit & _digitLanes);
            return (fits.ExtractMostSignificantBits() & _lanes) == _lanes;
        }

        return IsStartOfScalar(text);
    }

    /// <summary>The byte loop: short texts, CPUs without 256-bit vectors, and the tests' reference.</summary>
    internal bool IsStartOfScalar(ReadOnlySpan<byte> text)
    {
        if (text.Length < _pattern.Length) return false;
        for (var i = 0; i < _pattern.Length; i++)
        {
            var fits = _pattern[i] == Digit ? (uint)(text[i] - '0') <= 9 : text[i] == _pattern[i];
            if (!fits) return false;
        }

        return true;
    }
}
