using BenchmarkDotNet.Attributes;
using ErrorTrace.Benchmarks.Corpus;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Input;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Benchmarks;

/// <summary><see cref="LogFile.Analyze(Stream, AnalysisOptions?, ReportContext?, IProgress{long}?, CancellationToken)"/>
/// end to end on a stream: the 256 KiB read loop, gzip detection and decompression, then the engine.</summary>
[MemoryDiagnoser]
public class LogFileBenchmarks
{
    private static readonly ReportContext Context = new() { JobId = "bench" };

    private byte[] _plain = [];
    private byte[] _gzip = [];

    [GlobalSetup]
    public void Setup()
    {
        _plain = Inputs.Realistic;
        _gzip = Inputs.RealisticGzip;
        Console.WriteLine($"// gzip input: {_gzip.Length:N0} bytes compressed, {_plain.Length:N0} decompressed");
    }

    /// <summary>Bytes/op and MB/s count the decompressed log.</summary>
    [Benchmark]
    [InputBytes(Inputs.RealisticBytes)]
    public ErrorReport GzipStream()
    {
        using var stream = new MemoryStream(_gzip, writable: false);
        return LogFile.Analyze(stream, AnalysisOptions.Default, Context);
    }

    [Benchmark(Baseline = true)]
    [InputBytes(Inputs.RealisticBytes)]
    public ErrorReport PlainStream()
    {
        using var stream = new MemoryStream(_plain, writable: false);
        return LogFile.Analyze(stream, AnalysisOptions.Default, Context);
    }
}
