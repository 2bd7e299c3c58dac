namespace ErrorTrace.Core.Analysis;

/// <summary>
/// The unstructured lines a stream printed since its last blank line, kept so that a chain sentence seen outside a
/// traceback can recover the exception printed before it without a traceback (<c>raise B from A()</c> where A was never
/// raised). Bounded: when full it restarts, because the exception line sits just before the blank line.
/// </summary>
internal sealed class LookbackBlock
{
    private const int MaxChars = 8 * 1024;
    private const int MaxLines = 64;

    private readonly char[] _text = new char[MaxChars];
    private readonly int[] _starts = new int[MaxLines];
    private readonly long[] _lineNumbers = new long[MaxLines];
    private int _length;

    public int Count { get; private set; }

    public void Clear()
    {
        Count = 0;
        _length = 0;
    }

    public void Add(ReadOnlySpan<char> line, long lineNumber)
    {
        if (Count == MaxLines || _length + line.Length + 1 > MaxChars) Clear();
        if (line.Length + 1 > MaxChars) return;
        _starts[Count] = _length;
        _lineNumbers[Count] = lineNumber;
        line.CopyTo(_text.AsSpan(_length));
        _length += line.Length;
        _text[_length++] = '\n';
        Count++;
    }

    public void CopyFrom(LookbackBlock other)
    {
        other._text.AsSpan(0, other._length).CopyTo(_text);
        other._starts.AsSpan(0, other.Count).CopyTo(_starts);
        other._lineNumbers.AsSpan(0, other.Count).CopyTo(_lineNumbers);
        _length = other._length;
        Count = other.Count;
    }

    public ReadOnlySpan<char> Line(int index)
    {
        var end = index + 1 < Count ? _starts[index + 1] : _length;
        return _text.AsSpan(_starts[index], end - _starts[index] - 1);
    }

    public long LineNumber(int index) => _lineNumbers[index];

    /// <summary>Lines after <paramref name="index"/>, joined by newlines.</summary>
    public ReadOnlySpan<char> After(int index) =>
        index + 1 >= Count ? default : _text.AsSpan(_starts[index + 1], _length - _starts[index + 1] - 1);
}
