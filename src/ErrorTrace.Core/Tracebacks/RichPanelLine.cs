using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// One line of the panel rich's traceback handler draws (accelerate, kohya's sd-scripts, typer and other CLIs install
/// it): <c>│ /path/file.py:45 in main   │</c>, a code line <c>│ ❱ 45 │   args.func(args)   │</c>, or a blank one. Rich
/// pads the panel's content with one space each side and wraps a long frame header onto the next line: at a space when
/// it can (the line ends in padding), else mid-word (the text runs up to the border).
/// </summary>
internal static class RichPanelLine
{
    public const char Left = '│';
    public const string Header = "Traceback (most recent call last)";

    /// <summary>The top border with its title: <c>╭──── Traceback (most recent call last) ────╮</c>.</summary>
    public static bool IsTop(ReadOnlySpan<char> trimmed) =>
        trimmed.StartsWith("╭", StringComparison.Ordinal) && trimmed.Contains(Header, StringComparison.Ordinal);

    public static bool IsBottom(ReadOnlySpan<char> trimmed) => trimmed.StartsWith("╰", StringComparison.Ordinal);

    /// <summary>The content between the borders, and whether it was folded at the border (runs up to it).</summary>
    public static bool TryContent(ReadOnlySpan<char> trimmed, out ReadOnlySpan<char> content, out bool folded)
    {
        content = default;
        folded = false;
        if (trimmed.IsEmpty || trimmed[0] != Left) return false;
        var inner = trimmed[1..];
        var right = inner.LastIndexOf(Left);
        if (right >= 0) inner = inner[..right];
        folded = right >= 0 && inner.Length >= 2 && inner[^1] == ' ' && inner[^2] != ' ';
        content = inner.Trim();
        return true;
    }

    /// <summary>A source line: <c>  42 │   exit(1)</c>, or the failing one <c>❱ 45 │   args.func(args)</c>.</summary>
    public static bool IsCode(ReadOnlySpan<char> content, out bool current, out ReadOnlySpan<char> code)
    {
        current = content.StartsWith("❱", StringComparison.Ordinal);
        code = default;
        var s = current ? content[1..].TrimStart() : content;
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits])) digits++;
        if (digits == 0 || digits == s.Length || s[digits] != ' ') return false;
        var rest = s[digits..].TrimStart();
        if (rest.IsEmpty || rest[0] != Left) return false;
        code = rest[1..].TrimStart("│ ".AsSpan()).TrimEnd();
        return true;
    }

    /// <summary>A frame header once its wrapped pieces are joined: <c>/path/launch.py:918 in launch_command</c>, or
    /// <c>in &lt;module&gt;:7</c> for a frame whose file rich could not read.</summary>
    public static TracebackFrame? ParseFrame(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.StartsWith("in ", StringComparison.Ordinal))
        {
            var body = text[3..];
            var colon = body.LastIndexOf(':');
            return colon > 0 && int.TryParse(body[(colon + 1)..], out var n)
                ? new TracebackFrame { File = "", Line = n, Function = body[..colon].ToString() }
                : null;
        }

        var at = text.LastIndexOf(" in ", StringComparison.Ordinal);
        if (at <= 0) return null;
        var location = text[..at];
        var function = text[(at + 4)..].Trim();
        var lineColon = location.LastIndexOf(':');
        if (lineColon <= 0 || function.IsEmpty || function.Contains(' ') || !int.TryParse(location[(lineColon + 1)..], out var line)) return null;
        return new TracebackFrame { File = location[..lineColon].ToString(), Line = line, Function = function.ToString() };
    }
}
