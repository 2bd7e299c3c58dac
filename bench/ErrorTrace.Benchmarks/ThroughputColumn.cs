using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ErrorTrace.Benchmarks;

/// <summary>Decimal MB (10^6 bytes) per second from <see cref="InputBytesAttribute"/> and the measured time per
/// operation: the median, or with <c>best</c> the fastest iteration (the least disturbed by other builds on a
/// shared machine).</summary>
public sealed class ThroughputColumn(bool best) : IColumn
{
    public string Id => best ? "ThroughputBest" : "ThroughputMedian";
    public string ColumnName => best ? "Best MB/s" : "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => best ? 2 : 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => best
        ? "Input MB (10^6 bytes) per second in the fastest iteration"
        : "Input MB (10^6 bytes) per second at the median time per operation";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var bytes = BytesPerOpColumn.Of(benchmarkCase);
        var stats = summary[benchmarkCase]?.ResultStatistics;
        if (bytes is null || stats is null) return "-";
        var nanoseconds = best ? stats.Min : stats.Median;
        return nanoseconds <= 0 ? "-" : (bytes.Value / nanoseconds * 1e3).ToString("N0");
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
