using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Records;

namespace ErrorTrace.Core.Grouping;

/// <summary>
/// Every distinct error and warning. The fingerprint hashes level, source, logger, phase and the parameterised first
/// line; a repeat costs a hash and a dictionary probe, no allocation. Bounded by <see cref="EngineLimits.MaxErrorGroups"/>.
/// </summary>
internal sealed class ErrorGroupTable
{
    private readonly Dictionary<ulong, ErrorGroup> _groups = [];
    private readonly char[] _masked = new char[EngineLimits.MaxMessageChars];
    /// <summary>Level, the source's length and first character, a separator: the key's head.</summary>
    private const int KeyHeadBytes = 4;

    /// <summary>Room for a full-length message and a logger and phase of up to 1 KiB together.</summary>
    private readonly byte[] _key = new byte[KeyHeadBytes + (2 * EngineLimits.MaxMessageChars) + 1024];

    /// <summary>Repeats (the same warning every step, with other numbers in it) skip parameterisation: the hash of the
    /// digit-blind first line (<see cref="Text.DigitBlind"/>, which the masks cannot tell apart) → group.</summary>
    private readonly Dictionary<ulong, ErrorGroup> _exact = [];

    private readonly char[] _digitBlind = new char[EngineLimits.MaxMessageChars];

    /// <summary>The exact-repeat memo is a cache: when a log repeats nothing exactly it is simply emptied.</summary>
    private const int MaxExactEntries = 16_384;

    public IEnumerable<ErrorGroup> Groups => _groups.Values;

    public long Dropped { get; private set; }

    /// <summary>The group the last <see cref="Record"/> counted in (created or not); null when it was dropped.</summary>
    public ErrorGroup? LastCounted { get; private set; }

    /// <summary>Counts one occurrence; returns the group when this occurrence created it (the caller may append
    /// continuation lines to its message), else null.</summary>
    public ErrorGroup? Record(LogLevel level, string source, ReadOnlySpan<byte> logger, ReadOnlySpan<byte> phase,
        ReadOnlySpan<char> message, long lineNumber, int rank, in RawTimestamp timestamp)
    {
        LastCounted = null;
        var first = FirstLine(message);
        // A longer line keeps its digits: a finer key, so still exact.
        var exact = Hash(level, source, logger, phase, first.Length <= _digitBlind.Length ? Text.DigitBlind.Write(first, _digitBlind) : first);
        if (_exact.TryGetValue(exact, out var group))
        {
            Count(group, rank, timestamp);
            return null;
        }

        var length = Parameterizer.Mask(message, _masked);
        var masked = _masked.AsSpan(0, length);
        var fingerprint = Hash(level, source, logger, phase, masked);

        if (_groups.TryGetValue(fingerprint, out group))
        {
            Remember(exact, group);
            Count(group, rank, timestamp);
            return null;
        }

        if (_groups.Count >= EngineLimits.MaxErrorGroups)
        {
            Dropped++;
            return null;
        }

        var newline = message.IndexOf('\n');
        var firstLine = (newline >= 0 ? message[..newline] : message).TrimEnd();
        group = new ErrorGroup(fingerprint, level, source, firstLine.ToString(), masked.ToString(), lineNumber)
        {
            Logger = logger.IsEmpty ? null : Text.Utf8.Decode(logger),
            Phase = phase.IsEmpty ? null : Text.Utf8.Decode(phase),
            FirstTimestamp = timestamp,
        };
        if (newline >= 0)
        {
            foreach (var range in message[(newline + 1)..].Split('\n'))
                group.TryAppendContinuation(message[(newline + 1)..][range]);
        }

        _groups.Add(fingerprint, group);
        Remember(exact, group);
        Count(group, rank, timestamp);
        return group;
    }

    private static ReadOnlySpan<char> FirstLine(ReadOnlySpan<char> message)
    {
        var newline = message.IndexOf('\n');
        return (newline >= 0 ? message[..newline] : message).Trim();
    }

