using System.IO.MemoryMappedFiles;
using ErrorTrace.Core.Analysis;

namespace ErrorTrace.Core.Input;

/// <summary>
/// Feeds a regular file to an analyzer through memory-mapped windows instead of <c>read()</c> copies: the engine reads
/// the page cache in place, so the kernel's copy of every byte into a user buffer (about a tenth of a one-core run on
/// a cached 1 GiB log) is gone. The same trade-off as ripgrep's <c>--mmap</c>: if another process truncates the file
/// while a window is being read, the kernel kills the process with SIGBUS. So only the CLI asks for it (one run over a
/// file, <c>--no-mmap</c> to opt out); the server, which reads the logs of running jobs, always copies.
/// <para>Mapping is not free either: the first read of each page of a window faults it into the process (about a tenth
/// of a run on the seed-format log), and unmapping a window costs again. So while the analyzer reads one window, a
/// helper thread maps the next and touches its pages, and unmaps the one before: on a second core that work is gone
/// from the analyzer's path. The analysis itself stays on one thread, in order, so the report cannot change.</para>
/// </summary>
internal static class MappedFileFeed
{
    /// <summary>One window mapped at a time (two with the one being prepared): 256 map/unmap pairs per GiB, and at most
    /// this much of the file resident per window, so peak memory stays flat whatever the size.</summary>
    private const long WindowBytes = 4L * 1024 * 1024;

    /// <summary>Below this a mapping's set-up costs more than the copy it saves.</summary>
    public const long MinimumBytes = 1024 * 1024;

    /// <summary>A read per page is what faults it in (the kernel maps a few neighbours with each fault).</summary>
    private const int PageBytes = 4096;

    /// <summary>Feeds the file's first <paramref name="length"/> bytes (its length when it was opened: a log that grows
    /// meanwhile is read as it was, like its <c>size_bytes</c>).</summary>
    public static void Feed(LogAnalyzer analyzer, FileStream file, long length, IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        using var map = Map(file);
        long offset = 0;
        Visit(map, 0, length, bytes =>
        {
            analyzer.Append(bytes);
            offset += bytes.Length;
            progress?.Report(offset);
            return true;
        }, cancellationToken);
    }

    /// <summary>Feeds the file in two ranges read at once on two threads (<see cref="RangeSplit"/>).</summary>
    public static void FeedInRanges(LogAnalyzer analyzer, FileStream file, long length, IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        using var map = Map(file);
        new RangeSplit().Feed(analyzer, new MappedLogBytes(map, length), progress, cancellationToken);
    }

    private static MemoryMappedFile Map(FileStream file) =>
        MemoryMappedFile.CreateFromFile(file.SafeFileHandle, mapName: null, capacity: 0, MemoryMappedFileAccess.Read,
            HandleInheritability.None, leaveOpen: true);

    /// <summary>Shows <c>[from, to)</c> of the mapped file window by window on the calling thread alone, faulting pages in
    /// as it goes (<see cref="LogBytes.Scan"/>).</summary>
    public static void Scan(MemoryMappedFile map, long from, long to, ByteVisitor visit, CancellationToken cancellationToken)
    {
        for (var offset = from; offset < to; offset += WindowBytes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var window = MappedWindow.Open(map, offset, Math.Min(WindowBytes, to - offset), touchPageBytes: 0);
            if (!visit(window.Bytes)) return;
        }
    }

    /// <summary>Shows <c>[from, to)</c> of the mapped file window by window; thread-safe, so ranges can be read at once.</summary>
    public static void Visit(MemoryMappedFile map, long from, long to, ByteVisitor visit, CancellationToken cancellationToken)
    {
        if (from >= to) return;
        var next = Task.Run<MappedWindow?>(() => MappedWindow.Open(map, from, Math.Min(WindowBytes, to - from), PageBytes), CancellationToken.None);
        MappedWindow? current = null;
        try
        {
            for (var offset = from; offset < to; offset += WindowBytes)
            {
                var done = current;
                current = next.GetAwaiter().GetResult();
                var following = offset + WindowBytes;
                // The helper unmaps the window just read and prepares the next while this one is analysed.
                next = Task.Run(() =>
                {
                    done?.Dispose();
                    return following < to ? MappedWindow.Open(map, following, Math.Min(WindowBytes, to - following), PageBytes) : null;
                }, CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                if (!visit(current!.Bytes)) return;
            }
        }
        finally
        {
            // Whatever happened, nothing stays mapped (the helper's last window included).
            current?.Dispose();
            next.ContinueWith(static t =>
            {
                if (t.IsCompletedSuccessfully) t.Result?.Dispose();
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Wait(CancellationToken.None);
        }
    }
}
