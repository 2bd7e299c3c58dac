using System.Runtime.CompilerServices;

namespace ErrorTrace.Core.Analysis;

/// <summary>Streams by (host, rank). Lines without a prefix share the default stream; the last one used is cached
/// because consecutive lines almost always come from the same stream.</summary>
internal sealed class StreamTable
{
    private readonly Dictionary<long, StreamState> _streams = [];
    private readonly List<byte[]> _hosts = [];
    /// <summary>Ranks seen without a host, by rank + 1 (0 is the default stream): prefixed ranks interleave line by line,
    /// so the one-entry cache below misses on nearly every line of a multi-rank log and this spares the dictionary.</summary>
    private readonly StreamState?[] _byRank = new StreamState?[DirectRanks + 1];
    private StreamState? _last;
    private long _lastKey = long.MinValue;

    /// <summary>Ranks below this are looked up directly; a bigger job's higher ranks go through the dictionary.</summary>
    private const int DirectRanks = 1_024;

    public IEnumerable<StreamState> All => _streams.Values;

    /// <summary>The streams with their keys (host id, rank), in order of first appearance.</summary>
    public IEnumerable<KeyValuePair<long, StreamState>> Entries => _streams;

    /// <summary>Hosts named by prefixes, in order of first appearance (at most <see cref="EngineLimits.MaxHosts"/>).</summary>
    public IReadOnlyList<byte[]> Hosts => _hosts;

    /// <summary>Every line asks: the cached answers are inlined into the caller, the rest is out of line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public StreamState Get(ReadOnlySpan<byte> host, int rank)
    {
        var key = ((long)HostId(host) << 32) | (uint)(rank + 1);
        if (key == _lastKey && _last is not null) return _last;
        if ((ulong)key < (ulong)_byRank.Length && _byRank[key] is { } direct)
        {
            _lastKey = key;
            _last = direct;
            return direct;
        }

        return Miss(key);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private StreamState Miss(long key)
    {
        var stream = Lookup(key);
        if ((ulong)key < (ulong)_byRank.Length) _byRank[key] = stream;
        _lastKey = key;
        _last = stream;
        return stream;
    }

    private StreamState Lookup(long key)
    {
        var rank = (int)(uint)key - 1;
        if (!_streams.TryGetValue(key, out var stream))
        {
            if (_streams.Count >= EngineLimits.MaxStreams) key = 0;
            if (!_streams.TryGetValue(key, out stream))
            {
                var hostId = (int)(key >> 32);
                stream = new StreamState(rank, hostId > 0 ? Text.Utf8.Decode(_hosts[hostId - 1]) : null);
                _streams.Add(key, stream);
            }
        }

        return stream;
    }

    /// <summary>Puts the streams <paramref name="earlier"/> knows first, in its order, then the others in theirs: the order
    /// one reader of the whole log would have met them in, when this table's reader started later (RangeSplit).</summary>
    public void TakeOrderOf(StreamTable earlier)
    {
        var entries = _streams.ToList();
        var byKey = new Dictionary<long, StreamState>(_streams);
        _streams.Clear();
        foreach (var key in earlier._streams.Keys)
        {
            if (byKey.TryGetValue(key, out var stream)) _streams.Add(key, stream);
        }

        foreach (var (key, stream) in entries) _streams.TryAdd(key, stream);
    }

    /// <summary>Most lines name no host: that test is inlined into <see cref="Get"/>, the lookup is not.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int HostId(ReadOnlySpan<byte> host) => host.IsEmpty ? 0 : LookUpHost(host);

    private int LookUpHost(ReadOnlySpan<byte> host)
    {
        for (var i = 0; i < _hosts.Count; i++)
        {
            if (host.SequenceEqual(_hosts[i])) return i + 1;
        }

        if (_hosts.Count >= EngineLimits.MaxHosts) return 0;
        _hosts.Add(host.ToArray());
        return _hosts.Count;
    }
}
