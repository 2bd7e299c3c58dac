using System.Globalization;
using ErrorTrace.Core.Rendering;
using ErrorTrace.Core.Reports;
using Spectre.Console;

namespace ErrorTrace.Cli.Rendering;

/// <summary>
/// The terminal report, in the order a person wants to read it: what the job was, what went wrong and what to do
/// (the analysis), the evidence (the root-cause traceback), then the noise around it (error groups, other
/// tracebacks) and where it came from (the log). All log text goes through <see cref="Markup.Escape"/>: logs are
/// full of <c>[rank0]</c> prefixes that Spectre would otherwise take for markup.
/// </summary>
internal static class TextReportRenderer
{
    public static void Render(IAnsiConsole console, ErrorReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        WriteHeader(console, report);
        AnalysisSection.Write(console, report.Analysis);
        TracebackSection.WriteRootCause(console, report.Traceback);
        RunsSection.Write(console, report.Runs);
        ErrorGroupsTable.Write(console, report.Errors);
        TracebackSection.WriteOthers(console, ReportText.OtherTracebacks(report));
        WriteLog(console, report);
    }

    private static void WriteHeader(IAnsiConsole console, ErrorReport report)
    {
        console.Write(new Rule($"[bold]errortrace[/] · job {Markup.Escape(report.JobId)}").LeftJustified());
        var rows = new List<(string, string)>
        {
            ("Job", Markup.Escape(report.JobId)),
            ("Status", $"[{StatusStyle(report.Status)}]{Markup.Escape(report.Status)}[/]"),
        };
        if (!string.IsNullOrWhiteSpace(report.ErrorSummary)) rows.Add(("Summary", Markup.Escape(report.ErrorSummary)));
        WriteKeyValues(console, 0, rows);
        console.WriteLine();
    }

    private static void WriteLog(IAnsiConsole console, ErrorReport report)
    {
        if (report.Log is { } log)
        {
            var parts = new List<string>
            {
                Markup.Escape(log.Path ?? "-"),
                ByteSize.Format(log.SizeBytes),
                log.Lines.ToString("N0", CultureInfo.InvariantCulture) + " lines",
            };
            if (log.TruncatedLines > 0) parts.Add(log.TruncatedLines.ToString("N0", CultureInfo.InvariantCulture) + " long lines truncated");
            if (log.Missing) parts.Add("[yellow]missing[/]");
            console.MarkupLine("[bold]Log[/]  " + string.Join(" · ", parts));
        }

        foreach (var note in report.Notes) console.MarkupLine("[yellow]Note:[/] " + Markup.Escape(note));
    }

    /// <summary>Aligned "label  value" lines. Not a Spectre grid: that pads every cell to the column width, leaving
    /// trailing spaces in files and pipes.</summary>
    /// <param name="rows">Labels as plain text, values as markup (already escaped).</param>
    internal static void WriteKeyValues(IAnsiConsole console, int indent, IReadOnlyList<(string Label, string Value)> rows)
    {
        var width = rows.Max(r => r.Label.Length);
        foreach (var (label, value) in rows)
            console.MarkupLine(new string(' ', indent) + "[bold]" + Markup.Escape(label) + "[/]" + new string(' ', width - label.Length + 2) + value);
    }

    internal static string StatusStyle(string status) => status switch
    {
        "failed" => "bold red",
        "cancelled" => "yellow",
        "completed" => "green",
        "running" => "blue",
        _ => "default",
    };
}
