using System.Text;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// A traceback kept as a JSON string, its newlines escaped: torchelastic's error file as its error handler logs it
/// (<c>"py_callstack": "Traceback (most recent call last):\n  File \"/…/api.py\", line 125, in wrapper\n    …"</c>),
/// structured loggers' <c>"exc_info"</c> / <c>"stack_trace"</c> fields. The string is unescaped and cut back into the
/// lines CPython printed, which the ordinary parsers then read. Runs only on a line that holds the header followed by an
/// escaped newline.
/// </summary>
internal static class JsonEscapedTraceback
{
    /// <summary>CPython's header with the escaped newline after it: nothing else starts a traceback in a JSON string.</summary>
    private const string EscapedHeader = TracebackText.Header + "\\n";

    /// <summary>Fewer lines than a header, one frame and an exception line are not worth reading as a printout.</summary>
    private const int MinPieces = 3;

    /// <summary>Cheap test before <see cref="TrySplit"/>.</summary>
    public static bool MayBe(ReadOnlySpan<char> line) => line.Contains(EscapedHeader, StringComparison.Ordinal);

    /// <summary>The lines of the escaped printout, from its header to the string's closing quote (or the line's end),
    /// after what the line held before it; false (nothing added) when the line holds no such string.</summary>
    public static bool TrySplit(ReadOnlySpan<char> line, List<string> pieces)
    {
        var at = line.IndexOf(EscapedHeader, StringComparison.Ordinal);
        if (at < 0) return false;
        var text = new StringBuilder();
        var lines = new List<string>();
        var i = at;
        for (; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"') break; // the string's closing quote
            if (c != '\\' || i + 1 >= line.Length)
            {
                text.Append(c);
                continue;
            }

            var escaped = line[++i];
            switch (escaped)
            {
                case 'n':
                    lines.Add(text.ToString());
                    text.Clear();
                    break;
                case 't':
                    text.Append('\t');
                    break;
                case 'r':
                    break;
                case 'u' when i + 4 < line.Length && int.TryParse(line.Slice(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code):
                    text.Append((char)code);
                    i += 4;
                    break;
                default:
                    text.Append(escaped); // \" \\ \/
                    break;
            }
        }

        if (text.Length > 0) lines.Add(text.ToString());
        if (lines.Count < MinPieces) return false;
        var before = line[..at].Trim();
        if (!before.IsEmpty) pieces.Add(before.ToString());
        pieces.AddRange(lines);
        // The string ended on a newline: the printout ends there too, not on the JSON that follows it.
        pieces.Add("");
        return true;
    }
}
