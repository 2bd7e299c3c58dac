using System.Text;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Text;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// The lines a printout holds back while it looks ahead past a blank line after an exception's message
/// (<see cref="PrintoutState.LookAhead"/>): CPython prints a message verbatim, so a blank line inside a chained
/// exception's message looks exactly like the end of the printout until a chain sentence follows the next paragraph.
/// When no chain sentence comes, the analyzer replays these lines as if the printout had ended at the blank line, so
/// a line is never lost, only read a few lines late. Fixed buffers, allocated on first use; nothing per line.
/// </summary>
internal sealed class HeldParagraph
{
    private readonly PackedLines<char> _lines = new(EngineLimits.MaxLookAheadLines, EngineLimits.MaxLookAheadChars);
    private byte[]? _utf8;

    public int Count => _lines.Count;

    /// <summary>Holds a line; false when the look-ahead is full (the caller ends the printout there).</summary>
    public bool TryAdd(ReadOnlySpan<char> line, long lineNumber)
    {
        if (!_lines.Fits(line.Length)) return false;
        _lines.Add(line, lineNumber);
        return true;
    }

    public void Clear() => _lines.Clear();

    public ReadOnlySpan<char> Line(int index) => _lines.Line(index);

    public long LineNumber(int index) => _lines.LineNumber(index);

    /// <summary>The line as UTF-8 again, for the analyzer's byte-level look-back; valid until the next call.</summary>
    public ReadOnlySpan<byte> Utf8(int index)
    {
        _utf8 ??= new byte[Encoding.UTF8.GetMaxByteCount(EngineLimits.MaxLookAheadChars)];
        return _utf8.AsSpan(0, Encoding.UTF8.GetBytes(Line(index), _utf8));
    }

    public void AppendTo(RawText raw)
    {
        for (var i = 0; i < Count; i++) raw.Add(Line(i));
    }
}
