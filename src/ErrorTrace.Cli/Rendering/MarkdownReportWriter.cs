using ErrorTrace.Core.Rendering;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Cli.Rendering;

/// <summary>Markdown for a GitHub issue; the rendering itself is shared with the web service (<see cref="MarkdownReport"/>).</summary>
internal sealed class MarkdownReportWriter(TextWriter output) : IReportWriter
{
    private bool _first = true;

    public void Write(ErrorReport report)
    {
        // Each report opens with its own heading; a rule between them keeps several jobs apart when pasted together.
        if (!_first) output.Write("---\n\n");
        _first = false;
        output.Write(MarkdownReport.Render(report));
        output.Flush();
    }
}
