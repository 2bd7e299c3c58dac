using System.Numerics;

namespace ErrorTrace.Core.Text;

/// <summary>
/// Groups literals into Teddy's buckets (<see cref="AsciiLiteralSet"/>) by their fingerprints (<see cref="RareWindow"/>). A
/// bucket's tables accept, at each fingerprint offset, every byte whose low nibble is in the bucket's low set and whose
/// high nibble is in its high set, so a bucket holding fingerprints with different nibbles also accepts windows none of
/// them has. Start with one group per distinct fingerprint and, while there are more groups than buckets, merge the two
/// whose union grows the estimated pass rate least (Hyperscan's Teddy compiler merges the same way). The estimate takes
/// nibbles as uniform: crude, but it is the order of the merges that matters.
/// </summary>
internal static class BucketPlanner
{
    /// <param name="literals">The literals with their fingerprints (each <paramref name="width"/> bytes).</param>
    public static List<List<T>> Plan<T>(IReadOnlyList<(T Literal, string Fingerprint)> literals, int buckets, int width)
    {
        var groups = literals
            .GroupBy(l => l.Fingerprint, StringComparer.Ordinal)
            .Select(g => new Group<T>([.. g.Select(l => l.Literal)], g.Key, width))
            .ToList();
        // growth[a][b] (a < b): how much merging groups a and b adds to their pass rates. After a merge only the merged
        // group's row and column change: computing every pair again at every merge made the planner cost more
        // instructions at start-up than a 16 MiB log's gate.
        var growth = groups.Select((_, a) => groups.Select((_, b) => b > a ? Growth(groups[a], groups[b]) : 0).ToList()).ToList();
        while (groups.Count > buckets)
        {
            var (bestA, bestB, bestGrowth) = (0, 1, double.MaxValue);
            for (var a = 0; a < groups.Count; a++)
            {
                var row = growth[a];
                for (var b = a + 1; b < groups.Count; b++)
                {
                    if (row[b] < bestGrowth) (bestA, bestB, bestGrowth) = (a, b, row[b]);
                }
            }

            groups[bestA] = groups[bestA].Union(groups[bestB]);
            groups.RemoveAt(bestB);
            growth.RemoveAt(bestB);
            foreach (var row in growth) row.RemoveAt(bestB);
            for (var other = 0; other < groups.Count; other++)
            {
                if (other < bestA) growth[other][bestA] = Growth(groups[other], groups[bestA]);
                else if (other > bestA) growth[bestA][other] = Growth(groups[bestA], groups[other]);
            }
        }

        return groups.Select(g => g.Literals).ToList();
    }

    private static double Growth<T>(Group<T> a, Group<T> b) => a.UnionPassRate(b) - a.PassRate - b.PassRate;

    /// <summary>A candidate bucket: its literals and, per fingerprint offset, the low and high nibbles it accepts.</summary>
    private sealed class Group<T>
    {
        private readonly ushort[] _low;
        private readonly ushort[] _high;

        public Group(List<T> literals, string fingerprint, int width)
        {
            Literals = literals;
            _low = new ushort[width];
            _high = new ushort[width];
            for (var k = 0; k < width; k++)
            {
                _low[k] = (ushort)(1 << (fingerprint[k] & 0xF));
                _high[k] = (ushort)(1 << (fingerprint[k] >> 4));
            }

            PassRate = UnionPassRate(this);
        }

        private Group(List<T> literals, ushort[] low, ushort[] high)
        {
            Literals = literals;
            (_low, _high) = (low, high);
            PassRate = UnionPassRate(this);
        }

        public List<T> Literals { get; }

        /// <summary>The share of uniformly random windows the bucket accepts.</summary>
        public double PassRate { get; }

        public Group<T> Union(Group<T> other) =>
            new([.. Literals, .. other.Literals], [.. _low.Select((l, k) => (ushort)(l | other._low[k]))], [.. _high.Select((h, k) => (ushort)(h | other._high[k]))]);

        /// <summary>The pass rate of the union with <paramref name="other"/>, without building it: the planner asks
        /// this of every pair of groups at every merge.</summary>
        public double UnionPassRate(Group<T> other)
        {
            var rate = 1.0;
            for (var k = 0; k < _low.Length; k++)
                rate *= BitOperations.PopCount((uint)(_low[k] | other._low[k])) * BitOperations.PopCount((uint)(_high[k] | other._high[k])) / 256.0;
            return rate;
        }
    }
}
