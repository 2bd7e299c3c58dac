namespace ErrorTrace.Core.Analysis;

/// <summary>
/// The unstructured lines a stream printed since its last blank line, as raw bytes, kept so that a chain sentence seen
/// outside a traceback can recover the exception printed before it without a traceback (<c>raise B from A()</c> where
/// A was never raised). Bytes, not text: the copy is a memcpy per line, and decoding happens only when a chain sentence
/// asks. Bounded: when full it restarts, because the exception line sits just before the blank line.
/// </summary>
internal sealed class LookbackBlock
{
    private const int MaxBytes = 8 * 1024;
    private const int MaxLines = 64;

    private readonly byte[] _text = new byte[MaxBytes];
    private readonly int[] _starts = new int[MaxLines + 1];
    private readonly long[] _lineNumbers = new long[MaxLines];
    private int _length;

    public int Count { get; private set; }

    public void Clear()
    {
        Count = 0;
        _length = 0;
    }

    public void Add(ReadOnlySpan<byte> line, long lineNumber)
    {
        if (Count == MaxLines || _length + line.Length > MaxBytes) Clear();
        if (line.Length > MaxBytes) return;
        _starts[Count] = _length;
        _lineNumbers[Count] = lineNumber;
        line.CopyTo(_text.AsSpan(_length));
        _length += line.Length;
        Count++;
        _starts[Count] = _length;
    }

    public void CopyFrom(LookbackBlock other)
    {
        other._text.AsSpan(0, other._length).CopyTo(_text);
        other._starts.AsSpan(0, other.Count + 1).CopyTo(_starts);
        other._lineNumbers.AsSpan(0, other.Count).CopyTo(_lineNumbers);
        _length = other._length;
        Count = other.Count;
    }

    /// <summary>The last line when it starts with <paramref name="prefix"/> and was read after line
    /// <paramref name="after"/>, else null.</summary>
    public string? LastLineStartingWith(ReadOnlySpan<byte> prefix, long after) =>
        Count > 0 && _lineNumbers[Count - 1] > after && _text.AsSpan(_starts[Count - 1], _starts[Count] - _starts[Count - 1]).StartsWith(prefix)
            ? Line(Count - 1)
            : null;

    public string Line(int index) => Text.Utf8.Decode(_text.AsSpan(_starts[index], _starts[index + 1] - _starts[index]));

    public long LineNumber(int index) => _lineNumbers[index];

    /// <summary>Lines after <paramref name="index"/>, joined by newlines.</summary>
    public string After(int index)
    {
        var lines = new List<string>();
        for (var i = index + 1; i < Count; i++) lines.Add(Line(i));
        return string.Join('\n', lines);
    }
}
