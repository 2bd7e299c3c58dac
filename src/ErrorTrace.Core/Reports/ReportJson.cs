using System.Text.Json;

namespace ErrorTrace.Core.Reports;

/// <summary>The report's JSON form: snake_case, UTC timestamps ending in <c>Z</c>, nulls kept (the contract has them).</summary>
public static class ReportJson
{
    /// <summary>The serializer's defaults, which the report's JSON has always had: escaped non-ASCII, no indentation.</summary>
    private static readonly JsonWriterOptions s_compact = new() { Indented = false };

    private static readonly JsonWriterOptions s_indented = new() { Indented = true };

    public static string Serialize(ErrorReport report, bool indented = false)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, indented ? s_indented : s_compact)) ReportJsonWriter.Write(writer, report);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Serialize(Stream destination, ErrorReport report, bool indented = false)
    {
        using var writer = new Utf8JsonWriter(destination, indented ? s_indented : s_compact);
        ReportJsonWriter.Write(writer, report);
    }

    public static ErrorReport? Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ReportJsonContext.Default.ErrorReport);
}
