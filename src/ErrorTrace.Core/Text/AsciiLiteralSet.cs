using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace ErrorTrace.Core.Text;

/// <summary>
/// Answers "does any of these ASCII literals occur in this UTF-8 line?" straight on the bytes, with Teddy, the SIMD
/// literal matcher of Hyperscan (also in Rust's <c>aho-corasick</c>, and behind .NET's <c>SearchValues&lt;string&gt;</c>
/// for chars). Each literal goes to one of 8 buckets by 4 of its bytes, its fingerprint: its rarest window
/// (<see cref="RareWindow"/>), so a phrase is searched whole however common its first bytes are (<see cref="BucketPlanner"/>).
/// Each byte of a 4-byte window is looked up by its low and by its high nibble in two 16-byte tables per fingerprint
/// offset (one <c>pshufb</c> each); the AND of the eight lookups keeps a bucket's bit only where the window may be one
/// of its fingerprints, and only there are its literals compared in full. A pass over 32 bytes costs about 30 instructions,
/// whatever the number of literals.
/// <para>Why not <c>SearchValues&lt;string&gt;</c>: it searches chars, so every line had to be widened first, and its
/// 3-character fingerprints let ordinary text through. On the benchmark's log (<c>scripts/bench/generate_log.py</c>)
/// 3-byte fingerprints leave a window to verify in 1 line of 4, 4-byte ones in 1 of 30; <c>NCCL INFO</c> lines are the
/// worst with about 2 windows each, tqdm bars and metric dicts have none.</para>
/// </summary>
internal sealed class AsciiLiteralSet
{
    private const int Buckets = 8;

    /// <summary>A fingerprint is 4 bytes: with 3, ordinary windows matched a bucket 7 times as often, and a fourth lookup
    /// pair costs less than the verifications it saves.</summary>
    private const int FingerprintLength = 4;

    private const int TableLength = 16;

    /// <summary>Per fingerprint offset, the low-nibble table then the high-nibble table: a bucket's bit is set in entry
    /// n when one of its fingerprints has nibble n at that offset.</summary>
    private readonly byte[] _tables = new byte[FingerprintLength * 2 * TableLength];

    /// <summary>Per bucket, its literals' fingerprints as little-endian integers (compared first), the literals, where
    /// each one's fingerprint starts in it, and their tags.</summary>
    private readonly uint[][] _heads = new uint[Buckets][];

    private readonly byte[][][] _literals = new byte[Buckets][][];

    private readonly int[][] _offsets = new int[Buckets][];

    private readonly ulong[][] _tags = new ulong[Buckets][];

    /// <summary>Every tag: once the text has shown them all, the search stops.</summary>
    private readonly ulong _allTags;

    private readonly int _minLength;

    /// <summary>The tables as vectors, both 128-bit lanes alike (<c>vpshufb</c> looks up within a lane): built once, so
    /// a line's search starts with eight loads instead of eight broadcasts.</summary>
    private readonly Vector256<byte> _lo0, _hi0, _lo1, _hi1, _lo2, _hi2, _lo3, _hi3;

    /// <summary>A set that only answers <see cref="ContainsAny"/>: every literal has the same tag.</summary>
    public AsciiLiteralSet(IEnumerable<string> literals)
        : this(literals.Select(l => (l, 1UL)))
    {
    }

