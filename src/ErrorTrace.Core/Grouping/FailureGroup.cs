using ErrorTrace.Core.Records;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Grouping;

/// <summary>One distinct failure (a traceback, a crash, a death) and every stream that printed it.</summary>
internal sealed class FailureGroup(TracebackInfo first, int rank, RawTimestamp timestamp, string? phase, string? logger)
{
    public TracebackInfo First { get; private set; } = first;

    public int FirstRank { get; private set; } = rank;

    public RawTimestamp Timestamp { get; private set; } = timestamp;

    /// <summary>Makes an earlier-starting copy of the same failure the group's representative.</summary>
    public void Represent(TracebackInfo failure, int rank, RawTimestamp timestamp)
    {
        First = failure;
        FirstRank = rank;
        Timestamp = timestamp;
    }

    public string? Phase { get; } = phase;

    public string? Logger { get; } = logger;

    public int Count { get; set; } = 1;

    public RankSet Ranks { get; } = new();
}
