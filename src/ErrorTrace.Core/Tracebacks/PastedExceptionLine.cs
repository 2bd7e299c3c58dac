namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// An exception line printed without its traceback, as a paste leaves it: behind a Markdown quote or emphasis
/// (<c>&gt; RuntimeError: CUDA out of memory …</c>, <c>_**RuntimeError: …**_</c>, <c>`jaxlib…XlaRuntimeError: …`</c>), or
/// glued after a label or after text in another script (<c>actual error: RuntimeError: …</c>,
/// <c>运行train.py的时候报错RuntimeError: …</c>, <c>return **RuntimeError: …**</c>). Only a type named like an exception
/// (CapWords ending in Error or Exception) counts when it is not at the text's start: English prose before the type
/// ("failed with ValueError: …") is a sentence about an error, not the error printed.
/// </summary>
internal static class PastedExceptionLine
{
    private static readonly string[] s_endings = ["Error: ", "Exception: "];

    /// <summary>Where the exception line starts in <paramref name="line"/> (after <paramref name="from"/>), or -1.</summary>
    public static int Start(ReadOnlySpan<char> line, int from)
    {
        var start = SkipMarks(line, from);
        if (start > from && ExceptionLine.TryParse(line[start..], out _, out _)) return start;
        foreach (var ending in s_endings)
        {
            var at = line.IndexOf(ending, StringComparison.Ordinal);
            if (at <= 0) continue;
            var typeEnd = at + ending.Length - 2;
            var s = typeEnd;
            while (s > 0 && IsTypeChar(line[s - 1])) s--;
            if (s <= start || !IsGluedBefore(line, s)) continue;
            var type = line[s..typeEnd];
            var name = type[(type.LastIndexOf('.') + 1)..];
            if (name.Length > ending.Length - 2 && char.IsAsciiLetterUpper(name[0]) && char.IsAsciiLetter(type[0])) return s;
        }

        return -1;
    }

    /// <summary>The paste's closing marks after the message (<c>**</c>, <c>`</c>, <c>_</c>) when marks opened it at
    /// <paramref name="start"/>; a message of its own may end with a backtick.</summary>
    public static ReadOnlySpan<char> TrimMarks(ReadOnlySpan<char> line, int start) =>
        start > 0 && line[start - 1] is '*' or '_' or '`' ? line[start..].TrimEnd("*_`") : line[start..];

    /// <summary>After Markdown quote marks (<c>&gt; </c>) and emphasis opening (<c>*</c>, <c>_</c>, <c>`</c>).</summary>
    private static int SkipMarks(ReadOnlySpan<char> line, int i)
    {
        while (i < line.Length && line[i] == '>')
        {
            i++;
            while (i < line.Length && line[i] == ' ') i++;
        }

        while (i < line.Length && line[i] is '*' or '_' or '`') i++;
        return i;
    }

    /// <summary>What stands right before a glued type: emphasis, a label's colon and space, a logger's located prefix
    /// and space (vLLM relays a worker's exception line as <c>ERROR 03-02 19:49:43 [multiproc_worker_utils.py:242]
    /// torch.OutOfMemoryError: …</c>, older versions without the brackets; a record format the header parser does not
    /// know, so the line is read as unstructured), or a letter of another script (CJK text runs into the type without a
    /// space).</summary>
    private static bool IsGluedBefore(ReadOnlySpan<char> line, int s)
    {
        var c = line[s - 1];
        if (c is '*' or '`' or '_' || c > '\u2E7F') return true;
        return c == ' ' && s >= 2 && line[s - 2] is ':' or ']';
    }

    private static bool IsTypeChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';
}
