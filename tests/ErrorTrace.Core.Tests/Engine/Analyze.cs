using System.Text;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Input;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Runs the engine over text or bytes held in memory.</summary>
internal static class Analyze
{
    public static ErrorReport Text(string log, ReportContext? context = null) => Bytes(Encoding.UTF8.GetBytes(log), context);

    /// <summary>With the rules alone deciding (no learned fallback): for a rule's near misses, where "no rule fired" is
    /// the point and the default classifier's model would answer in the rules' place.</summary>
    public static ErrorReport ByRules(string log) =>
        Bytes(Encoding.UTF8.GetBytes(log), options: AnalysisOptions.Default with { Classifier = FailureClassifiers.Rules() });

    public static ErrorReport Bytes(byte[] log, ReportContext? context = null, AnalysisOptions? options = null)
    {
        using var stream = new MemoryStream(log);
        return LogFile.Analyze(stream, options ?? AnalysisOptions.Default, context ?? new ReportContext { JobId = "t" });
    }

    /// <summary>Feeds the log in chunks of the given sizes (cycled), to exercise every chunk boundary.</summary>
    public static ErrorReport Chunked(byte[] log, int chunk)
    {
        var analyzer = new LogAnalyzer();
        for (var i = 0; i < log.Length; i += chunk) analyzer.Append(log.AsSpan(i, Math.Min(chunk, log.Length - i)));
        analyzer.Complete();
        return analyzer.CreateReport(new ReportContext { JobId = "t" });
    }

    /// <summary>The report as JSON without the fields that legitimately depend on the bytes' layout (log size).</summary>
    public static string Comparable(ErrorReport report) => ReportJson.Serialize(report with { Log = null });

    /// <summary>For envelope properties: an envelope is what the environment reads (a CRI envelope says Kubernetes, Ray's
    /// label names a host, every envelope adds bytes to the scanned head), so only the rest must not change.</summary>
    public static string ComparableBesidesEnvironment(ErrorReport report) => Comparable(report with
    {
        Environment = null,
        Traceback = report.Traceback is null ? null : report.Traceback with { Host = null },
        Tracebacks = report.Tracebacks.Select(t => t with { Host = null }).ToList(),
    });
}
