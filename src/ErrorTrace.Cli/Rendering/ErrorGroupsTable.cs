using System.Globalization;
using ErrorTrace.Core.Rendering;
using ErrorTrace.Core.Reports;
using Spectre.Console;

namespace ErrorTrace.Cli.Rendering;

/// <summary>The distinct errors and warnings, one row each, messages cut to fit the width so every row stays one line.
/// On a narrow terminal the least useful columns go first, so the message keeps a readable width.</summary>
internal static class ErrorGroupsTable
{
    /// <summary>A terminal screenful; the JSON report has the rest.</summary>
    public const int MaxRows = 30;

    private const int MinMessageWidth = 30;

    /// <summary>Columns before the message, in display order.</summary>
    private static readonly GroupColumn[] s_columns =
    [
        new("Level", e => e.Level, 0),
        new("Count", e => e.Count.ToString(CultureInfo.InvariantCulture), 0),
        new("First seen (UTC)", FirstSeen, 3),
        new("Last seen", LastSeen, 1),
        new("Ranks", e => RankList.Format(e.Ranks), 2),
    ];

    public static void Write(IAnsiConsole console, IReadOnlyList<ErrorEntry> errors)
    {
        if (errors.Count == 0) return;
        console.MarkupLine($"[bold underline]Errors and warnings[/] [dim]({errors.Count.ToString(CultureInfo.InvariantCulture)} distinct)[/]");

        var shown = errors.Take(MaxRows).ToList();
        var columns = s_columns.ToList();
        var messageWidth = MessageWidth(console.Profile.Width, columns, shown);
        foreach (var drop in s_columns.Where(c => c.DropOrder > 0).OrderBy(c => c.DropOrder))
        {
            if (messageWidth >= MinMessageWidth) break;
            columns.Remove(drop);
            messageWidth = MessageWidth(console.Profile.Width, columns, shown);
        }

        var table = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey);
        foreach (var column in columns)
        {
            var tableColumn = new TableColumn(column.Header);
            if (column.Header == "Count") tableColumn.RightAligned();
            table.AddColumn(tableColumn);
        }

        table.AddColumn(new TableColumn("Message"));
        foreach (var entry in shown)
        {
            var cells = new List<Spectre.Console.Rendering.IRenderable> { new Markup($"[{LevelStyle(entry.Level)}]{Markup.Escape(entry.Level)}[/]") };
            cells.AddRange(columns.Skip(1).Select(c => new Text(c.Cell(entry))));
            // Cut here rather than let Spectre wrap: a table of multi-line rows is hard to scan.
            cells.Add(new Text(ReportText.Truncate(ReportText.FirstLine(entry.Message), Math.Max(messageWidth, 10))));
            table.AddRow(cells);
        }

        console.Write(table);
        if (errors.Count > MaxRows)
        {
            var more = (errors.Count - MaxRows).ToString(CultureInfo.InvariantCulture);
            console.MarkupLine($"[dim]… and {more} more; --format json lists them all.[/]");
        }

        console.WriteLine();
    }

    /// <summary>What is left for the message after the other columns (as wide as their widest cell) and the borders
    /// (one padding space each side of every cell, plus a rule between and around them).</summary>
    private static int MessageWidth(int width, List<GroupColumn> columns, List<ErrorEntry> rows)
    {
        var fixedWidth = columns.Sum(c => rows.Select(r => c.Cell(r).Length).Append(c.Header.Length).Max());
        var borders = 3 * (columns.Count + 1) + 1;
        return width - fixedWidth - borders;
    }

    private static string FirstSeen(ErrorEntry entry) => entry.Timestamp is { } first
        ? ReportText.Timestamp(first).TrimEnd('Z')
        : "line " + entry.FirstLine.ToString(CultureInfo.InvariantCulture);

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
