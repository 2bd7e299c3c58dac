using System.Buffers;
using System.Diagnostics;
using System.IO.Hashing;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Input;
using ErrorTrace.Server.Logs;
using ErrorTrace.Server.Telemetry;
using Microsoft.Win32.SafeHandles;

namespace ErrorTrace.Server.Reports;

/// <summary>
/// Brings a <see cref="JobAnalysis"/> up to date with its log file. Same identity and length: nothing to do. Same
/// identity, longer, tail unchanged, analyzer not completed: only the new bytes are appended. Anything else: a fresh
/// analyzer reads the whole file. Gzip logs are always read whole and completed.
///
/// A finished job (status not running) gets its analyzer completed — the last line is read even without a newline and
/// open blocks are closed — so its report is exactly the CLI's. If such a log grows later, it is read again from the
/// start. A running job's analyzer is never completed: its report shows open blocks as read so far and leaves out an
/// unterminated last line until it ends.
/// </summary>
internal static class LogRefresher
{
    public const int TailBytes = 4096;

    public static (RefreshKind Kind, long BytesParsed) Refresh(JobAnalysis state, string path, bool finished, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (FileStat.Of(path) is not var (identity, length)) return (RefreshKind.Vanished, 0);

        if (state.Analyzer is { } current && state.Identity == identity && state.Length == length)
        {
            if (finished && !current.IsComplete) current.Complete();
            return (RefreshKind.Hit, 0);
        }

        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);
            var stopwatch = Stopwatch.StartNew();
            RefreshKind kind;
            long parsed;
            if (state.Analyzer is { IsComplete: false } running && !state.Gzip && state.Identity == identity
                && length > state.Length && TailHash(handle, state.Length) == state.TailHash)
            {
                kind = RefreshKind.Incremental;
                var before = running.BytesConsumed;
                state.Length = AppendRange(running, handle, state.Length, length);
                parsed = running.BytesConsumed - before;
            }
            else
            {
                kind = RefreshKind.Full;
                var analyzer = new LogAnalyzer(options);
                state.Gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || StartsWithGzipMagic(handle);
                if (state.Gzip)
                {
                    using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 1);
                    LogFile.Feed(analyzer, stream);
                    state.Length = length;
                }
                else
                {
                    state.Length = AppendRange(analyzer, handle, 0, length);
                }

                state.Analyzer = analyzer;
                parsed = analyzer.BytesConsumed;
            }

            state.Identity = identity;
            state.TailHash = state.Gzip ? 0 : TailHash(handle, state.Length);
            if (finished || state.Gzip) state.Analyzer!.Complete();
            ServiceMetrics.ParseSeconds.WithLabels(kind == RefreshKind.Full ? "full" : "incremental").Observe(stopwatch.Elapsed.TotalSeconds);
            ServiceMetrics.BytesParsed.Inc(parsed);
            return (kind, parsed);
        }
        catch (FileNotFoundException)
        {
            return (RefreshKind.Vanished, 0);
        }
        catch (DirectoryNotFoundException)
        {
            return (RefreshKind.Vanished, 0);
        }
    }

    /// <summary>Appends bytes [<paramref name="from"/>, <paramref name="to"/>) and returns where it stopped (earlier if
    /// the file was truncated meanwhile).</summary>
    private static long AppendRange(LogAnalyzer analyzer, SafeFileHandle handle, long from, long to)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(LogFile.ChunkBytes);
        try
        {
            var position = from;
            while (position < to)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(LogFile.ChunkBytes, to - position)), position);
                if (read == 0) break;
                analyzer.Append(buffer.AsSpan(0, read));
                position += read;
            }

            return position;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ulong TailHash(SafeFileHandle handle, long end)
    {
        var count = (int)Math.Min(TailBytes, end);
        Span<byte> tail = stackalloc byte[TailBytes];
        var read = RandomAccess.Read(handle, tail[..count], end - count);
        return XxHash64.HashToUInt64(tail[..read]);
    }

    private static bool StartsWithGzipMagic(SafeFileHandle handle)
    {
        Span<byte> head = stackalloc byte[2];
        return RandomAccess.Read(handle, head, 0) == 2 && head[0] == 0x1F && head[1] == 0x8B;
    }
}
