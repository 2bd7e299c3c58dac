using System.Numerics;

namespace ErrorTrace.Core.Text;

/// <summary>
/// Groups literals into Teddy's buckets (<see cref="AsciiLiteralSet"/>) by their fingerprints, their first bytes. A
/// bucket's tables accept, at each fingerprint offset, every byte whose low nibble is in the bucket's low set and whose
/// high nibble is in its high set, so a bucket holding fingerprints with different nibbles also accepts windows none of
/// them has. Start with one group per distinct fingerprint and, while there are more groups than buckets, merge the two
/// whose union grows the estimated pass rate least (Hyperscan's Teddy compiler merges the same way). The estimate takes
/// nibbles as uniform: crude, but it is the order of the merges that matters.
/// </summary>
internal static class BucketPlanner
{
    public static List<List<string>> Plan(IReadOnlyList<string> literals, int buckets, int width)
    {
        var groups = literals
            .GroupBy(l => l[..width], StringComparer.Ordinal)
            .Select(g => new Group([.. g], width))
            .ToList();
        while (groups.Count > buckets)
        {
            var (bestA, bestB, bestGrowth) = (0, 1, double.MaxValue);
            for (var a = 0; a < groups.Count; a++)
            {
                for (var b = a + 1; b < groups.Count; b++)
                {
                    var growth = groups[a].UnionPassRate(groups[b]) - groups[a].PassRate - groups[b].PassRate;
                    if (growth < bestGrowth) (bestA, bestB, bestGrowth) = (a, b, growth);
                }
            }

            groups[bestA] = groups[bestA].Union(groups[bestB]);
            groups.RemoveAt(bestB);
        }

        return groups.Select(g => g.Literals).ToList();
    }

    /// <summary>A candidate bucket: its literals and, per fingerprint offset, the low and high nibbles it accepts.</summary>
    private sealed class Group
    {
        private readonly ushort[] _low;
        private readonly ushort[] _high;

        public Group(List<string> literals, int width)
        {
            Literals = literals;
            _low = new ushort[width];
            _high = new ushort[width];
            foreach (var literal in literals)
            {
                for (var k = 0; k < width; k++)
                {
                    _low[k] |= (ushort)(1 << (literal[k] & 0xF));
                    _high[k] |= (ushort)(1 << (literal[k] >> 4));
                }
            }

            PassRate = UnionPassRate(this);
        }

        public List<string> Literals { get; }

        /// <summary>The share of uniformly random windows the bucket accepts.</summary>
        public double PassRate { get; }

        public Group Union(Group other) => new([.. Literals, .. other.Literals], _low.Length);

        /// <summary>The pass rate of the union with <paramref name="other"/>, without building it: the planner asks
        /// this of every pair of groups at every merge.</summary>
        public double UnionPassRate(Group other)
        {
            var rate = 1.0;
            for (var k = 0; k < _low.Length; k++)
                rate *= BitOperations.PopCount((uint)(_low[k] | other._low[k])) * BitOperations.PopCount((uint)(_high[k] | other._high[k])) / 256.0;
            return rate;
        }
    }
}
