namespace ErrorTrace.Core.Text;

/// <summary>
/// A bounded store of lines packed end to end in one buffer, with where each starts and its line number: copying a
/// line in is one memcpy and nothing is allocated per line. The buffer is allocated on first use, since most streams
/// never hold a line. What to do when it is full is the owner's policy (<see cref="Fits"/> says when).
/// </summary>
internal sealed class PackedLines<T>(int maxLines, int maxItems)
{
    private readonly int[] _starts = new int[maxLines + 1];
    private readonly long[] _lineNumbers = new long[maxLines];
    private T[]? _items;
    private int _length;

    public int Count { get; private set; }

    /// <summary>True when a line of <paramref name="length"/> items can be added without going over either bound.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool Fits(int length) => Count < maxLines && _length + length <= maxItems;

    /// <summary>Adds a line; the caller has checked <see cref="Fits"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Add(ReadOnlySpan<T> line, long lineNumber)
    {
        _items ??= new T[maxItems];
        _starts[Count] = _length;
        _lineNumbers[Count] = lineNumber;
        line.CopyTo(_items.AsSpan(_length));
        _length += line.Length;
        Count++;
        _starts[Count] = _length;
    }

    public void Clear()
    {
        Count = 0;
        _length = 0;
    }

    public void CopyFrom(PackedLines<T> other)
    {
        if (other._length > 0)
        {
            _items ??= new T[maxItems];
            other._items.AsSpan(0, other._length).CopyTo(_items);
        }

        other._starts.AsSpan(0, other.Count + 1).CopyTo(_starts);
        other._lineNumbers.AsSpan(0, other.Count).CopyTo(_lineNumbers);
        _length = other._length;
        Count = other.Count;
    }

    public ReadOnlySpan<T> Line(int index) => _items.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    public long LineNumber(int index) => _lineNumbers[index];
}
