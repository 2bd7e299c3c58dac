using ErrorTrace.Core.Reports;

namespace ErrorTrace.Cli.Rendering;

/// <summary>The JSON contract, one document per line (JSON Lines) unless indented for a person at a terminal.</summary>
internal sealed class JsonReportWriter(TextWriter output, bool indented) : IReportWriter
{
    public void Write(ErrorReport report)
    {
        output.WriteLine(ReportJson.Serialize(report, indented));
        output.Flush();
    }
}
