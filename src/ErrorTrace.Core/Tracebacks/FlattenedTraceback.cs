namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// A traceback whose newlines a paste turned into spaces, so the whole printout (or a long run of it) is one physical
/// line: <c>Traceback (most recent call last):   File "x.py", line 3, in &lt;module&gt;     main()   File "x.py", line 9,
/// in main     raise ValueError("bad") ValueError: bad</c>. CPython never prints anything after a frame line's function
/// name, and never a frame after the header on the header's line, so either is the mark of a flattened printout. The
/// line is cut back into the lines CPython printed (header, frames, source lines, chain sentences, the exception line),
/// which the ordinary parsers then read. Runs only on lines that contain <c>File "</c>, never per line of a log.
/// </summary>
internal static class FlattenedTraceback
{
    /// <summary>A path longer than this between <c>File "</c> and <c>", line </c> is not a path: prose quoting a file.</summary>
    private const int MaxPathChars = 400;

    /// <summary>Shorter than a header plus one frame: never a flattened printout.</summary>
    private const int MinFlattenedChars = 30;

    /// <summary>The last name of an exception type ends so (builtins, PEP 8's "Error" suffix, the usual others).</summary>
    private static readonly string[] s_typeEndings =
        ["Error", "Exception", "Exit", "Interrupt", "Warning", "Iteration", "Failure", "Invalid", "Timeout"];

    private enum Kind
    {
        Header,
        Chain,
        Frame,
    }

    private readonly record struct Mark(int Start, int End, Kind Kind);

    /// <summary>Cheap test before <see cref="TrySplit"/>: the line holds a frame's opening.</summary>
    public static bool MayBe(ReadOnlySpan<char> line) =>
        line.Length >= MinFlattenedChars && line.Contains("File \"", StringComparison.Ordinal);

