using ErrorTrace.Core.Fleet;
using Spectre.Console;

namespace ErrorTrace.Cli.Fleet;

/// <summary>The text format: one row per signature, most jobs first, then the suspect hosts.</summary>
internal static class FleetTable
{
    /// <summary>Job ids shown per row; the JSON has all of them.</summary>
    private const int JobsShown = 5;

    public static void Write(IAnsiConsole console, FailureList list, int logs)
    {
        console.MarkupLine($"[bold]{list.JobCount}[/] of {logs} logs failed, of [bold]{list.Total}[/] different failures.");
        if (list.Total == 0) return;
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Jobs").RightAligned())
            .AddColumn("Category")
            .AddColumn("Failure")
            .AddColumn("Hosts")
            .AddColumn("Jobs (latest first)");
        foreach (var group in list.Signatures)
        {
            var jobs = string.Join(", ", group.Jobs.Take(JobsShown).Select(j => j.JobId)) + (group.JobCount > JobsShown ? ", …" : "");
            var hosts = string.Join(", ", group.Hosts.Select(h => $"{h.Host} ({h.JobCount})"));
            table.AddRow(
                new Markup($"[bold]{group.JobCount}[/]"),
                new Text(group.Category),
                new Markup($"{Markup.Escape(group.Title)}\n[dim]{Markup.Escape(group.Signature)}[/]"),
                new Text(hosts.Length == 0 ? "—" : hosts),
                new Text(jobs));
        }

        console.Write(table);
        foreach (var suspect in list.SuspectHosts)
            console.MarkupLine($"[yellow]Suspect node[/] [bold]{Markup.Escape(suspect.Host)}[/]: {suspect.JobCount} jobs died there of {suspect.SignatureCount} different failures.");
    }
}
