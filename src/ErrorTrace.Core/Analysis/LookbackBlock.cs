using ErrorTrace.Core.Text;

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

    private readonly PackedLines<byte> _lines = new(MaxLines, MaxBytes);

    public int Count => _lines.Count;

    public void Clear() => _lines.Clear();

    /// <summary>Every unstructured line the gate lets by lands here: inlined, so it costs the copy and little else.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Add(ReadOnlySpan<byte> line, long lineNumber)
    {
        if (!_lines.Fits(line.Length)) Clear();
        if (line.Length > MaxBytes) return;
        _lines.Add(line, lineNumber);
    }

    public void CopyFrom(LookbackBlock other) => _lines.CopyFrom(other._lines);

    /// <summary>The last line when it starts with <paramref name="prefix"/> and was read after line
    /// <paramref name="after"/>, else null.</summary>
    public string? LastLineStartingWith(ReadOnlySpan<byte> prefix, long after) =>
        Count > 0 && _lines.LineNumber(Count - 1) > after && _lines.Line(Count - 1).StartsWith(prefix)
            ? Line(Count - 1)
            : null;

    /// <summary>What of the block a reader that goes on can still see without a chain sentence's look-back (which the
    /// range merge checks on its own): its last line and that line's number, for comparing two readers' state
    /// (SeamState). Every line added later becomes the last whatever was cleared to make room, so two blocks with the
    /// same last line stay alike in this.</summary>
    public void WriteLastTo(BinaryWriter writer)
    {
        writer.Write(Count > 0);
        if (Count == 0) return;
        writer.Write(_lines.LineNumber(Count - 1));
        writer.Write(_lines.Line(Count - 1).Length);
        writer.Write(_lines.Line(Count - 1));
    }

    /// <summary>The line numbered <paramref name="lineNumber"/> when the block holds it, else null.</summary>
    public string? LineNumbered(long lineNumber)
    {
        for (var i = Count - 1; i >= 0; i--)
        {
            if (_lines.LineNumber(i) == lineNumber) return Line(i);
            if (_lines.LineNumber(i) < lineNumber) break;
        }

        return null;
    }

    public string Line(int index) => Utf8.Decode(_lines.Line(index));

    public long LineNumber(int index) => _lines.LineNumber(index);

    /// <summary>Lines after <paramref name="index"/>, joined by newlines.</summary>
    public string After(int index)
    {
        var lines = new List<string>();
        for (var i = index + 1; i < Count; i++) lines.Add(Line(i));
        return string.Join('\n', lines);
    }
}
