using System.Text;
using ErrorTrace.Core.Analysis;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// An exception's message as a block parser collects it, one line at a time: lines joined by <c>\n</c>, a line that
/// would take it past <see cref="EngineLimits.MaxMessageChars"/> dropped whole (the message keeps whole lines, and a
/// flood of them costs nothing), and the lines kept counted for the parser's own <see cref="EngineLimits.MaxMessageLines"/>
/// check.
/// </summary>
internal sealed class MessageLines
{
    private readonly StringBuilder _text = new();

    /// <summary>The lines kept so far.</summary>
    public int Count { get; private set; }

    public void Clear()
    {
        _text.Clear();
        Count = 0;
    }

    public void Append(ReadOnlySpan<char> line)
    {
        if (_text.Length + line.Length > EngineLimits.MaxMessageChars) return;
        if (Count > 0) _text.Append('\n');
        _text.Append(line);
        Count++;
    }

    public override string ToString() => _text.ToString();
}