    /// <param name="tagged">Each literal with its tag (non-zero; a literal given twice has both tags).</param>
    public AsciiLiteralSet(IEnumerable<(string Literal, ulong Tag)> tagged)
    {
        var all = tagged.GroupBy(t => t.Literal, StringComparer.Ordinal)
            .Select(g => (Literal: g.Key, Tag: g.Aggregate(0UL, (mask, t) => mask | t.Tag)))
            .ToArray();
        if (all.Length == 0 || all.Any(l => l.Literal.Length < FingerprintLength || !Ascii.IsValid(l.Literal) || l.Literal.Contains('\0') || l.Tag == 0))
            throw new ArgumentException($"Literals must be ASCII without NUL, at least {FingerprintLength} characters long, with a non-zero tag.", nameof(tagged));
        _minLength = all.Min(l => l.Literal.Length);
        _allTags = all.Aggregate(0UL, (mask, l) => mask | l.Tag);
        var planned = all.Select(l => (l.Literal, l.Tag, Offset: RareWindow.Offset(l.Literal, FingerprintLength)))
            .Select(e => (e, e.Literal.Substring(e.Offset, FingerprintLength)))
            .ToArray();
        var groups = BucketPlanner.Plan(planned, Buckets, FingerprintLength);
        for (var b = 0; b < Buckets; b++)
        {
            var group = b < groups.Count ? groups[b] : [];
            _literals[b] = [.. group.Select(e => Encoding.ASCII.GetBytes(e.Literal))];
            _offsets[b] = [.. group.Select(e => e.Offset)];
            _tags[b] = [.. group.Select(e => e.Tag)];
            _heads[b] = [.. group.Select((e, j) => BinaryPrimitives.ReadUInt32LittleEndian(_literals[b][j].AsSpan(e.Offset)))];
            foreach (var (literal, _, offset) in group)
            {
                for (var k = 0; k < FingerprintLength; k++)
                {
                    var c = literal[offset + k];
                    _tables[(k * 2 * TableLength) + (c & 0xF)] |= (byte)(1 << b);
                    _tables[(k * 2 * TableLength) + TableLength + (c >> 4)] |= (byte)(1 << b);
                }
            }
        }

        (_lo0, _hi0, _lo1, _hi1) = (Table256(0), Table256(1), Table256(2), Table256(3));
        (_lo2, _hi2, _lo3, _hi3) = (Table256(4), Table256(5), Table256(6), Table256(7));
    }

    /// <summary>True when one of the literals occurs in <paramref name="text"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ContainsAny(ReadOnlySpan<byte> text) => Tags(text) != 0;

    /// <summary>The tags of the literals that occur in <paramref name="text"/> (overlapping occurrences included), or
    /// 0; the search stops once every tag is found.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ulong Tags(ReadOnlySpan<byte> text)
    {
        if (text.Length < _minLength) return 0;
        if (Avx2.IsSupported && text.Length >= Vector256<byte>.Count + FingerprintLength - 1) return TagsAvx2(text);
        if (!Ssse3.IsSupported) return TagsScalar(text);
        if (text.Length >= Ssse3Min) return TagsSsse3(text);
        // A short line (an indented 'warnings.warn(' under every warning): the 16-byte loop on a zero-padded copy. The
        // byte-at-a-time loop cost ~1,300 instructions for 16 bytes; no fingerprint holds a NUL, so the padding is never
        // a candidate, and no literal holds one, so none is found across it.
        Span<byte> padded = stackalloc byte[Ssse3Min];
        padded.Clear();
        text.CopyTo(padded);
        return TagsSsse3(padded);
    }

    /// <summary>The shortest text the 16-byte loop reads: one block of windows (16 is <c>Vector128&lt;byte&gt;.Count</c>).</summary>
    private const int Ssse3Min = 16 + FingerprintLength - 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong TagsAvx2(ReadOnlySpan<byte> text)
    {
        // Windows start at 0 … last; the final block is moved back to end exactly at the last window (windows read twice
        // only find again what was found).
        var last = (nuint)(text.Length - FingerprintLength + 1 - Vector256<byte>.Count);
        var found = 0UL;
        for (nuint i = 0; ; i += (nuint)Vector256<byte>.Count)
        {
            var m = NextCandidatesAvx2(text, ref i, last);
            if (m == Vector256<byte>.Zero) return found;
            found |= Verify(text, (int)i, ~Vector256.Equals(m, Vector256<byte>.Zero).ExtractMostSignificantBits(), m.GetLower(), m.GetUpper());
            if (found == _allTags || i == last) return found;
        }
    }

