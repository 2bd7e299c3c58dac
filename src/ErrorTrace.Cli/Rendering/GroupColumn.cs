using ErrorTrace.Core.Reports;

namespace ErrorTrace.Cli.Rendering;

/// <summary>A column of <see cref="ErrorGroupsTable"/> before the message.</summary>
/// <param name="DropOrder">Which goes first when the terminal is narrow (1 first); 0 means always shown.</param>
internal sealed record GroupColumn(string Header, Func<ErrorEntry, string> Cell, int DropOrder);
