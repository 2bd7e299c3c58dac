using System.Globalization;
using ErrorTrace.Core.Rendering;
using ErrorTrace.Core.Reports;
using Spectre.Console;

namespace ErrorTrace.Cli.Rendering;

/// <summary>
/// The root-cause traceback as Python prints it (chain first, innermost frame last) so it reads like the original,
/// with the final exception repeated on top where the eye lands first, and library frames dimmed so the user's
/// own frames stand out.
/// </summary>
internal static class TracebackSection
{
    /// <summary>Very deep tracebacks (recursion) keep their outermost and innermost frames; the middle adds nothing.</summary>
    private const int MaxFrames = 40;
    private const int KeepOutermost = 10;

    /// <summary>Raw text shown for failures without parsed frames (C++ aborts, faulthandler dumps).</summary>
    private const int MaxRawLines = 40;

    public static void WriteRootCause(IAnsiConsole console, TracebackInfo? root)
    {
        if (root is null)
        {
            console.MarkupLine("[bold underline]Root cause[/]");
            console.MarkupLine("  [dim]No traceback or fatal error was found in the log.[/]");
            console.WriteLine();
            return;
        }

        var kind = root.Kind == "python" ? "" : $" ({Markup.Escape(root.Kind)})";
        console.MarkupLine($"[bold underline]Root cause[/]{kind}  [dim]{Markup.Escape(ReportText.Where(root))}[/]");
        console.MarkupLine($"  [bold red]{Markup.Escape(root.ExceptionType)}[/]{MessageMarkup(root.ExceptionMessage)}");
        foreach (var sub in root.SubExceptions)
            console.MarkupLine($"    [red]+ {Markup.Escape(ReportText.ExceptionLine(sub))}[/]");
        console.WriteLine();

        if (root.Frames.Count == 0 && root.Chain.Count == 0)
        {
            // A signal, C++ abort or faulthandler dump without parsed frames: its text is the evidence.
            if (WriteRaw(console, root.Raw)) console.WriteLine();
            return;
        }

        foreach (var link in root.Chain)
        {
            WriteFrames(console, link.Frames);
            console.MarkupLine($"  [red]{Markup.Escape(link.ExceptionType)}[/]{MessageMarkup(link.ExceptionMessage)}");
            console.WriteLine();
            console.MarkupLine(link.Relation == "cause"
                ? "  [italic]The above exception was the direct cause of the following exception:[/]"
                : "  [italic]During handling of the above exception, another exception occurred:[/]");
            console.WriteLine();
        }

        WriteFrames(console, root.Frames);
        console.MarkupLine($"  [bold red]{Markup.Escape(root.ExceptionType)}[/]{MessageMarkup(root.ExceptionMessage)}");
        console.WriteLine();
    }

    public static void WriteOthers(IAnsiConsole console, IReadOnlyList<TracebackInfo> others)
    {
        if (others.Count == 0) return;
        console.MarkupLine($"[bold underline]Other tracebacks[/] [dim]({others.Count.ToString(CultureInfo.InvariantCulture)})[/]");
        foreach (var other in others)
        {
            var cascade = other.Secondary ? " [dim](cascade)[/]" : "";
            console.MarkupLine($"  • [red]{Markup.Escape(ReportText.Truncate(ReportText.ExceptionLine(other), 200))}[/]  [dim]{Markup.Escape(ReportText.Where(other))}[/]{cascade}");
        }

        console.WriteLine();
    }

    private static void WriteFrames(IAnsiConsole console, IReadOnlyList<TracebackFrame> frames)
    {
        if (frames.Count == 0) return;
        console.MarkupLine("  [dim]Traceback (most recent call last):[/]");
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames.Count > MaxFrames && i == KeepOutermost)
            {
                var skipped = frames.Count - MaxFrames;
                console.MarkupLine($"    [dim]… {skipped.ToString(CultureInfo.InvariantCulture)} frames omitted …[/]");
                i += skipped - 1;
                continue;
            }

            WriteFrame(console, frames[i]);
        }
    }

    private static void WriteFrame(IAnsiConsole console, TracebackFrame frame)
    {
        var line = frame.Line?.ToString(CultureInfo.InvariantCulture) ?? "None";
        var file = Markup.Escape(frame.File);
        var function = Markup.Escape(frame.Function);
        if (!frame.InApp)
        {
            console.MarkupLine($"    [dim]File \"{file}\", line {line}, in {function}[/]");
            if (frame.Code is not null) console.MarkupLine($"      [dim]{Markup.Escape(frame.Code)}[/]");
            return;
        }

        console.MarkupLine($"    File \"[cyan]{file}[/]\", line [cyan]{line}[/], in [bold]{function}[/]");
        if (frame.Code is not null) console.MarkupLine($"      [yellow]{Markup.Escape(frame.Code)}[/]");
    }

    /// <returns>False when there was nothing worth showing (a one-line raw text repeats the exception line).</returns>
    private static bool WriteRaw(IAnsiConsole console, string raw)
    {
        var lines = raw.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        if (lines.Length <= 1) return false;
        foreach (var text in lines.Take(MaxRawLines)) console.MarkupLine($"    [dim]{Markup.Escape(text)}[/]");
        if (lines.Length > MaxRawLines)
            console.MarkupLine($"    [dim]… {(lines.Length - MaxRawLines).ToString(CultureInfo.InvariantCulture)} more lines[/]");
        return true;
    }

    /// <summary>": message" with the first line bold; further lines (notes, long CUDA messages) indented below.</summary>
    private static string MessageMarkup(string message)
    {
        if (message.Length == 0) return "";
        var lines = message.ReplaceLineEndings("\n").Split('\n');
        var markup = ": [bold]" + Markup.Escape(lines[0]) + "[/]";
        foreach (var more in lines.Skip(1)) markup += "\n    " + Markup.Escape(more);
        return markup;
    }
}
