using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ErrorTrace.Benchmarks;

/// <summary>
/// One short job for the whole suite (about 3 minutes on 2 cores), memory diagnoser, and throughput columns.
/// </summary>
/// <remarks>
/// In-process on purpose: the default toolchain generates and builds a wrapper project that references this one,
/// and that build would write into the repository's shared <c>artifacts/</c> folder while other engineers build
/// the same projects there. In-process runs need no second build and keep every output under the caller's
/// <c>--artifacts-path</c>.
/// </remarks>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        Add(DefaultConfig.Instance);
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Short-InProcess"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new BytesPerOpColumn(), new ThroughputColumn(best: false), new ThroughputColumn(best: true));
    }
}