    /// <summary>From block <paramref name="i"/> on, the first block with candidate windows (its bucket bits; zero when
    /// none is left). A loop with no call in it: a call clobbers every vector register, and with one in the loop the
    /// eight tables were stored to the stack and reloaded at every block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Vector256<byte> NextCandidatesAvx2(ReadOnlySpan<byte> text, ref nuint i, nuint last)
    {
        ref var start = ref MemoryMarshal.GetReference(text);
        var (lo0, hi0, lo1, hi1, lo2, hi2, lo3, hi3) = (_lo0, _hi0, _lo1, _hi1, _lo2, _hi2, _lo3, _hi3);
        var nibble = Vector256.Create((byte)0xF);
        for (var at = i; ; at += (nuint)Vector256<byte>.Count)
        {
            if (at > last) at = last;
            var m = Lookup(Vector256.LoadUnsafe(ref start, at), lo0, hi0, nibble)
                & Lookup(Vector256.LoadUnsafe(ref start, at + 1), lo1, hi1, nibble)
                & Lookup(Vector256.LoadUnsafe(ref start, at + 2), lo2, hi2, nibble)
                & Lookup(Vector256.LoadUnsafe(ref start, at + 3), lo3, hi3, nibble);
            if (m != Vector256<byte>.Zero || at == last)
            {
                i = at;
                return m;
            }
        }
    }