    /// <summary>The hashed key laid out in one buffer and hashed in one call: the same bytes, so the same hash, as appending
    /// them piece by piece to a streaming <see cref="XxHash3"/>, whose buffering and digest copy cost more than the hash
    /// (a warning or error record of the seed's format is hashed once per occurrence).</summary>
    private ulong Hash(LogLevel level, string source, ReadOnlySpan<byte> logger, ReadOnlySpan<byte> phase, ReadOnlySpan<char> text)
    {
        var textBytes = MemoryMarshal.AsBytes(text);
        var length = KeyHeadBytes + logger.Length + 1 + phase.Length + 1 + textBytes.Length;
        // A logger or phase longer than the scratch allows (a pathological header) rents a bigger buffer.
        var rented = length > _key.Length ? ArrayPool<byte>.Shared.Rent(length) : null;
        var key = (rented ?? _key).AsSpan(0, length);
        key[0] = (byte)level;
        key[1] = (byte)source.Length;
        key[2] = (byte)source[0];
        key[3] = 0;
        var at = KeyHeadBytes;
        logger.CopyTo(key[at..]);
        at += logger.Length;
        key[at++] = 0;
        phase.CopyTo(key[at..]);
        at += phase.Length;
        key[at++] = 0;
        textBytes.CopyTo(key[at..]);
        var hash = XxHash3.HashToUInt64(key);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        return hash;
    }

    private void Remember(ulong exact, ErrorGroup group)
    {
        if (_exact.Count >= MaxExactEntries) _exact.Clear();
        _exact[exact] = group;
    }

    /// <summary>Groups that a stream took as the target of a following line's continuation (set only while a later
    /// range of the log is read on its own, see Input/RangeSplit): <see cref="Record"/> answers "new" only for a
    /// group this table created, and an earlier range may already hold it, so such a use is where reading the range on
    /// its own could differ from reading the log in one pass.</summary>
    private List<ErrorGroup>? _targetsUsed;

    /// <summary>From now on, remember which new groups a continuation used (<see cref="NoteTargetUsed"/>).</summary>
    public void TrackTargetUse() => _targetsUsed = [];

    public void NoteTargetUsed(ErrorGroup group) => _targetsUsed?.Add(group);

    /// <summary>Whether <paramref name="later"/>, the table of the range that follows this one's, reads as the same
    /// table would have after both ranges in one pass: no group it created and then used as a continuation target is
    /// one this table already has, and no bound (distinct groups, ranks listed) is reached, where the order of arrival
    /// would decide what is kept.</summary>
    public bool CanTakeLater(ErrorGroupTable later)
    {
        if (Dropped > 0 || later.Dropped > 0 || _groups.Count + later._groups.Count >= EngineLimits.MaxErrorGroups) return false;
        foreach (var used in later._targetsUsed ?? []) if (_groups.ContainsKey(used.Fingerprint)) return false;
        foreach (var group in later._groups.Values)
        {
            if (_groups.TryGetValue(group.Fingerprint, out var mine) && mine.Ranks.HighCount + group.Ranks.HighCount >= EngineLimits.MaxRanksListed) return false;
        }

        return true;
    }

    /// <summary>Adds the later range's occurrences as if read after this table's: counts and ranks add up, the last
    /// timestamp is the later one's, new groups follow in their order of first appearance.</summary>
    public void TakeLater(ErrorGroupTable later)
    {
        foreach (var group in later._groups.Values)
        {
            if (!_groups.TryGetValue(group.Fingerprint, out var mine))
            {
                _groups.Add(group.Fingerprint, group);
                continue;
            }

            mine.Count += group.Count;
            mine.Ranks.AddAll(group.Ranks);
            if (group.LastTimestamp.HasValue) mine.LastTimestamp = group.LastTimestamp;
        }
    }

    /// <summary>One more occurrence of a known group.</summary>
    public void Count(ErrorGroup group, int rank, in RawTimestamp timestamp)
    {
        LastCounted = group;
        group.Count++;
        group.Ranks.Add(rank);
        if (timestamp.HasValue) group.LastTimestamp = timestamp;
    }
}
