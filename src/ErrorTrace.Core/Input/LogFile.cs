using System.IO.Compression;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Input;

/// <summary>Reads a whole log (a file, <c>-</c> for stdin, or any stream) through a <see cref="LogAnalyzer"/>.
/// Gzip is recognised by its magic bytes, not only by the <c>.gz</c> name.</summary>
public static class LogFile
{
    /// <summary>Big enough that the per-chunk overhead vanishes, small enough to stay in L2 and keep peak memory low.</summary>
    public const int ChunkBytes = 256 * 1024;

    /// <summary>Analyzes a file (<c>-</c>: stdin). <paramref name="memoryMap"/>: read a regular, uncompressed file through
    /// memory-mapped windows instead of copies (<see cref="MappedFileFeed"/>: faster, but a file truncated meanwhile
    /// kills the process, so only for one-shot runs). <paramref name="twoCores"/>: a mapped file of at least
    /// <see cref="RangeSplit.MinimumBytes"/> is read in two ranges on two threads when the process may run on two cores
    /// (<see cref="RangeSplit"/>: the same report as one pass); a server keeps one thread per request.</summary>
    public static ErrorReport Analyze(string path, AnalysisOptions? options = null, ReportContext? context = null,
        IProgress<long>? progress = null, bool memoryMap = false, bool twoCores = false, CancellationToken cancellationToken = default)
    {
        context ??= new ReportContext { JobId = JobIdFromPath(path) ?? "unknown" };
        if (path == "-")
        {
            using var stdin = Console.OpenStandardInput();
            return Analyze(stdin, options, context with { LogPath = context.LogPath ?? "-" }, progress, cancellationToken);
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
            bufferSize: 1, FileOptions.SequentialScan);
        var length = file.CanSeek ? file.Length : 0;
        var sized = context with { LogPath = context.LogPath ?? path, LogSizeBytes = context.LogSizeBytes ?? length };
        if (!memoryMap || length < MappedFileFeed.MinimumBytes || StartsWithGzip(file))
            return Analyze(file, options, sized, progress, cancellationToken);
        if (twoCores && length >= RangeSplit.MinimumBytes && Environment.ProcessorCount >= 2)
            return Run(options, sized, analyzer => MappedFileFeed.FeedInRanges(analyzer, file, length, progress, cancellationToken));
        return Run(options, sized, analyzer => MappedFileFeed.Feed(analyzer, file, length, progress, cancellationToken));
    }

    public static ErrorReport Analyze(Stream stream, AnalysisOptions? options = null, ReportContext? context = null,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        Run(options, context ?? new ReportContext(), analyzer => Feed(analyzer, stream, progress, cancellationToken));

    private static ErrorReport Run(AnalysisOptions? options, ReportContext context, Action<LogAnalyzer> feed)
    {
        var analyzer = new LogAnalyzer(options ?? AnalysisOptions.Default);
        feed(analyzer);
        analyzer.Complete();
        return analyzer.CreateReport(context);
    }

    /// <summary>Peeks at a seekable file's first bytes and rewinds: a gzip file is decompressed, never mapped.</summary>
    private static bool StartsWithGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[GzipHeaderBytes];
        var read = file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        file.Position = 0;
        return read == magic.Length && IsGzip(magic);
    }

    /// <summary>Feeds a stream to an analyzer chunk by chunk, decompressing gzip when the stream starts with a gzip header.
    /// Content that only starts with gzip's magic bytes is text. A gzip stream that breaks off after some data keeps what
    /// was decompressed and says so in the report's notes; one that yields nothing at all throws
    /// <see cref="InvalidDataException"/> (the CLI's exit code 4, the service's problem details): a file that is gzip
    /// but unreadable is an answer of its own, not an empty report.</summary>
    public static void Feed(LogAnalyzer analyzer, Stream stream, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[ChunkBytes];
        var head = ReadAtLeast(stream, buffer, GzipHeaderBytes);
        if (!IsGzip(buffer.AsSpan(0, head)))
        {
            analyzer.Append(buffer.AsSpan(0, head));
            Copy(analyzer, stream, stream, buffer, head, progress, cancellationToken);
            return;
        }

        try
        {
            using var gzip = new GZipStream(new PrefixedStream(buffer.AsSpan(0, head).ToArray(), stream), CompressionMode.Decompress);
            Copy(analyzer, gzip, stream, buffer, 0, progress, cancellationToken);
        }
        catch (InvalidDataException) when (analyzer.BytesConsumed > 0)
        {
            analyzer.NoteInput($"The gzip stream is corrupt or truncated after {analyzer.BytesConsumed:N0} decompressed bytes; the rest of the file was not read.");
        }
    }

    /// <summary>Appends everything <paramref name="source"/> gives; progress is the position in <paramref name="file"/>
    /// (the compressed bytes read, for gzip) when it can seek. Returns the bytes appended.</summary>
    private static long Copy(LogAnalyzer analyzer, Stream source, Stream file, byte[] buffer, long total, IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            analyzer.Append(buffer.AsSpan(0, read));
            total += read;
            progress?.Report(ReferenceEquals(source, file) || !file.CanSeek ? total : file.Position);
        }

        return total;
    }

    /// <summary><c>logs/job_123.log</c> and <c>job_123.log.gz</c> give <c>123</c>; anything else gives null.</summary>
    public static string? JobIdFromPath(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) name = name[..^3];
        if (name.EndsWith(".log", StringComparison.OrdinalIgnoreCase)) name = name[..^4];
        return name.StartsWith("job_", StringComparison.Ordinal) && name.Length > 4 ? name[4..] : null;
    }

    /// <summary>RFC 1952, 2.3: ID1 = 0x1F, ID2 = 0x8B, CM = 8 (deflate, the only method defined), FLG's reserved bits 5–7
    /// zero. Checking CM and FLG too keeps text or binary junk that happens to start with the two magic bytes from being
    /// fed to the decompressor.</summary>
    private static bool IsGzip(ReadOnlySpan<byte> head) =>
        head.Length >= GzipHeaderBytes && head[0] == 0x1F && head[1] == 0x8B && head[2] == 8 && (head[3] & 0xE0) == 0;

    /// <summary>ID1, ID2, CM and FLG: what <see cref="IsGzip"/> checks.</summary>
    private const int GzipHeaderBytes = 4;

    private static int ReadAtLeast(Stream stream, byte[] buffer, int minimum)
    {
        var total = 0;
        while (total < minimum)
        {
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0) break;
            total += read;
        }

        return total;
    }
}
