namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// An exception printed as its <c>repr()</c> rather than by the traceback module: <c>RuntimeError('CUDA out of memory.
/// Tried to allocate …')</c> (a script's <c>print(repr(e))</c> or a logger given the exception object), Python 3.6 and
/// older with a trailing comma (<c>RuntimeError('…',)</c>), behind a label (Optuna's <c>Setting status of trial#28 as
/// TrialState.FAIL because of the following error: RuntimeError('CUDA out of memory. …',)</c>) or a record's located
/// prefix (<c>… engine.py:157] OutOfMemoryError('CUDA out of memory. …')</c>). The type must be named like an exception
/// and stand at the text's start or right after a label's <c>: </c> or a bracket's <c>] </c>: code that constructs one
/// (<c>raise ValueError('bad')</c>) has a word before it.
/// </summary>
internal static class ExceptionRepr
{
    /// <summary>Where a repr's type ends and its quoted argument opens: the type's last word, the parenthesis, a quote.</summary>
    private static readonly string[] s_openings = ["Error('", "Error(\"", "Exception('", "Exception(\""];

    /// <summary>Finds the repr in <paramref name="line"/>: the type's start and length, and the message inside the quotes
    /// (to the closing quote and parenthesis, or to the line's end when the line was cut).</summary>
    public static bool TryFind(ReadOnlySpan<char> line, out int start, out int typeLength, out int messageStart, out int messageLength)
    {
        (start, typeLength, messageStart, messageLength) = (0, 0, 0, 0);
        foreach (var opening in s_openings)
        {
            var at = line.IndexOf(opening, StringComparison.Ordinal);
            if (at < 0) continue;
            var paren = at + opening.Length - 2;
            var s = PastedExceptionLine.TypeStart(line, paren);
            if (s == paren || !char.IsAsciiLetter(line[s]) || !StandsAlone(line, s)) continue;
            if (!ExceptionLine.IsNamedLikeException(line[s..paren], hasMessage: true)) continue;
            var quote = line[paren + 1];
            var text = line[(paren + 2)..];
            var close = text.LastIndexOf(quote);
            var closed = close >= 0 && text[(close + 1)..].TrimEnd().TrimEnd(".").TrimEnd() is ")" or ",)";
            (start, typeLength, messageStart, messageLength) = (s, paren - s, paren + 2, closed ? close : text.Length);
            return true;
        }

        return false;
    }

    /// <summary>The type is the text's first word (after a paste's quote marks), or follows a label or a bracket.</summary>
    private static bool StandsAlone(ReadOnlySpan<char> line, int s)
    {
        var before = line[..s].TrimStart(" >\"'`*_");
        if (before.IsEmpty) return true;
        return before.Length >= 2 && before[^1] == ' ' && before[^2] is ':' or ']';
    }
}
