using System.Text;
using ErrorTrace.Core.Analysis;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>A block's raw text, bounded by <see cref="EngineLimits.MaxRawChars"/>, with the line where it began.</summary>
internal sealed class RawText
{
    private readonly StringBuilder _text = new();

    public long FirstLine { get; private set; }

    public void Start(long lineNumber)
    {
        _text.Clear();
        FirstLine = lineNumber;
    }

    public void Add(ReadOnlySpan<char> line)
    {
        if (_text.Length + line.Length + 1 > EngineLimits.MaxRawChars) return;
        if (_text.Length > 0) _text.Append('\n');
        _text.Append(line);
    }

    public override string ToString() => _text.ToString();
}
