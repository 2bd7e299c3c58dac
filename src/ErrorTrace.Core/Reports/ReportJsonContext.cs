using System.Text.Json;
using System.Text.Json.Serialization;

namespace ErrorTrace.Core.Reports;

/// <summary>Source-generated serializer metadata: no reflection, trimming- and AOT-safe.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ErrorReport))]
public sealed partial class ReportJsonContext : JsonSerializerContext
{
    private static ReportJsonContext? s_indented;

    /// <summary>The same metadata, pretty-printed.</summary>
    public static ReportJsonContext Indented => s_indented ??= new ReportJsonContext(new JsonSerializerOptions(Default.Options) { WriteIndented = true });
}
