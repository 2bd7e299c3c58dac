using System.IO.Compression;

namespace ErrorTrace.Benchmarks.Corpus;

/// <summary>The benchmark inputs, generated once per process and shared by every benchmark that needs them.</summary>
public static class Inputs
{
    public const int RealisticBytes = 64 * 1024 * 1024;
    public const int StressBytes = 32 * 1024 * 1024;

    private static readonly Lazy<byte[]> LazyRealistic = new(() => SyntheticLog.Generate(LogShape.Realistic, RealisticBytes));
    private static readonly Lazy<byte[]> LazyWarningHeavy = new(() => SyntheticLog.Generate(LogShape.WarningHeavy, StressBytes));
    private static readonly Lazy<byte[]> LazyTqdmHeavy = new(() => SyntheticLog.Generate(LogShape.TqdmHeavy, StressBytes));
    private static readonly Lazy<byte[]> LazyBinaryJunk = new(() => BinaryJunk.Generate(StressBytes));
    private static readonly Lazy<byte[]> LazyRealisticGzip = new(() => Gzip(Realistic));

    public static byte[] Realistic => LazyRealistic.Value;
    public static byte[] WarningHeavy => LazyWarningHeavy.Value;
    public static byte[] TqdmHeavy => LazyTqdmHeavy.Value;
    public static byte[] Junk => LazyBinaryJunk.Value;

    /// <summary><see cref="Realistic"/> gzipped at the default level, as <c>gzip</c> would write a rotated log.</summary>
    public static byte[] RealisticGzip => LazyRealisticGzip.Value;

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(data);
        return output.ToArray();
    }
}
