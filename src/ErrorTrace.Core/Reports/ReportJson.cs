using System.Text.Json;
using System.Text.Json.Serialization;

namespace ErrorTrace.Core.Reports;

/// <summary>The report's JSON form: snake_case, UTC timestamps ending in <c>Z</c>, nulls kept (the contract has them).</summary>
public static class ReportJson
{
    public static string Serialize(ErrorReport report, bool indented = false) =>
        JsonSerializer.Serialize(report, indented ? ReportJsonContext.Indented.ErrorReport : ReportJsonContext.Default.ErrorReport);

    public static void Serialize(Stream destination, ErrorReport report, bool indented = false) =>
        JsonSerializer.Serialize(destination, report, indented ? ReportJsonContext.Indented.ErrorReport : ReportJsonContext.Default.ErrorReport);

    public static ErrorReport? Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ReportJsonContext.Default.ErrorReport);
}
