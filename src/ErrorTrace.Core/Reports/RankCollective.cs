namespace ErrorTrace.Core.Reports;

/// <summary>The last collective one rank's NCCL watchdog reported, as far as its lines say.</summary>
public sealed record RankCollective
{
    public required int Rank { get; init; }

    /// <summary>True when the rank's watchdog said the collective timed out (not only that it failed).</summary>
    public bool TimedOut { get; init; }

    /// <summary>The collective's sequence number (<c>SeqNum=</c>, <c>Timeout at NCCL work:</c>).</summary>
    public long? SeqNum { get; init; }

    /// <summary><c>ALLREDUCE</c>, <c>BROADCAST</c>, …</summary>
    public string? OpType { get; init; }

    /// <summary>The last collective the rank had enqueued and completed (-1: none completed yet).</summary>
    public long? LastEnqueued { get; init; }

    public long? LastCompleted { get; init; }

    /// <summary>The first line that said it.</summary>
    public long Line { get; init; }
}
