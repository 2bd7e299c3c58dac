using System.Buffers;
using System.Text;
using ErrorTrace.Core.Text;

namespace ErrorTrace.Core.Markers;

/// <summary>
/// Which of up to 64 rules have a needle somewhere in a line, found in one pass: the line's chars as bytes go through
/// the gate's literal search (<see cref="AsciiLiteralSet"/>), each needle tagged with its rules' bits, and every place a
/// needle's rarest 4 bytes occur is compared. Asking each rule in turn (a substring search per needle per rule) cost about
/// 40 substring searches for every line that reached the markers; a repeated warning or error record reaches them on every
/// training step. <c>SearchValues&lt;string&gt;</c>, used before, keyed on every needle's first 3 chars, and phrases
/// starting with common ones (<c>low on resource</c>, <c> killed  </c>, <c>segfault at </c>) made nearly every window of an
/// ordinary message a candidate (~3,500 instructions for a 70-character error record).
/// </summary>
internal sealed class NeedleIndex
{
    private const int MaxRules = 64;

    /// <summary>Lines up to this long are narrowed on the stack; a longer one (rare: a dumped config) in a rented array.</summary>
    private const int MaxStackChars = 512;

    /// <summary>What a char that is not ASCII becomes: no needle holds it (needles are ASCII), and one byte per char keeps
    /// every position.</summary>
    private const byte NotAscii = 0x80;

    private readonly AsciiLiteralSet _needles;

    /// <param name="needlesByRule">Rule i's needles (ASCII, at least 4 characters); rule i is bit i of <see cref="Candidates"/>.</param>
    public NeedleIndex(IReadOnlyList<string[]> needlesByRule)
    {
        if (needlesByRule.Count > MaxRules) throw new ArgumentException($"At most {MaxRules} rules.", nameof(needlesByRule));
        _needles = new AsciiLiteralSet(needlesByRule.SelectMany((needles, rule) => needles.Select(n => (n, 1UL << rule))));
    }

    /// <summary>Bit i set when one of rule i's needles occurs in <paramref name="line"/> (overlapping occurrences
    /// included).</summary>
    public ulong Candidates(ReadOnlySpan<char> line)
    {
        if (line.Length <= MaxStackChars) return _needles.Tags(Narrow(line, stackalloc byte[line.Length]));
        var rented = ArrayPool<byte>.Shared.Rent(line.Length);
        var found = _needles.Tags(Narrow(line, rented));
        ArrayPool<byte>.Shared.Return(rented);
        return found;
    }

    /// <summary>The line's chars as bytes, one each: ASCII as it is, anything else <see cref="NotAscii"/>.</summary>
    private static ReadOnlySpan<byte> Narrow(ReadOnlySpan<char> line, Span<byte> bytes)
    {
        var done = 0;
        while (true)
        {
            Ascii.FromUtf16(line[done..], bytes[done..], out var written);
            done += written;
            if (done >= line.Length) return bytes[..line.Length];
            bytes[done++] = NotAscii;
        }
    }
}
