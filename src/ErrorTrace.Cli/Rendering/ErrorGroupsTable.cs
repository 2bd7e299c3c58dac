using System.Globalization;
using ErrorTrace.Core.Rendering;
using ErrorTrace.Core.Reports;
using Spectre.Console;

namespace ErrorTrace.Cli.Rendering;

/// <summary>The distinct errors and warnings, one row each, messages cut to fit the width so every row stays one line.</summary>
internal static class ErrorGroupsTable
{
    /// <summary>A terminal screenful; the JSON report has the rest.</summary>
    public const int MaxRows = 30;

    private const int MinMessageWidth = 20;

    public static void Write(IAnsiConsole console, IReadOnlyList<ErrorEntry> errors)
    {
        if (errors.Count == 0) return;
        console.MarkupLine($"[bold underline]Errors and warnings[/] [dim]({errors.Count.ToString(CultureInfo.InvariantCulture)} distinct)[/]");

        var rows = errors.Take(MaxRows).Select(Cells).ToList();
        string[] headers = ["Level", "Count", "First seen (UTC)", "Last seen", "Ranks", "Message"];
        // Spectre would wrap a long message over many lines; cutting it ourselves keeps the table scannable.
        var fixedWidth = Enumerable.Range(0, headers.Length - 1)
            .Sum(column => rows.Select(r => r[column].Length).Append(headers[column].Length).Max());
        var borders = 3 * headers.Length + 1;
        var messageWidth = Math.Max(MinMessageWidth, console.Profile.Width - fixedWidth - borders);

        var table = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey);
        foreach (var header in headers) table.AddColumn(new TableColumn(header));
        table.Columns[1].RightAligned();
        foreach (var (entry, cells) in errors.Zip(rows))
        {
            table.AddRow(
                new Markup($"[{LevelStyle(entry.Level)}]{Markup.Escape(cells[0])}[/]"),
                new Text(cells[1]),
                new Text(cells[2]),
                new Text(cells[3]),
                new Text(cells[4]),
                new Text(ReportText.Truncate(cells[5], messageWidth)));
        }

        console.Write(table);
        if (errors.Count > MaxRows)
        {
            var more = (errors.Count - MaxRows).ToString(CultureInfo.InvariantCulture);
            console.MarkupLine($"[dim]… and {more} more; --format json lists them all.[/]");
        }

        console.WriteLine();
    }

    private static string[] Cells(ErrorEntry entry) =>
    [
        entry.Level,
        entry.Count.ToString(CultureInfo.InvariantCulture),
        entry.Timestamp is { } first ? ReportText.Timestamp(first).TrimEnd('Z') : "line " + entry.FirstLine.ToString(CultureInfo.InvariantCulture),
        LastSeen(entry),
        RankList.Format(entry.Ranks),
        ReportText.FirstLine(entry.Message),
    ];

    /// <summary>Only the time when it is the same day as the first occurrence: the date would just repeat.</summary>
    private static string LastSeen(ErrorEntry entry)
    {
        if (entry.LastTimestamp is not { } last) return "";
        if (entry.Timestamp is { } first && first.Date == last.Date) return last.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return ReportText.Timestamp(last).TrimEnd('Z');
    }

    private static string LevelStyle(string level) => level switch
    {
        "error" => "red",
        "warning" => "yellow",
        _ => "default",
    };
}
