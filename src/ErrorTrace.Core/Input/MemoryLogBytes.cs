namespace ErrorTrace.Core.Input;

/// <summary>A log held in memory, shown in pieces of <paramref name="pieceBytes"/> (tests vary it, so that every piece
/// boundary is exercised).</summary>
internal sealed class MemoryLogBytes(byte[] bytes, int pieceBytes = LogFile.ChunkBytes) : LogBytes
{
    public override long Length => bytes.Length;

    public override void Visit(long from, long to, ByteVisitor visit, CancellationToken cancellationToken)
    {
        for (var at = from; at < to; at += pieceBytes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!visit(bytes.AsSpan((int)at, (int)Math.Min(pieceBytes, to - at)))) return;
        }
    }
}
