using System.IO.MemoryMappedFiles;

namespace ErrorTrace.Core.Input;

/// <summary>A mapped file's first <paramref name="length"/> bytes, read window by window (<see cref="MappedFileFeed"/>).</summary>
internal sealed class MappedLogBytes(MemoryMappedFile map, long length) : LogBytes
{
    public override long Length => length;

    public override void Visit(long from, long to, ByteVisitor visit, CancellationToken cancellationToken) =>
        MappedFileFeed.Visit(map, from, to, visit, cancellationToken);

    public override void Scan(long from, long to, ByteVisitor visit, CancellationToken cancellationToken) =>
        MappedFileFeed.Scan(map, from, to, visit, cancellationToken);
}
