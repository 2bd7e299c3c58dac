using System.Buffers;
using ErrorTrace.Core.Redaction;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>Turns what matched into evidence lines: a line number and the text a reader should look at.</summary>
internal static class Evidence
{
    public const int MaxLines = 5;
    private const int MaxText = 300;
    private static readonly SearchValues<char> s_ruleChars = SearchValues.Create("=-_*#~ ");

    /// <summary>Line 0: the text is not from the log.</summary>
    public const long NotInLog = 0;

    /// <summary>The exception line (<c>Type: first message line</c>) and, when the rule matched further down a
    /// multi-line message (a torchelastic table's <c>exitcode : -9</c>), that line too.</summary>
    public static void AddView(List<EvidenceLine> evidence, FailureView view, int messageIndex)
    {
        var first = FirstLine(view.Message);
        Add(evidence, view.Line, first.Length == 0 ? view.Type : $"{view.Type}: {first}");
        if (messageIndex < 0 || messageIndex < view.Message.AsSpan().IndexOfAny('\r', '\n')) return;

        var before = view.Message.AsSpan(0, messageIndex);
        var lineIndex = before.Count('\n');
        var start = before.LastIndexOf('\n') + 1;
        var end = view.Message.IndexOf('\n', messageIndex);
        var text = view.Message[start..(end < 0 ? view.Message.Length : end)].Trim();
        if (text.Length > 0) Add(evidence, view.Line > 0 ? view.Line + lineIndex : NotInLog, text);
    }

    public static void AddEntry(List<EvidenceLine> evidence, ErrorEntry entry) =>
        Add(evidence, entry.FirstLine, FirstLine(entry.Message));

    public static void Add(List<EvidenceLine> evidence, long line, string text)
    {
        if (evidence.Count >= MaxLines || text.Length == 0) return;
        // Redacted before the cut: a secret cut in half no longer has the shape its rule recognises. Only the head that
        // can survive the cut is redacted, so a 64 KiB message costs no more than a short one.
        if (text.Length > MaxText) text = Redactor.RedactHead(text, MaxText);
        if (text.Length > MaxText) text = string.Concat(text.AsSpan(0, MaxText - 1), "…");
        foreach (var existing in evidence)
        {
            if (existing.Line == line && line != NotInLog) return;
            if (existing.Line == line && existing.Text == text) return;
        }

        evidence.Add(new EvidenceLine(line, text));
    }

    /// <summary>The first line with words, trimmed: a torchelastic message starts with an empty line and a
    /// <c>=====</c> rule, and "ChildFailedError: train.py FAILED" says more than "ChildFailedError: =====".</summary>
    public static string FirstLine(string text)
    {
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).Trim();
            if (line.ContainsAnyExcept(s_ruleChars)) return line.ToString();
        }

        return "";
    }
}
