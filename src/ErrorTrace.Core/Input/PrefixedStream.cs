namespace ErrorTrace.Core.Input;

/// <summary>A read-only stream that first returns bytes already consumed while sniffing (the gzip magic), then the rest.</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream inner) : Stream
{
    private int _prefixOffset;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_prefixOffset < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - _prefixOffset);
            prefix.AsSpan(_prefixOffset, n).CopyTo(buffer);
            _prefixOffset += n;
            return n;
        }

        return inner.Read(buffer);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
