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

    /// <summary>"cause" or "context" for a chain sentence, else null.</summary>
    public static string? ChainRelation(ReadOnlySpan<char> trimmed)
    {
        if (trimmed.StartsWith(CauseSentence, StringComparison.Ordinal)) return "cause";
        if (trimmed.StartsWith(ContextSentence, StringComparison.Ordinal)) return "context";
        return null;
    }
}
