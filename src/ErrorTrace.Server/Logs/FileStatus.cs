namespace ErrorTrace.Server.Logs;

/// <summary>What one <c>statx</c> says about a file: which file it is, how long, whether it is a regular file, and when
/// its content last changed (modification and status-change times together, in nanoseconds: a log rewritten in place
/// at the same length keeps its identity and length but not these).</summary>
internal readonly record struct FileStatus(FileIdentity Identity, long Length, bool IsRegular, long ModifiedNanos, long ChangedNanos)
{
    /// <summary>Same file, same length, not touched since: nothing in it can have changed.</summary>
    public bool IsUnchangedFrom(FileStatus other) =>
        Identity == other.Identity && Length == other.Length && ModifiedNanos == other.ModifiedNanos && ChangedNanos == other.ChangedNanos;
}
