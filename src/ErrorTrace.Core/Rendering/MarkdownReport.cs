using System.Globalization;
using System.Text;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Rendering;

/// <summary>
/// Renders a report as GitHub-flavoured Markdown, ready to paste into an issue: a summary table, the analysis,
/// the root-cause traceback in a <c>pytb</c> block, and the error groups. Pure string building so the CLI and
/// the web service render the same text.
/// </summary>
public static class MarkdownReport
{
    /// <summary>Keeps a pasted report well under GitHub's 65,536-character comment limit on noisy logs.</summary>
    public const int MaxGroupRows = 50;

    public const int MaxMessageChars = 300;

    /// <summary>A <c>nohup.out</c> can collect hundreds of launches; the last ones are the ones a reader compares.</summary>
    public const int MaxRunRows = 20;

    public static string Render(ErrorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("## errortrace: job ").Append(MarkdownText.Code(report.JobId)).Append("\n\n");
        AppendSummary(md, report);
        AppendAnalysis(md, report.Analysis);
        AppendRootCause(md, report.Traceback);
        AppendRuns(md, report.Runs);
        AppendGroups(md, report.Errors);
        AppendOtherTracebacks(md, report);
        AppendNotes(md, report.Notes);
        return md.ToString();
    }

    private static void AppendSummary(StringBuilder md, ErrorReport report)
    {
        md.Append(MarkdownText.Row("Field", "Value")).Append(MarkdownText.Row("---", "---"));
        md.Append(MarkdownText.Row("Status", MarkdownText.Inline(report.Status)));
        if (!string.IsNullOrWhiteSpace(report.ErrorSummary))
            md.Append(MarkdownText.Row("Summary", MarkdownText.Inline(report.ErrorSummary)));
        if (report.Analysis is { } analysis)
        {
            md.Append(MarkdownText.Row("Category", MarkdownText.Code(analysis.ErrorType) + " (" + MarkdownText.Inline(analysis.Confidence) + " confidence)"));
            md.Append(MarkdownText.Row("Phase", MarkdownText.Inline(analysis.ErrorPhase)));
        }

        if (report.Traceback is { } root)
        {
            md.Append(MarkdownText.Row("Root cause", MarkdownText.Code(ReportText.Truncate(ReportText.ExceptionLine(root), MaxMessageChars))));
            md.Append(MarkdownText.Row("Where", MarkdownText.Inline(ReportText.Where(root))));
        }

        if (report.Log is { } log)
        {
            var text = (log.Path is null ? "" : MarkdownText.Code(log.Path) + ", ")
                + MarkdownText.Inline(ByteSize.Format(log.SizeBytes) + ", " + log.Lines.ToString("N0", CultureInfo.InvariantCulture) + " lines");
            md.Append(MarkdownText.Row("Log", text));
        }

        md.Append('\n');
    }

    private static void AppendAnalysis(StringBuilder md, FailureAnalysis? analysis)
    {
        if (analysis is null) return;
        md.Append("### Analysis\n\n").Append(MarkdownText.Inline(analysis.Description)).Append("\n\n");
        if (analysis.Suggestions.Count > 0)
        {
            md.Append("**Suggestions**\n\n");
            foreach (var suggestion in analysis.Suggestions.Take(FailureAnalysis.ShownSuggestions))
                md.Append("- ").Append(MarkdownText.Inline(suggestion)).Append('\n');
            md.Append('\n');
            if (analysis.Suggestions.Count > FailureAnalysis.ShownSuggestions)
            {
                md.Append("More:\n\n");
                foreach (var suggestion in analysis.Suggestions.Skip(FailureAnalysis.ShownSuggestions))
                    md.Append("- ").Append(MarkdownText.Inline(suggestion)).Append('\n');
                md.Append('\n');
            }
        }

        if (analysis.RuleId is not null) md.Append("Rule: ").Append(MarkdownText.Code(analysis.RuleId)).Append("\n\n");
        if (analysis.Evidence.Count > 0)
        {
            md.Append("**Evidence**\n\n");
            var width = analysis.Evidence.Max(e => e.Line).ToString(CultureInfo.InvariantCulture).Length;
            var lines = analysis.Evidence.Select(e => e.Line.ToString(CultureInfo.InvariantCulture).PadLeft(width) + ": " + e.Text);
            md.Append(MarkdownText.Fenced(string.Join('\n', lines), "text")).Append('\n');
        }
    }

