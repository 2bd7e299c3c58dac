using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// The last frame line of a printout that stopped before its exception line (a paste or an excerpt that ends there, a
/// log cut while CPython was printing), when that line was itself cut: it names no function, or only part of one. It is
/// no frame (the corpus convention: the innermost frame of a cut printout is its last complete frame). Asked only of the
/// printout's last frame when no source line followed it: a frame line printed whole has its source line next, or cannot
/// be told from a cut one and is kept.
/// </summary>
internal static class CutFrameLine
{
    /// <summary>True when <paramref name="frame"/>, the last line of a printout cut before its exception line, was cut;
    /// <paramref name="callerCode"/> is the source line of the frame before it, when printed.</summary>
    public static bool IsCut(TracebackFrame frame, string? callerCode)
    {
        if (frame.Code is not null) return false;
        // "File "x.py", line 7" or "…, line 209, in": the line stopped in its number or before the function name
        // (SyntaxError's location, the same text, is followed by its source line and its exception line).
        var function = frame.Function.AsSpan();
        if (function.IsEmpty) return true;
        // "<module", "<listcomp": CPython's pseudo-names always close their bracket (text glued after a closed one, a
        // flattened paste's source line, is not a cut).
        if (function[0] == '<') return !function.Contains('>');
        // The caller's source line names the callee in full ("fabric.clip_gradients(" above "…, in clip_g").
        return callerCode is not null && NamesLonger(callerCode, function);
    }

    /// <summary>True when <paramref name="code"/> holds an identifier that <paramref name="prefix"/> starts but does not
    /// end, and never <paramref name="prefix"/> as a whole identifier (which would make it a name the caller calls).</summary>
    private static bool NamesLonger(ReadOnlySpan<char> code, ReadOnlySpan<char> prefix)
    {
        var longer = false;
        for (var from = 0; from < code.Length;)
        {
            var at = code[from..].IndexOf(prefix, StringComparison.Ordinal);
            if (at < 0) break;
            at += from;
            var end = at + prefix.Length;
            var starts = at == 0 || !IsIdentifierChar(code[at - 1]);
            if (starts && (end == code.Length || !IsIdentifierChar(code[end]))) return false;
            if (starts) longer = true;
            from = at + 1;
        }

        return longer;
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
