using System.Text;
using ErrorTrace.Core.Analysis;

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
    private char[]? _text;
    private byte[]? _utf8;
    private readonly int[] _starts = new int[EngineLimits.MaxLookAheadLines + 1];
    private readonly long[] _lineNumbers = new long[EngineLimits.MaxLookAheadLines];
    private int _length;

    public int Count { get; private set; }

    /// <summary>Holds a line; false when the look-ahead is full (the caller ends the printout there).</summary>
    public bool TryAdd(ReadOnlySpan<char> line, long lineNumber)
    {
        if (Count == EngineLimits.MaxLookAheadLines || _length + line.Length > EngineLimits.MaxLookAheadChars) return false;
        _text ??= new char[EngineLimits.MaxLookAheadChars];
        _starts[Count] = _length;
        _lineNumbers[Count] = lineNumber;
        line.CopyTo(_text.AsSpan(_length));
        _length += line.Length;
        Count++;
        _starts[Count] = _length;
        return true;
    }

    public void Clear()
    {
        Count = 0;
        _length = 0;
    }

    public ReadOnlySpan<char> Line(int index) => _text.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    public long LineNumber(int index) => _lineNumbers[index];

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
