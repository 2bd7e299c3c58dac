namespace ErrorTrace.Core.Input;

/// <summary>Receives a log's bytes piece by piece, in order; returns false to stop early.</summary>
internal delegate bool ByteVisitor(ReadOnlySpan<byte> bytes);

/// <summary>A log whose bytes can be read from any offset, by several threads at once (<see cref="RangeSplit"/>).</summary>
internal abstract class LogBytes
{
    public abstract long Length { get; }

    /// <summary>Shows <c>[from, to)</c> to <paramref name="visit"/> in pieces, in order, until it returns false.</summary>
    public abstract void Visit(long from, long to, ByteVisitor visit, CancellationToken cancellationToken);

    /// <summary>Like <see cref="Visit"/>, for a pass that does little per byte (a newline count, a search): on the calling
    /// thread alone, without the helper that prepares the next piece for a slower reader (waiting for that helper to be
    /// scheduled, once per piece, made counting half a GiB on a busy machine as slow as analysing it).</summary>
    public virtual void Scan(long from, long to, ByteVisitor visit, CancellationToken cancellationToken) =>
        Visit(from, to, visit, cancellationToken);

    /// <summary>Newlines in <c>[from, to)</c>: the line number of the line that starts at <paramref name="to"/>, less one.</summary>
    public long CountNewlines(long from, long to)
    {
        long count = 0;
        Scan(from, to, bytes =>
        {
            count += bytes.Count((byte)'\n');
            return true;
        }, CancellationToken.None);
        return count;
    }

    /// <summary>The first line start at or after <paramref name="offset"/> (the log's start, or just after a <c>\n</c>)
    /// that is before <paramref name="limit"/>, else -1.</summary>
    public long LineStartAtOrAfter(long offset, long limit)
    {
        if (offset <= 0) return 0;
        var at = offset - 1;
        long found = -1;
        Scan(at, Math.Min(limit, Length), bytes =>
        {
            var newline = bytes.IndexOf((byte)'\n');
            if (newline < 0)
            {
                at += bytes.Length;
                return true;
            }

            found = at + newline + 1;
            return false;
        }, CancellationToken.None);
        return found < limit ? found : -1;
    }
}
