namespace ErrorTrace.Core.Tracebacks;

/// <summary>The fixed sentences CPython prints around tracebacks (Lib/traceback.py).</summary>
internal static class TracebackText
{
    public const string Header = "Traceback (most recent call last):";
    public const string GroupHeader = "Exception Group Traceback (most recent call last):";
    public const string CauseSentence = "The above exception was the direct cause of the following exception:";
    public const string ContextSentence = "During handling of the above exception, another exception occurred:";
    public const string PreviousLineRepeated = "[Previous line repeated ";

    public static bool IsCaretLine(ReadOnlySpan<char> trimmed)
    {
        if (trimmed.IsEmpty) return false;
        foreach (var c in trimmed)
        {
            if (c is not ('^' or '~' or ' ' or '-')) return false;
        }

        return trimmed.ContainsAny('^', '~');
    }

    /// <summary>The fewest dots a paste's elision has: "..." (two dots are rarer than a line that is "..").</summary>
    private const int MinElisionDots = 3;

    /// <summary>A paste's elision of lines it left out, alone on its line: "...", "......", "…", "[...]", "(...)".</summary>
    public static bool IsElision(ReadOnlySpan<char> trimmed)
    {
        trimmed = trimmed.Trim();
        if (trimmed.Length > 2 && trimmed[0] is '[' or '(' && trimmed[^1] is ']' or ')') trimmed = trimmed[1..^1];
        if (trimmed.SequenceEqual("\u2026")) return true;
        return trimmed.Length >= MinElisionDots && !trimmed.ContainsAnyExcept('.');
    }

    /// <summary>"cause" or "context" for a chain sentence, else null.</summary>
    public static string? ChainRelation(ReadOnlySpan<char> trimmed)
    {
        if (trimmed.StartsWith(CauseSentence, StringComparison.Ordinal)) return "cause";
        if (trimmed.StartsWith(ContextSentence, StringComparison.Ordinal)) return "context";
        return null;
    }

    /// <summary>Lines that cannot be part of a message: another traceback's start, a native crash's start. Frame lines
    /// can (DataLoader's "Original Traceback" quotes the worker's frames in its message).</summary>
    public static bool EndsMessage(ReadOnlySpan<char> trimmed) =>
        trimmed.StartsWith(Header, StringComparison.Ordinal)
        || trimmed.StartsWith("Fatal Python error: ", StringComparison.Ordinal)
        || trimmed.StartsWith("terminate called ", StringComparison.Ordinal);
}
