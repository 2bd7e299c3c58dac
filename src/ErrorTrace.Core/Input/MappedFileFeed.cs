using System.IO.MemoryMappedFiles;
using ErrorTrace.Core.Analysis;

namespace ErrorTrace.Core.Input;

/// <summary>
/// Feeds a regular file to an analyzer through memory-mapped windows instead of <c>read()</c> copies: the engine reads
/// the page cache in place, so the kernel's copy of every byte into a user buffer (about a tenth of a one-core run on
/// a cached 1 GiB log) is gone. The same trade-off as ripgrep's <c>--mmap</c>: if another process truncates the file
/// while a window is being read, the kernel kills the process with SIGBUS. So only the CLI asks for it (one run over a
/// file, <c>--no-mmap</c> to opt out); the server, which reads the logs of running jobs, always copies.
/// </summary>
internal static class MappedFileFeed
{
    /// <summary>One window mapped at a time: 256 map/unmap pairs per GiB, and at most this much of the file resident in
    /// the process, so peak memory stays flat whatever the size.</summary>
    private const long WindowBytes = 4L * 1024 * 1024;

    /// <summary>Below this a mapping's set-up costs more than the copy it saves.</summary>
    public const long MinimumBytes = 1024 * 1024;

    /// <summary>Feeds the file's first <paramref name="length"/> bytes (its length when it was opened: a log that grows
    /// meanwhile is read as it was, like its <c>size_bytes</c>).</summary>
    public static unsafe void Feed(LogAnalyzer analyzer, FileStream file, long length, IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        using var map = MemoryMappedFile.CreateFromFile(file.SafeFileHandle, mapName: null, capacity: 0,
            MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        for (long offset = 0; offset < length; offset += WindowBytes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var size = (int)Math.Min(WindowBytes, length - offset);
            using var view = map.CreateViewAccessor(offset, size, MemoryMappedFileAccess.Read);
            var handle = view.SafeMemoryMappedViewHandle;
            byte* pointer = null;
            handle.AcquirePointer(ref pointer);
            try
            {
                analyzer.Append(new ReadOnlySpan<byte>(pointer + view.PointerOffset, size));
            }
            finally
            {
                handle.ReleasePointer();
            }

            progress?.Report(offset + size);
        }
    }
}
