using System.IO.MemoryMappedFiles;

namespace ErrorTrace.Core.Input;

/// <summary>One mapped window of a file (<see cref="MappedFileFeed"/>), its pointer held until it is disposed.</summary>
internal sealed unsafe class MappedWindow : IDisposable
{
    /// <summary>Where the page reads go, so the compiler cannot drop them as unused.</summary>
    private static int s_touched;

    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _bytes;

    private MappedWindow(MemoryMappedViewAccessor view, int size)
    {
        _view = view;
        Size = size;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _bytes = pointer + view.PointerOffset;
    }

    public int Size { get; }

    public ReadOnlySpan<byte> Bytes => new(_bytes, Size);

    /// <summary>Maps <paramref name="size"/> bytes at <paramref name="offset"/> and reads one byte of each page of
    /// <paramref name="touchPageBytes"/>, which faults the window into the process here rather than in the reader's path
    /// (0: no page is read here).</summary>
    public static MappedWindow Open(MemoryMappedFile map, long offset, long size, int touchPageBytes)
    {
        var window = new MappedWindow(map.CreateViewAccessor(offset, size, MemoryMappedFileAccess.Read), (int)size);
        if (touchPageBytes <= 0) return window;
        var sum = 0;
        for (var i = 0; i < window.Size; i += touchPageBytes) sum += window._bytes[i];
        s_touched = sum;
        return window;
    }

    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
    }
}
