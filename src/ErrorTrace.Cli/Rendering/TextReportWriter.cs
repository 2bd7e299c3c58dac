using ErrorTrace.Core.Reports;
using Spectre.Console;

namespace ErrorTrace.Cli.Rendering;

/// <summary>The human-readable report, through Spectre so one code path gives colour on a terminal and plain text elsewhere.</summary>
internal sealed class TextReportWriter(IAnsiConsole console) : IReportWriter
{
    private bool _first = true;

    public void Write(ErrorReport report)
    {
        if (!_first) console.WriteLine();
        _first = false;
        TextReportRenderer.Render(console, report);
    }
}
