using System.Text;

namespace ErrorTrace.Cli.Rendering;

/// <summary>Word-wraps plain text with a hanging indent. Spectre wraps too, but back to column 0, which breaks the
/// indentation that shows what belongs to which section.</summary>
internal static class TextWrap
{
    /// <summary>Lines of at most <paramref name="width"/> characters: the first starts with <paramref name="prefix"/>,
    /// the rest with as many spaces. A word longer than a line is cut rather than overflowing.</summary>
    public static IReadOnlyList<string> Lines(string text, string prefix, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(prefix);
        var indent = new string(' ', prefix.Length);
        var room = Math.Max(10, width - prefix.Length);
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' '))
            {
                var rest = word;
                while (rest.Length > room)
                {
                    Flush(lines, line, prefix, indent);
                    lines.Add((lines.Count == 0 ? prefix : indent) + rest[..room]);
                    rest = rest[room..];
                }

                if (line.Length > 0 && line.Length + 1 + rest.Length > room) Flush(lines, line, prefix, indent);
                if (line.Length > 0) line.Append(' ');
                line.Append(rest);
            }

            Flush(lines, line, prefix, indent, force: true);
        }

        return lines;
    }

    private static void Flush(List<string> lines, StringBuilder line, string prefix, string indent, bool force = false)
    {
        if (line.Length == 0 && !force) return;
        lines.Add((lines.Count == 0 ? prefix : indent) + line.ToString().TrimEnd());
        line.Clear();
    }
}
