using System.Globalization;
using ErrorTrace.Core.Rendering;
using ErrorTrace.Core.Reports;
using Spectre.Console;

namespace ErrorTrace.Cli.Rendering;

/// <summary>
/// The runs of a log that holds several (a <c>nohup.out</c> collecting launches, Slurm requeues): one line per run,
/// the root cause's run marked, so the reader sees at once that the traceback above is from the last launch and what
/// the earlier ones died of.
/// </summary>
internal static class RunsSection
{
    /// <summary>The last runs shown; a terminal report stays a screenful on a log of hundreds of launches.</summary>
    internal const int MaxRuns = 10;

    public static void Write(IAnsiConsole console, IReadOnlyList<RunInfo>? runs)
    {
        if (runs is null || runs.Count < 2) return;
        console.MarkupLine("[bold underline]Runs[/]  " + Markup.Escape(ReportText.RunsHeadline(runs)));
        var shown = ReportText.LastRuns(runs, MaxRuns);
        if (runs.Count > shown.Count) console.MarkupLine($"  [dim]… {runs.Count - shown.Count} earlier failed runs (see --format json)[/]");
        var runWidth = shown.Max(r => r.Run.ToString(CultureInfo.InvariantCulture).Length);
        var linesWidth = shown.Max(r => ReportText.RunLines(r).Length);
        var byWidth = shown.Max(r => (r.StartedBy ?? "").Length);
        foreach (var run in shown)
        {
            var head = (run.IsRootRun ? "▸ " : "  ") + "run " + run.Run.ToString(CultureInfo.InvariantCulture).PadLeft(runWidth)
                + "  " + ReportText.RunLines(run).PadRight(linesWidth) + "  " + (run.StartedBy ?? "").PadRight(byWidth) + "  ";
            var line = TextWrap.Lines(ReportText.RunOutcome(run), head, console.Profile.Width);
            var style = run.IsRootRun ? "bold" : run.RootCause is null ? "dim" : "default";
            console.MarkupLine($"[{style}]{Markup.Escape(line[0])}[/]");
            foreach (var more in line.Skip(1)) console.MarkupLine($"[{style}]{Markup.Escape(more)}[/]");
        }

        console.WriteLine();
    }
}
