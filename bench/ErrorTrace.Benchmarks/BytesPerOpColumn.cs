using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ErrorTrace.Benchmarks;

/// <summary>Prints the input size of each benchmark so throughput can be derived from any exported result.</summary>
public sealed class BytesPerOpColumn : IColumn
{
    public string Id => nameof(BytesPerOpColumn);
    public string ColumnName => "Bytes/op";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Size;
    public string Legend => "Log bytes (decompressed) read by one operation";

    public static long? Of(BenchmarkCase benchmarkCase) =>
        benchmarkCase?.Descriptor.WorkloadMethod.GetCustomAttribute<InputBytesAttribute>()?.Bytes;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => Of(benchmarkCase)?.ToString("N0") ?? "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
