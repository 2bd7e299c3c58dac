using ErrorTrace.Core.Reports;

namespace ErrorTrace.Cli.Rendering;

/// <summary>Writes reports one after another, as each log is analysed, so the first result shows before the last log is read.</summary>
internal interface IReportWriter
{
    void Write(ErrorReport report);
}
