using BenchmarkDotNet.Attributes;
using ErrorTrace.Benchmarks.Corpus;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Benchmarks;

/// <summary>The engine alone on in-memory logs: one operation is a fresh analyzer, the whole input appended,
/// <see cref="LogAnalyzer.Complete"/> and <see cref="LogAnalyzer.CreateReport"/>.</summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private static readonly ReportContext Context = new() { JobId = "bench" };

    private byte[] _realistic = [];
    private byte[] _warningHeavy = [];
    private byte[] _tqdmHeavy = [];
    private byte[] _junk = [];
    private byte[] _giant = [];

    [GlobalSetup]
    public void Setup()
    {
        _realistic = Inputs.Realistic;
        _warningHeavy = Inputs.WarningHeavy;
        _tqdmHeavy = Inputs.TqdmHeavy;
        _junk = Inputs.Junk;
        _giant = Inputs.Giant;
    }

    /// <summary>The whole 64 MiB in one <see cref="LogAnalyzer.Append"/>: the best case for the scanner.</summary>
    [Benchmark(Baseline = true)]
    [InputBytes(Inputs.RealisticBytes)]
    public ErrorReport RealisticWholeBuffer() => Analyze(_realistic, int.MaxValue);

    /// <summary>The same bytes in <see cref="Core.Input.LogFile.ChunkBytes"/> chunks, as files are read: lines cross chunk edges.</summary>
    [Benchmark]
    [InputBytes(Inputs.RealisticBytes)]
    public ErrorReport RealisticChunked() => Analyze(_realistic, Core.Input.LogFile.ChunkBytes);

    [Benchmark]
    [InputBytes(Inputs.StressBytes)]
    public ErrorReport WarningHeavy() => Analyze(_warningHeavy, Core.Input.LogFile.ChunkBytes);

    [Benchmark]
    [InputBytes(Inputs.StressBytes)]
    public ErrorReport TqdmHeavy() => Analyze(_tqdmHeavy, Core.Input.LogFile.ChunkBytes);

    /// <summary>One 32 MiB line of progress-bar frames: its frames are cut one by one (linear, not a look-ahead per frame).</summary>
    [Benchmark]
    [InputBytes(Inputs.StressBytes)]
    public ErrorReport GiantProgressLine() => Analyze(_giant, Core.Input.LogFile.ChunkBytes);

    [Benchmark]
    [InputBytes(Inputs.StressBytes)]
    public ErrorReport BinaryJunk() => Analyze(_junk, Core.Input.LogFile.ChunkBytes);

    private static ErrorReport Analyze(byte[] data, int chunkBytes)
    {
        var analyzer = new LogAnalyzer(AnalysisOptions.Default);
        for (var offset = 0; offset < data.Length; offset += chunkBytes)
        {
            analyzer.Append(data.AsSpan(offset, Math.Min(chunkBytes, data.Length - offset)));
        }

        analyzer.Complete();
        return analyzer.CreateReport(Context);
    }
}
