using System.Globalization;
using ErrorTrace.Core.Fleet;
using ErrorTrace.Core.Rendering;

namespace ErrorTrace.Cli.Fleet;

/// <summary>The Markdown format: a table for an issue or a postmortem.</summary>
internal static class FleetMarkdown
{
    public static void Write(TextWriter writer, FailureList list, int logs)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(list);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"**{list.JobCount}** of {logs} logs failed, of **{list.Total}** different failures."));
        if (list.Total == 0) return;
        writer.WriteLine();
        writer.WriteLine("| Jobs | Category | Failure | Hosts | Jobs (latest first) |");
        writer.WriteLine("|---:|---|---|---|---|");
        foreach (var group in list.Signatures)
        {
            var hosts = string.Join(", ", group.Hosts.Select(h => $"{h.Host} ({h.JobCount})"));
            var jobs = string.Join(", ", group.Jobs.Select(j => $"`{j.JobId}`"));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.JobCount} | `{group.Category}` | {Cell(group.Title)}<br>`{group.Signature}` | {Cell(hosts.Length == 0 ? "—" : hosts)} | {jobs} |"));
        }

        if (list.SuspectHosts.Count == 0) return;
        writer.WriteLine();
        foreach (var suspect in list.SuspectHosts)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- **Suspect node {Cell(suspect.Host)}**: {suspect.JobCount} jobs died there of {suspect.SignatureCount} different failures."));
    }

    /// <summary>Escaped for a table cell: pipes and Markdown's own characters.</summary>
    private static string Cell(string text) => MarkdownText.Inline(text);
}