    /// <summary>The lines CPython printed, in order, when <paramref name="line"/> is a flattened printout; false (and
    /// nothing added) for an ordinary line, a frame line as CPython prints it included.</summary>
    public static bool TrySplit(ReadOnlySpan<char> line, List<string> pieces)
    {
        var marks = new List<Mark>();
        var flattened = false;
        var frames = 0;
        var trailed = -1;
        AddSentences(line, TracebackText.Header, Kind.Header, marks);
        AddSentences(line, TracebackText.CauseSentence, Kind.Chain, marks);
        AddSentences(line, TracebackText.ContextSentence, Kind.Chain, marks);
        for (var at = line.IndexOf("File \"", StringComparison.Ordinal); at >= 0;)
        {
            var end = FrameEnd(line, at, out var named);
            if (end > 0 && !InsideSentence(marks, at))
            {
                marks.Add(new Mark(at, end, Kind.Frame));
                frames++;
                // A header before the frame on the same line: flattened.
                if (line[..at].Contains(TracebackText.Header, StringComparison.Ordinal)) flattened = true;
                // Text after a function's name: flattened when more frames or an exception line follow (a lone frame's
                // trailing words may be a name with spaces, jinja's "top-level template code").
                if (named && !line[end..].IsWhiteSpace()) trailed = end;
            }

            var next = line[(at + 6)..].IndexOf("File \"", StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 6 + next;
        }

        if (trailed >= 0 && (frames >= 2 || ExceptionStart(line[trailed..].Trim()) >= 0)) flattened = true;
        if (!flattened) return false;
        marks.Sort((a, b) => a.Start.CompareTo(b.Start));
        var margin = QuoteMargin(line);
        var added = pieces.Count;
        // What the line held before the printout was a line of its own (a launcher's exit report, a bar).
        var before = marks[0].Start > margin.Length ? line[margin.Length..marks[0].Start].Trim() : [];
        if (!before.IsEmpty) pieces.Add(margin + before.ToString());
        for (var i = 0; i < marks.Count; i++)
        {
            var mark = marks[i];
            var gapEnd = i + 1 < marks.Count ? marks[i + 1].Start : line.Length;
            var gap = mark.End <= gapEnd ? line[mark.End..gapEnd].Trim() : [];
            switch (mark.Kind)
            {
                case Kind.Header:
                    pieces.Add(margin + TracebackText.Header);
                    break;
                case Kind.Chain:
                    pieces.Add(margin);
                    pieces.Add(margin + line[mark.Start..mark.End].ToString());
                    pieces.Add(margin);
                    break;
                default:
                    pieces.Add(margin + "  " + line[mark.Start..mark.End].ToString());
                    var lastOfPrintout = i + 1 == marks.Count || marks[i + 1].Kind != Kind.Frame;
                    var exception = lastOfPrintout ? ExceptionStart(gap) : -1;
                    var code = WithoutCarets(exception >= 0 ? gap[..exception] : gap);
                    if (code.Length > 0) pieces.Add(margin + "    " + code);
                    // The paste's own marks around the exception line (bold, inline code, the closing fence) are not its text.
                    if (exception >= 0) pieces.Add(margin + gap[exception..].TrimStart("*_`").TrimEnd("*_`").ToString());
                    break;
            }
        }

        return pieces.Count > added;
    }

    private static void AddSentences(ReadOnlySpan<char> line, string sentence, Kind kind, List<Mark> marks)
    {
        var from = 0;
        while (from < line.Length)
        {
            var at = line[from..].IndexOf(sentence, StringComparison.Ordinal);
            if (at < 0) return;
            marks.Add(new Mark(from + at, from + at + sentence.Length, kind));
            from += at + sentence.Length;
        }
    }

    private static bool InsideSentence(List<Mark> marks, int at)
    {
        foreach (var mark in marks)
        {
            if (mark.Kind != Kind.Frame && at >= mark.Start && at < mark.End) return true;
        }

        return false;
    }

    /// <summary>Where the frame that starts at <paramref name="at"/> (<c>File "p", line 3, in f</c>) ends: after its
    /// function name (a name has no space), or after the line number for a SyntaxError's location; -1 when none starts there.</summary>
    private static int FrameEnd(ReadOnlySpan<char> line, int at, out bool named)
    {
        named = false;
        var pathStart = at + 6;
        var close = line[pathStart..].IndexOf("\", line ", StringComparison.Ordinal);
        if (close <= 0 || close > MaxPathChars) return -1;
        var i = pathStart + close + 8;
        while (i < line.Length && line[i] == ' ') i++;
        var digits = i;
        while (i < line.Length && char.IsAsciiDigit(line[i])) i++;
        if (i == digits) return -1;
        const string In = ", in ";
        if (!line[i..].StartsWith(In, StringComparison.Ordinal)) return i;
        var name = i + In.Length;
        var space = line[name..].IndexOf(' ');
        var end = space < 0 ? line.Length : name + space;
        named = end > name;
        return named ? end : -1;
    }

    /// <summary>A Markdown quote's <c>&gt; </c> marks before the line: kept on every piece, as on the lines that follow.</summary>
    private static string QuoteMargin(ReadOnlySpan<char> line) => line[..MarkdownQuote.Length(line)].ToString();

    /// <summary>Where the exception line starts in the text after a printout's last frame (its source line, then the
    /// exception): the first word that reads as <c>Type: message</c> with a type named like an exception; -1 when the
    /// text is all source (the exception went on to the next physical line).</summary>
    private static int ExceptionStart(ReadOnlySpan<char> gap)
    {
        for (var p = 0; p < gap.Length; p++)
        {
            if (p > 0 && gap[p - 1] != ' ') continue;
            var lead = 0;
            while (p + lead < gap.Length && gap[p + lead] is '*' or '_' or '`') lead++;
            var candidate = gap[(p + lead)..];
            if (!ExceptionLine.TryParse(candidate, out var typeLength, out _)) continue;
            if (IsExceptionName(candidate[..typeLength])) return p;
        }

        return -1;
    }

    private static bool IsExceptionName(ReadOnlySpan<char> type)
    {
        var name = type[(type.LastIndexOf('.') + 1)..];
        if (name.Length < 2 || !char.IsAsciiLetterUpper(name[0])) return false;
        foreach (var ending in s_typeEndings)
        {
            if (name.EndsWith(ending, StringComparison.Ordinal)) return true;
        }

        // A qualified CapWords name (pyarrow.lib.ArrowInvalid) whose module is lower case.
        return name.Length < type.Length && char.IsAsciiLetterLower(type[0]);
    }

    /// <summary>The source line without the <c>^^^^</c> / <c>~~~^^^</c> markers CPython 3.11+ prints under it.</summary>
    private static string WithoutCarets(ReadOnlySpan<char> code)
    {
        var text = new System.Text.StringBuilder(code.Length);
        foreach (var range in code.Split(' '))
        {
            var word = code[range];
            if (word.IsEmpty || TracebackText.IsCaretLine(word)) continue;
            if (text.Length > 0) text.Append(' ');
            text.Append(word);
        }

        return text.ToString();
    }
}
