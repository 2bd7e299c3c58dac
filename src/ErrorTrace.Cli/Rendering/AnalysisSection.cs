using System.Globalization;
using ErrorTrace.Core.Reports;
using Spectre.Console;

namespace ErrorTrace.Cli.Rendering;

/// <summary>The classifier's verdict: category, phase, confidence, what it means, what to do, and why it thinks so.</summary>
internal static class AnalysisSection
{
    public static void Write(IAnsiConsole console, FailureAnalysis? analysis)
    {
        console.MarkupLine("[bold underline]Analysis[/]");
        if (analysis is null)
        {
            console.MarkupLine("  [dim]No classification (nothing that looks like a failure was found).[/]");
            console.WriteLine();
            return;
        }

        var rows = new List<(string, string)>
        {
            ("Category", $"[bold magenta]{Markup.Escape(analysis.ErrorType)}[/]"),
            ("Phase", Markup.Escape(analysis.ErrorPhase)),
            ("Confidence", $"[{ConfidenceStyle(analysis.Confidence)}]{Markup.Escape(analysis.Confidence)}[/]"),
        };
        if (analysis.RuleId is not null) rows.Add(("Rule", Markup.Escape(analysis.RuleId)));
        TextReportRenderer.WriteKeyValues(console, 2, rows);
        Write(console, analysis.Description, "  ");

        if (analysis.Suggestions.Count > 0)
        {
            console.MarkupLine("  [bold]Suggestions[/]");
            foreach (var suggestion in analysis.Suggestions.Take(FailureAnalysis.ShownSuggestions))
                Write(console, suggestion, "    • ");
            if (analysis.Suggestions.Count > FailureAnalysis.ShownSuggestions)
            {
                console.MarkupLine("  [dim]More[/]");
                foreach (var suggestion in analysis.Suggestions.Skip(FailureAnalysis.ShownSuggestions))
                    Write(console, suggestion, "    · ");
            }
        }

        if (analysis.Evidence.Count > 0)
        {
            console.MarkupLine("  [bold]Evidence[/]");
            var width = analysis.Evidence.Max(e => e.Line).ToString(CultureInfo.InvariantCulture).Length;
            foreach (var line in analysis.Evidence)
            {
                var number = line.Line.ToString(CultureInfo.InvariantCulture).PadLeft(width);
                var gutter = $"    {number} │ ";
                var lines = TextWrap.Lines(line.Text, gutter, console.Profile.Width);
                // Only the gutter is dimmed, so the evidence text itself stays readable.
                console.MarkupLine($"[dim]{Markup.Escape(gutter)}[/]{Markup.Escape(lines[0][gutter.Length..])}");
                foreach (var more in lines.Skip(1)) console.MarkupLine(Markup.Escape(more));
            }
        }

        console.WriteLine();
    }

    private static void Write(IAnsiConsole console, string text, string prefix)
    {
        foreach (var line in TextWrap.Lines(text, prefix, console.Profile.Width)) console.MarkupLine(Markup.Escape(line));
    }

    private static string ConfidenceStyle(string confidence) => confidence switch
    {
        "high" => "green",
        "medium" => "yellow",
        _ => "red",
    };
}
