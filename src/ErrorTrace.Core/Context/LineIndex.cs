namespace ErrorTrace.Core.Context;

/// <summary>
/// Sparse line → byte-offset checkpoints, taken between the chunks the analyzer is fed (never per line), so any range of
/// physical lines can be read back from the file by seeking to the nearest checkpoint and counting newlines from there.
/// A checkpoint says how many <c>\n</c> bytes come before its offset; line N starts right after the (N−1)th. At most
/// <see cref="MaxCheckpoints"/> are kept: when full, every other one is dropped and the spacing doubles, so the index
/// stays a few KiB on any log and a read never scans more than a few MiB before its first line.
/// Thread-safe: the server reads it while a request appends to the analyzer.
/// </summary>
public sealed class LineIndex
{
    /// <summary>Bytes between checkpoints at first: a read of any line range scans at most this much before it.</summary>
    public const long InitialSpacingBytes = 1024 * 1024;

    /// <summary>Checkpoints kept (16 bytes each): 2,048 spaced 1 MiB cover 2 GiB; a longer log doubles the spacing.</summary>
    public const int MaxCheckpoints = 2048;

    private readonly Lock _gate = new();
    private readonly List<LineCheckpoint> _checkpoints = [new LineCheckpoint(0, 0)];
    private long _spacing = InitialSpacingBytes;

    /// <summary>Records that <paramref name="newlinesBefore"/> newlines precede byte <paramref name="offset"/>, if the last
    /// checkpoint is at least the spacing behind. Called after each appended chunk.</summary>
    public void Observe(long offset, long newlinesBefore)
    {
        lock (_gate)
        {
            if (offset - _checkpoints[^1].Offset < _spacing) return;
            _checkpoints.Add(new LineCheckpoint(offset, newlinesBefore));
            if (_checkpoints.Count <= MaxCheckpoints) return;
            // Keep the origin and every other checkpoint after it.
            var kept = 1;
            for (var i = 2; i < _checkpoints.Count; i += 2) _checkpoints[kept++] = _checkpoints[i];
            _checkpoints.RemoveRange(kept, _checkpoints.Count - kept);
            _spacing *= 2;
        }
    }

    /// <summary>Where to start reading to reach the start of physical line <paramref name="line"/> (1-based): a checkpoint
    /// from which the line starts after exactly <c>line − 1 − NewlinesBefore</c> more newlines (the origin for line 1).</summary>
    public LineCheckpoint Before(long line)
    {
        lock (_gate)
        {
            var best = _checkpoints[0];
            foreach (var checkpoint in _checkpoints)
            {
                // Line N starts after the (N-1)th newline; a checkpoint with exactly N-1 before it may be mid-line N.
                if (checkpoint.NewlinesBefore < line - 1) best = checkpoint;
                else break;
            }

            return best;
        }
    }

    public int Count
    {
        get
        {
            lock (_gate) return _checkpoints.Count;
        }
    }
}