    private static void AppendRootCause(StringBuilder md, TracebackInfo? root)
    {
        md.Append("### Root-cause traceback\n\n");
        if (root is null)
        {
            md.Append("No traceback or fatal error was found in the log.\n\n");
            return;
        }

        md.Append(MarkdownText.Fenced(string.IsNullOrWhiteSpace(root.Raw) ? ReportText.ExceptionLine(root) : root.Raw, "pytb")).Append('\n');
    }

    private static void AppendRuns(StringBuilder md, IReadOnlyList<RunInfo>? runs)
    {
        if (runs is null || runs.Count < 2) return;
        md.Append("### Runs\n\n").Append(MarkdownText.Inline(ReportText.RunsHeadline(runs))).Append(".\n\n");
        md.Append(MarkdownText.Row("Run", "Lines", "Started by", "Failed with"));
        md.Append(MarkdownText.Row("---:", "---", "---", "---"));
        var shown = ReportText.LastRuns(runs, MaxRunRows);
        foreach (var run in shown)
        {
            var outcome = run.RootCause is null ? ReportText.RunOutcome(run) : MarkdownText.Code(ReportText.Truncate(ReportText.RunOutcome(run), MaxMessageChars));
            md.Append(MarkdownText.Row(
                run.Run.ToString(CultureInfo.InvariantCulture) + (run.IsRootRun ? " (root cause)" : ""),
                ReportText.RunLines(run),
                MarkdownText.Inline(run.StartedBy ?? "—"),
                outcome));
        }

        if (runs.Count > shown.Count) md.Append("\n…and ").Append(runs.Count - shown.Count).Append(" earlier failed runs (see the JSON report).\n");
        md.Append('\n');
    }

    private static void AppendGroups(StringBuilder md, IReadOnlyList<ErrorEntry> errors)
    {
        if (errors.Count == 0) return;
        md.Append("### Errors and warnings\n\n");
        md.Append(MarkdownText.Row("Level", "Count", "First seen", "Last seen", "Ranks", "Message"));
        md.Append(MarkdownText.Row("---", "---:", "---", "---", "---", "---"));
        foreach (var entry in errors.Take(MaxGroupRows))
        {
            md.Append(MarkdownText.Row(
                MarkdownText.Inline(entry.Level),
                entry.Count.ToString(CultureInfo.InvariantCulture),
                entry.Timestamp is { } first ? ReportText.Timestamp(first) : "line " + entry.FirstLine.ToString(CultureInfo.InvariantCulture),
                entry.LastTimestamp is { } last ? ReportText.Timestamp(last) : "",
                MarkdownText.Inline(RankList.Format(entry.Ranks)),
                MarkdownText.Inline(ReportText.Truncate(ReportText.FirstLine(entry.Message), MaxMessageChars))));
        }

        if (errors.Count > MaxGroupRows)
            md.Append("\n…and ").Append(errors.Count - MaxGroupRows).Append(" more groups (see the JSON report).\n");
        md.Append('\n');
    }

    private static void AppendOtherTracebacks(StringBuilder md, ErrorReport report)
    {
        var others = ReportText.OtherTracebacks(report);
        if (others.Count == 0) return;
        md.Append("### Other tracebacks\n\n");
        foreach (var other in others)
        {
            md.Append("- ").Append(MarkdownText.Code(ReportText.Truncate(ReportText.ExceptionLine(other), MaxMessageChars)))
                .Append(" — ").Append(MarkdownText.Inline(ReportText.Where(other)));
            if (other.Secondary) md.Append(" (cascade)");
            md.Append('\n');
        }

        md.Append('\n');
    }

    private static void AppendNotes(StringBuilder md, IReadOnlyList<string> notes)
    {
        foreach (var note in notes) md.Append("> ").Append(MarkdownText.Inline(note)).Append('\n');
        if (notes.Count > 0) md.Append('\n');
    }
}
