using System.Text;

namespace ErrorTrace.Core.Rendering;

/// <summary>Escaping for GitHub-flavoured Markdown: log text is full of <c>|</c>, <c>_</c>, <c>&lt;</c> and backticks that would
/// otherwise break tables, start emphasis, vanish as HTML tags or end a code block early.</summary>
public static class MarkdownText
{
    /// <summary>Inline text: backslash-escapes the punctuation Markdown would interpret; newlines become <c>&lt;br&gt;</c>
    /// so the text can sit in a table cell.</summary>
    public static string Inline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text.ReplaceLineEndings("\n"))
        {
            switch (c)
            {
                case '\n':
                    result.Append("<br>");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '#' or '!':
                    result.Append('\\').Append(c);
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>A code span that survives any backticks inside and, in a table, any pipes (GFM splits cells before it
    /// parses code spans, so a pipe must be escaped even there).</summary>
    public static string Code(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var oneLine = text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
        var ticks = new string('`', LongestRun(oneLine, '`') + 1);
        // A space pads a span that starts or ends with a backtick; CommonMark strips one space on each side.
        var pad = oneLine.StartsWith('`') || oneLine.EndsWith('`') ? " " : "";
        return ticks + pad + oneLine + pad + ticks;
    }

    /// <summary>A fenced block whose fence is longer than any backtick run in the text, so a traceback quoting
    /// Markdown cannot close it.</summary>
    public static string Fenced(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fence = new string('`', Math.Max(3, LongestRun(text, '`') + 1));
        var body = text.ReplaceLineEndings("\n").TrimEnd('\n');
        return fence + language + "\n" + body + "\n" + fence + "\n";
    }

    /// <summary>One table row; each cell is expected to be escaped already.</summary>
    public static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |\n";

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
