using System.Numerics;
using ErrorTrace.Core.Analysis;

namespace ErrorTrace.Core.Grouping;

/// <summary>The ranks a group came from: a bit mask for the usual 0–63, a sorted set beyond (bounded).</summary>
internal sealed class RankSet
{
    private ulong _low;
    private SortedSet<int>? _high;

    public void Add(int rank)
    {
        if (rank < 0) return;
        if (rank < 64)
        {
            _low |= 1UL << rank;
            return;
        }

        _high ??= [];
        if (_high.Count < EngineLimits.MaxRanksListed) _high.Add(rank);
    }

    /// <summary>Ranks kept beyond the first 64 (bounded by <see cref="EngineLimits.MaxRanksListed"/>).</summary>
    public int HighCount => _high?.Count ?? 0;

    public void AddAll(RankSet other)
    {
        _low |= other._low;
        if (other._high is null) return;
        foreach (var r in other._high) Add(r);
    }

    public int[] ToArray()
    {
        var result = new List<int>(BitOperations.PopCount(_low) + (_high?.Count ?? 0));
        var bits = _low;
        while (bits != 0)
        {
            result.Add(BitOperations.TrailingZeroCount(bits));
            bits &= bits - 1;
        }

        if (_high is not null) result.AddRange(_high);
        return [.. result];
    }
}
