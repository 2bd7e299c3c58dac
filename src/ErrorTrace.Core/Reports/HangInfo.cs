namespace ErrorTrace.Core.Reports;

/// <summary>
/// Where a collective hang stands, when NCCL watchdogs timed out: which ranks timed out waiting, which ranks the log
/// says exist but never timed out (they are not waiting in the collective: the usual culprit), the last collective
/// each rank reported, and the rank most likely holding the others up, with the reason.
/// </summary>
public sealed record HangInfo
{
    public IReadOnlyList<int> TimedOutRanks { get; init; } = [];

    /// <summary>Ranks expected (from the world size, else numbered from 0 up to the highest rank seen) that printed no
    /// timeout.</summary>
    public IReadOnlyList<int> SilentRanks { get; init; } = [];

    public int? WorldSize { get; init; }

    /// <summary>Where the world size came from: <c>launcher line 12</c>, or <c>highest rank seen</c>.</summary>
    public string? WorldSizeSource { get; init; }

    public IReadOnlyList<RankCollective> Ranks { get; init; } = [];

    /// <summary>The silent or lagging rank, or null when the lines do not single one out.</summary>
    public int? SuspectRank { get; init; }

    /// <summary>Why that rank: "rank 0 printed no watchdog timeout while ranks 1, 2, 3 timed out in ALLREDUCE SeqNum=1132079".</summary>
    public string? Reason { get; init; }
}
