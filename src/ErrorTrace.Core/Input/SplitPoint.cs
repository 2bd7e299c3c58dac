namespace ErrorTrace.Core.Input;

/// <summary>
/// Where the second range of a log read in two (<see cref="RangeSplit"/>) may start, agreed between the two threads
/// while the first is already reading: the first claims each piece before reading it and stops at the split once one is
/// set; the second may set a split only ahead of everything the first has claimed. Once the split is given up, the
/// first reads the whole log. Called once per piece (a 4 MiB window), so a lock costs nothing measurable.
/// </summary>
internal sealed class SplitPoint
{
    /// <summary>No split decided yet.</summary>
    private const long Undecided = -1;

    private readonly Lock _gate = new();
    private long _claimed;
    private long _split = Undecided;

    /// <summary>Where the first thread has claimed to read to: its progress, one piece ahead at most.</summary>
    public long Claimed => Volatile.Read(ref _claimed);

    /// <summary>The first thread is about to read up to <paramref name="to"/>: how far it may read, the split if that is
    /// before <paramref name="to"/>.</summary>
    public long Claim(long to)
    {
        lock (_gate)
        {
            if (_split != Undecided) return Math.Min(to, _split);
            Volatile.Write(ref _claimed, to);
            return to;
        }
    }

    /// <summary>The second thread sets the split at <paramref name="split"/>: false (and the split given up) when the first
    /// has already claimed bytes past it.</summary>
    public bool TrySet(long split)
    {
        lock (_gate)
        {
            if (_split != Undecided) return false;
            _split = _claimed <= split ? split : long.MaxValue;
            return _split == split;
        }
    }

    /// <summary>No split: the first thread reads on to the end (a split already set stays, its reader is waited for).</summary>
    public void GiveUp()
    {
        lock (_gate)
        {
            if (_split == Undecided) _split = long.MaxValue;
        }
    }
}
