using System.Globalization;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// "Which rank is the culprit?" for a collective timeout. A rank that timed out was waiting in the collective; the one
/// holding everybody up is a rank that never joined it, so it printed no timeout (it is silent, or failed elsewhere),
/// or one that entered another collective at the same sequence number, or one that is behind in the sequence.
/// In that order of evidence; when none singles a rank out there is no suspect.
/// </summary>
internal static class HangLocator
{
    private const string HighestRankSeen = "highest rank seen";

    public static HangInfo? Locate(IEnumerable<RankCollective> collectives, IEnumerable<int> ranksSeen, EnvironmentInfo? environment)
    {
        var reported = collectives.OrderBy(r => r.Rank).ToList();
        var timedOut = reported.Where(r => r.TimedOut).Select(r => r.Rank).ToList();
        if (timedOut.Count == 0) return null;

        var (world, source) = WorldSize(environment, timedOut[^1]);
        var seen = new SortedSet<int>(ranksSeen.Where(r => r >= 0 && r < EngineLimits.MaxRanksListed));
        seen.UnionWith(timedOut);
        if (world is null)
        {
            // Ranks are numbered from 0 without gaps: a rank below the highest one seen exists even if it said nothing.
            world = seen.Max + 1;
            source = HighestRankSeen;
        }

        var silent = new List<int>();
        for (var r = 0; r < world && r < EngineLimits.MaxRanksListed; r++)
        {
            if (!timedOut.Contains(r)) silent.Add(r);
        }

        // Silence singles a rank out only when this log would show that rank's output: the launcher gave the world size,
        // or more than one rank wrote here. A lone watchdog line of rank 3 says nothing about ranks 0-2, whose output may
        // well be in other files; they are listed as silent, but none is named the suspect for it.
        var silenceIsEvidence = source != HighestRankSeen || seen.Count > 1;
        var (suspect, reason) = Suspect(reported, timedOut, silenceIsEvidence ? silent : []);
        return new HangInfo
        {
            TimedOutRanks = timedOut,
            SilentRanks = silent,
            WorldSize = world,
            WorldSizeSource = source,
            Ranks = reported,
            SuspectRank = suspect,
            Reason = reason,
        };
    }

    /// <summary>The launcher's world size from the environment scan (<c>world_size=8</c>, Lightning's <c>MEMBER: 1/8</c>,
    /// accelerate's <c>Num processes: 8</c>), unless ranks above it timed out (a per-node or sub-group size).</summary>
    private static (int? World, string? Source) WorldSize(EnvironmentInfo? environment, int highestTimedOut)
    {
        var tag = environment?.Tags.FirstOrDefault(t => t.Key == "world_size");
        if (tag is null || !int.TryParse(tag.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var world)) return (null, null);
        if (world <= highestTimedOut) return (null, null);
        return (world, tag.Line > 0 ? $"launcher line {tag.Line}" : "launcher");
    }

    private static (int? Rank, string? Reason) Suspect(List<RankCollective> reported, List<int> timedOut, List<int> silent)
    {
        var waiting = reported.Where(r => r.TimedOut).ToList();
        var what = Collective(waiting);
        if (silent.Count > 0)
        {
            var s = silent[0];
            var others = silent.Count > 1 ? $" (also silent: {Ranks(silent.Skip(1))})" : "";
            return (s, $"rank {s} printed no watchdog timeout while {RanksWord(timedOut)} {Ranks(timedOut)} timed out{what}{others}");
        }

        // The same collective number, different operations: the rank in the minority called another collective.
        var bySeq = waiting.Where(r => r.SeqNum is not null && r.OpType is not null).GroupBy(r => r.SeqNum).FirstOrDefault(g => g.Count() > 1);
        if (bySeq is not null)
        {
            var ops = bySeq.GroupBy(r => r.OpType).OrderBy(g => g.Count()).ToList();
            if (ops.Count > 1 && ops[0].Count() < ops[1].Count())
            {
                var odd = ops[0].First();
                return (odd.Rank, $"rank {odd.Rank} waits in {odd.OpType} at SeqNum={odd.SeqNum} while {Ranks(ops[1].Select(r => r.Rank))} wait in {ops[1].Key}: the ranks called different collectives");
            }
        }

        // Behind in the sequence: the one rank whose last enqueued collective (else the one it timed out in) is lower
        // than every other rank's.
        var behind = Lowest(waiting, r => r.LastEnqueued) ?? Lowest(waiting, r => r.SeqNum);
        if (behind is { } lag)
            return (lag.Rank, $"rank {lag.Rank} is behind: its last collective is {lag.LastEnqueued ?? lag.SeqNum}, the other ranks' {waiting.Where(r => r.Rank != lag.Rank).Max(r => r.LastEnqueued ?? r.SeqNum)}");
        return (null, null);
    }

    private static RankCollective? Lowest(List<RankCollective> ranks, Func<RankCollective, long?> key)
    {
        var known = ranks.Where(r => key(r) is not null).OrderBy(key).ToList();
        if (known.Count < 2 || key(known[0]) == key(known[1])) return null;
        return known[0];
    }

    private static string Collective(List<RankCollective> waiting)
    {
        var first = waiting.FirstOrDefault(r => r.OpType is not null || r.SeqNum is not null);
        if (first is null) return "";
        var op = first.OpType is null ? "" : $" in {first.OpType}";
        var seq = first.SeqNum is null ? "" : $" SeqNum={first.SeqNum}";
        return op.Length == 0 ? $" at{seq}" : op + seq;
    }

    private static string RanksWord(List<int> ranks) => ranks.Count == 1 ? "rank" : "ranks";

    private static string Ranks(IEnumerable<int> ranks) => string.Join(", ", ranks.Select(r => r.ToString(CultureInfo.InvariantCulture)));
}
