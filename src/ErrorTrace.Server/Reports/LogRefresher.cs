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
/// Brings a <see cref="JobAnalysis"/> up to date with its opened log. Same file, same length, not modified since: nothing
/// to do. Same file, longer, head and tail of what was read unchanged, analyzer not completed: only the new bytes are
/// appended. Anything else (rotated, truncated, rewritten in place even at the same length, gzip): a fresh analyzer
/// reads the whole file.
///
/// A finished job (status not running) gets its analyzer completed — the last line is read even without a newline and
/// open blocks are closed — so its report is exactly the CLI's. A running job's analyzer is never completed: its
/// report shows open blocks as read so far and leaves out an unterminated last line until it ends.
/// </summary>
internal static class LogRefresher
{
    /// <summary>Bytes hashed at each end of what was read: enough to catch a rewrite of a header or the last lines,
    /// one page each, so the check costs two reads.</summary>
    public const int EdgeBytes = 4096;

    /// <param name="full">Read from the start even when nothing changed (the kept state cannot answer).</param>
    public static (RefreshKind Kind, long BytesParsed) Refresh(JobAnalysis state, OpenedLog log, bool gzipName, bool finished, bool full, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(log);
        var file = log.Status;
        var handle = log.Handle;
        if (!full && (state.Analyzer is not null || state.Report is not null) && state.File.IsUnchangedFrom(file))
        {
            if (finished && state.Analyzer is { IsComplete: false } current) current.Complete();
            return (RefreshKind.Hit, 0);
        }

        var stopwatch = Stopwatch.StartNew();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        RefreshKind kind;
        long parsed;
        if (!full && state.Analyzer is { IsComplete: false } running && !state.Gzip && state.File.Identity == file.Identity
            && file.Length > state.File.Length && Hash(handle, 0, state.File.Length) == state.HeadHash
            && Hash(handle, state.File.Length - Math.Min(EdgeBytes, state.File.Length), state.File.Length) == state.TailHash)
        {
            kind = RefreshKind.Incremental;
            var before = running.BytesConsumed;
            state.File = file with { Length = AppendRange(running, handle, state.File.Length, file.Length) };
            parsed = running.BytesConsumed - before;
        }
        else
        {
            kind = RefreshKind.Full;
            state.AnalyzerBytes = 0;
            var analyzer = new LogAnalyzer(options);
            state.Gzip = gzipName || StartsWithGzipMagic(handle);
            if (state.Gzip)
            {
                using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 1);
                LogFile.Feed(analyzer, stream);
                state.File = file;
            }
            else
            {
                state.File = file with { Length = AppendRange(analyzer, handle, 0, file.Length) };
            }

            state.Analyzer = analyzer;
            state.LineIndex = state.Gzip ? null : analyzer.LineIndex;
            parsed = analyzer.BytesConsumed;
        }

        var length = state.File.Length;
        state.HeadHash = state.Gzip ? 0 : Hash(handle, 0, Math.Min(EdgeBytes, length));
        state.TailHash = state.Gzip ? 0 : Hash(handle, length - Math.Min(EdgeBytes, length), length);
        if (finished || state.Gzip) state.Analyzer!.Complete();
        state.AnalyzerBytes += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        ServiceMetrics.ParseSeconds.WithLabels(kind == RefreshKind.Full ? "full" : "incremental").Observe(stopwatch.Elapsed.TotalSeconds);
        ServiceMetrics.BytesParsed.Inc(parsed);
        return (kind, parsed);
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

    /// <summary>XxHash64 of bytes [<paramref name="from"/>, <paramref name="to"/>), at most <see cref="EdgeBytes"/> of them.</summary>
    private static ulong Hash(SafeFileHandle handle, long from, long to)
    {
        Span<byte> bytes = stackalloc byte[EdgeBytes];
        var count = (int)Math.Min(EdgeBytes, to - from);
        var read = RandomAccess.Read(handle, bytes[..count], from);
        return XxHash64.HashToUInt64(bytes[..read]);
    }

    private static bool StartsWithGzipMagic(SafeFileHandle handle)
    {
        Span<byte> head = stackalloc byte[2];
        return RandomAccess.Read(handle, head, 0) == 2 && head[0] == 0x1F && head[1] == 0x8B;
    }
}
