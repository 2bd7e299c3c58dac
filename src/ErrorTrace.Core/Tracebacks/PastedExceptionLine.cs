namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// An exception line printed without its traceback, as a paste leaves it: behind a Markdown quote, list dash, quotes or
/// emphasis (<c>&gt; RuntimeError: CUDA out of memory …</c>, <c>_**RuntimeError: …**_</c>, <c>`jaxlib…XlaRuntimeError: …`</c>,
/// <c>"RuntimeError: …"</c>), or
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
            var s = TypeStart(line, typeEnd);
            if (s <= start || !IsGluedBefore(line, s)) continue;
            var type = line[s..typeEnd];
            var name = type[(type.LastIndexOf('.') + 1)..];
            if (name.Length > ending.Length - 2 && char.IsAsciiLetterUpper(name[0]) && char.IsAsciiLetter(type[0])) return s;
        }

        return -1;
    }

    /// <summary>The paste's closing marks after the message (<c>**</c>, <c>`</c>, <c>_</c>) when marks opened it at
    /// <paramref name="start"/>; a message of its own may end with a backtick.</summary>
    public static ReadOnlySpan<char> TrimMarks(ReadOnlySpan<char> line, int start)
    {
        if (start > 0 && line[start - 1] is '*' or '_' or '`') return line[start..].TrimEnd("*_`");
        // A quote opened it (after spaces, " RuntimeError: …"): the same quote closes it when the paste kept the end.
        var before = line[..start].TrimEnd(' ');
        if (before.IsEmpty || before[^1] is not ('"' or '\'')) return line[start..];
        var text = line[start..].TrimEnd();
        return text.Length > 1 && text[^1] == before[^1] ? text[..^1] : text;
    }

    /// <summary>After pytest's failure mark (<c>E       RuntimeError: …</c>: its report marks each line of the exception
    /// with an <c>E</c> padded to the frame's indent), Markdown quote marks (<c>&gt; </c>), a list item's dash
    /// (<c>-  RuntimeError: …</c>), a quote a paste put around the line (<c>"RuntimeError: …"</c>, <c>'RuntimeError:
    /// …'</c>) and emphasis opening (<c>*</c>, <c>_</c>, <c>`</c>).</summary>
    private static int SkipMarks(ReadOnlySpan<char> line, int i)
    {
        if (line[i..].StartsWith(PytestMark, StringComparison.Ordinal)) i = SkipSpaces(line, i + 1);
        while (i < line.Length && line[i] == '>') i = SkipSpaces(line, i + 1);
        if (i + 1 < line.Length && line[i] == '-' && line[i + 1] == ' ') i = SkipSpaces(line, i + 1);
        if (i < line.Length && IsOpening(line[i])) i = SkipSpaces(line, i + 1);
        while (i < line.Length && line[i] is '*' or '_' or '`') i++;
        return i;
    }

    /// <summary>pytest's mark with the least padding it prints (an exception raised at a frame's indent of two).</summary>
    private const string PytestMark = "E   ";

    private static int SkipSpaces(ReadOnlySpan<char> line, int i)
    {
        while (i < line.Length && line[i] == ' ') i++;
        return i;
    }

    /// <summary>A quote or bracket opened right before the type: the printed line quoted in a sentence (<c>getting this
    /// error "OSError: [Errno 30] Read-only file system"</c>, <c>raised ‘json.decoder.JSONDecodeError: Expecting ','
    /// delimiter …’</c>), bracketed (<c>[torch.cuda.OutOfMemoryError: CUDA out of memory …</c>) or put in parentheses by
    /// the program that relays it (<c>python: Error while finding module specification for 'x.py' (ModuleNotFoundError:
    /// …)</c>). A sentence about an error names it without them ("failed with ValueError: …").</summary>
    private static bool IsOpening(char c) => c is '"' or '\'' or '\u2018' or '\u201C' or '[' or '(';

    /// <summary>What stands right before a glued type: emphasis, an opening quote or bracket (<see cref="IsOpening"/>),
    /// a label's colon and space, a logger's located prefix
    /// and space (vLLM relays a worker's exception line as <c>ERROR 03-02 19:49:43 [multiproc_worker_utils.py:242]
    /// torch.OutOfMemoryError: …</c>, older versions without the brackets; a record format the header parser does not
    /// know, so the line is read as unstructured), or a letter of another script (CJK text runs into the type without a
    /// space).</summary>
    private static bool IsGluedBefore(ReadOnlySpan<char> line, int s)
    {
        var c = line[s - 1];
        if (c is '*' or '`' or '_' || c > '\u2E7F' || IsOpening(c)) return true;
        return c == ' ' && s >= 2 && line[s - 2] is ':' or ']';
    }

    /// <summary>Where a dotted type name that ends at <paramref name="end"/> starts, read backwards (equal to
    /// <paramref name="end"/> when no name char stands before it).</summary>
    public static int TypeStart(ReadOnlySpan<char> line, int end)
    {
        while (end > 0 && IsTypeChar(line[end - 1])) end--;
        return end;
    }

    private static bool IsTypeChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';
}
