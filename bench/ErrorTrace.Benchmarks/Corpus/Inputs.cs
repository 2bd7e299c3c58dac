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
    private static readonly Lazy<byte[]> LazyGiantProgressLine = new(() => GiantProgressLine(StressBytes));

    public static byte[] Realistic => LazyRealistic.Value;
    public static byte[] WarningHeavy => LazyWarningHeavy.Value;
    public static byte[] TqdmHeavy => LazyTqdmHeavy.Value;
    public static byte[] Junk => LazyBinaryJunk.Value;

    /// <summary>One physical line of progress-bar frames (<c>\r</c> only, no <c>\n</c>) filling the whole input, then a
    /// traceback: a job that printed a bar for hours without a newline. Its frames cannot be skipped as a whole line
    /// (the line is far longer than a chunk), so they are cut one by one; the cost must stay linear.</summary>
    public static byte[] Giant => LazyGiantProgressLine.Value;

    /// <summary><see cref="Realistic"/> gzipped at the default level, as <c>gzip</c> would write a rotated log.</summary>
    public static byte[] RealisticGzip => LazyRealisticGzip.Value;

    private static byte[] GiantProgressLine(int size)
    {
        var frame = "  5%|#    | 5/100 [00:01<00:19, 4.99it/s]\r"u8;
        var tail = "\nTraceback (most recent call last):\n  File \"train.py\", line 1, in <module>\nValueError: boom\n"u8;
        var data = new byte[size];
        var at = 0;
        for (; at + frame.Length <= size - tail.Length; at += frame.Length) frame.CopyTo(data.AsSpan(at));
        tail.CopyTo(data.AsSpan(at));
        return data.AsSpan(0, at + tail.Length).ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(data);
        return output.ToArray();
    }
}