    private Vector256<byte> Table256(int index) => Vector256.Create(Vector128.Create(_tables.AsSpan(index * TableLength, TableLength)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Lookup(Vector256<byte> v, Vector256<byte> lo, Vector256<byte> hi, Vector256<byte> nibble) =>
        Avx2.Shuffle(lo, v & nibble) & Avx2.Shuffle(hi, Vector256.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & nibble);

    /// <summary>The 32-byte loop at 16 bytes, for SSSE3 without AVX2 and for lines of up to 34 bytes. Written out
    /// twice because the interface that would let one generic loop serve both widths (<c>ISimdVector</c>) is not
    /// public in .NET 10.</summary>
    private ulong TagsSsse3(ReadOnlySpan<byte> text)
    {
        ref var start = ref MemoryMarshal.GetReference(text);
        var (lo0, hi0, lo1, hi1) = (_lo0.GetLower(), _hi0.GetLower(), _lo1.GetLower(), _hi1.GetLower());
        var (lo2, hi2, lo3, hi3) = (_lo2.GetLower(), _hi2.GetLower(), _lo3.GetLower(), _hi3.GetLower());
        var nibble = Vector128.Create((byte)0xF);
        var last = (nuint)(text.Length - FingerprintLength + 1 - Vector128<byte>.Count);
        var found = 0UL;
        for (nuint i = 0; ; i += (nuint)Vector128<byte>.Count)
        {
            if (i > last) i = last;
            var m = Lookup(Vector128.LoadUnsafe(ref start, i), lo0, hi0, nibble)
                & Lookup(Vector128.LoadUnsafe(ref start, i + 1), lo1, hi1, nibble)
                & Lookup(Vector128.LoadUnsafe(ref start, i + 2), lo2, hi2, nibble)
                & Lookup(Vector128.LoadUnsafe(ref start, i + 3), lo3, hi3, nibble);
            if (m != Vector128<byte>.Zero) found |= Verify(text, (int)i, ~Vector128.Equals(m, Vector128<byte>.Zero).ExtractMostSignificantBits() & 0xFFFF, m, default);
            if (found == _allTags || i == last) return found;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Lookup(Vector128<byte> v, Vector128<byte> lo, Vector128<byte> hi, Vector128<byte> nibble) =>
        Ssse3.Shuffle(lo, v & nibble) & Ssse3.Shuffle(hi, Vector128.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & nibble);

    /// <summary>The tags of the literals found at the block's windows whose lane in <paramref name="lanes"/> is set,
    /// with their bucket bits in the mask vectors (the 16-byte path passes its one vector as <paramref name="low"/>).</summary>
    private ulong Verify(ReadOnlySpan<byte> text, int blockStart, uint lanes, Vector128<byte> low, Vector128<byte> high)
    {
        var found = 0UL;
        for (; lanes != 0 && found != _allTags; lanes &= lanes - 1)
        {
            var lane = BitOperations.TrailingZeroCount(lanes);
            var buckets = lane < Vector128<byte>.Count ? low.GetElement(lane) : high.GetElement(lane - Vector128<byte>.Count);
            found |= VerifyWindow(text, blockStart + lane, buckets);
        }

        return found;
    }

    /// <summary>Machines without SSSE3: the same tables, a byte at a time.</summary>
    private ulong TagsScalar(ReadOnlySpan<byte> text)
    {
        var found = 0UL;
        for (var i = 0; i + FingerprintLength <= text.Length && found != _allTags; i++)
        {
            var buckets = 0xFF;
            for (var k = 0; k < FingerprintLength && buckets != 0; k++)
            {
                var c = text[i + k];
                buckets &= _tables[(k * 2 * TableLength) + (c & 0xF)] & _tables[(k * 2 * TableLength) + TableLength + (c >> 4)];
            }

            if (buckets != 0) found |= VerifyWindow(text, i, (byte)buckets);
        }

        return found;
    }

    /// <summary>What the search would verify in <paramref name="text"/> if it never stopped early: the windows some
    /// bucket's tables let through, the (window, bucket) pairs, and the fingerprint compares they cost. The measure of a
    /// bucket plan (<see cref="BucketPlanner"/>) that needs no timer: the scalar loop over the same tables.</summary>
    /// <param name="perBucket">Where each bucket's windows are added up (8 entries).</param>
    internal (long Windows, long Buckets, long Heads) Candidates(ReadOnlySpan<byte> text, Span<long> perBucket)
    {
        var (windows, buckets, heads) = (0L, 0L, 0L);
        for (var i = 0; i + FingerprintLength <= text.Length; i++)
        {
            var passed = 0xFF;
            for (var k = 0; k < FingerprintLength; k++)
            {
                var c = text[i + k];
                passed &= _tables[(k * 2 * TableLength) + (c & 0xF)] & _tables[(k * 2 * TableLength) + TableLength + (c >> 4)];
            }

            if (passed == 0) continue;
            windows++;
            for (var b = (uint)passed; b != 0; b &= b - 1)
            {
                var bucket = BitOperations.TrailingZeroCount(b);
                (buckets, heads) = (buckets + 1, heads + _heads[bucket].Length);
                perBucket[bucket]++;
            }
        }

        return (windows, buckets, heads);
    }

    /// <summary>Each bucket's distinct fingerprints, to print a plan.</summary>
    internal string[][] BucketFingerprints() =>
        [.. _heads.Select(h => h.Distinct().Select(f => Encoding.ASCII.GetString(BitConverter.GetBytes(f))).Order(StringComparer.Ordinal).ToArray())];

    /// <summary>The window at <paramref name="at"/> (at least 4 bytes before the end) matched the fingerprints of the
    /// buckets in <paramref name="buckets"/>: compare its 4 bytes as one integer with each literal's fingerprint, then
    /// the literal from where it would start.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ulong VerifyWindow(ReadOnlySpan<byte> text, int at, byte buckets)
    {
        var head = BinaryPrimitives.ReadUInt32LittleEndian(text[at..]);
        var found = 0UL;
        for (uint b = buckets; b != 0; b &= b - 1)
        {
            var bucket = BitOperations.TrailingZeroCount(b);
            var heads = _heads[bucket];
            for (var j = 0; j < heads.Length; j++)
            {
                if (heads[j] != head) continue;
                var start = at - _offsets[bucket][j];
                if (start >= 0 && text[start..].StartsWith(_literals[bucket][j])) found |= _tags[bucket][j];
            }
        }

        return found;
    }
}
