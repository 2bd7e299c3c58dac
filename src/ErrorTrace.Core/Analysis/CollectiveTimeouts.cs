using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// What each rank's NCCL watchdog said about the collective it was stuck in (ProcessGroupNCCL.cpp):
/// <code>
/// [Rank 3] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=1132079, OpType=ALLREDUCE, …) ran for 1800035 milliseconds before timing out.
/// [PG 0 Rank 1] Timeout at NCCL work: 1, last enqueued NCCL work: 1, last completed NCCL work: -1.
/// [PG 0 Rank 1] Exception (either an error or timeout) detected by watchdog at work: 808, last enqueued NCCL work: 811, last completed NCCL work: 807.
/// </code>
/// Fed error records and exception messages only (a handful per log), never ordinary lines, so it costs the per-line
/// path nothing. The first word per rank wins on each field: later lines of the same rank repeat it or describe the
/// abort that followed.
/// </summary>
internal sealed class CollectiveTimeouts
{
    private const string WatchdogCaught = "Watchdog caught collective operation timeout";
    private const string TimeoutAt = "Timeout at NCCL work: ";
    private const string DetectedAt = "detected by watchdog at work: ";
    private const string LastEnqueued = "last enqueued NCCL work: ";
    private const string LastCompleted = "last completed NCCL work: ";
    private const string SeqNum = "SeqNum=";
    private const string OpType = "OpType=";

    /// <summary>An op type is one upper-case word (ALLREDUCE, _ALLGATHER_BASE, COALESCED); longer is not one.</summary>
    private const int MaxOpTypeChars = 40;

    private readonly Dictionary<int, RankCollective> _ranks = [];

    public IReadOnlyCollection<RankCollective> Ranks => _ranks.Values;

    /// <summary>Cheap enough for every error record: two ordinal searches when the line is no watchdog's.</summary>
    public void Observe(ReadOnlySpan<char> message, int streamRank, long lineNumber)
    {
        if (!message.Contains("NCCL work: ", StringComparison.Ordinal) && !message.Contains(WatchdogCaught, StringComparison.Ordinal)) return;
        var rank = streamRank >= 0 ? streamRank : RankIn(message);
        if (rank < 0) return;
        var timedOut = message.Contains(WatchdogCaught, StringComparison.Ordinal) || message.Contains(TimeoutAt, StringComparison.Ordinal);
        if (!_ranks.TryGetValue(rank, out var seen))
        {
            if (_ranks.Count >= EngineLimits.MaxRanksListed) return;
            seen = new RankCollective { Rank = rank, Line = lineNumber };
        }

        var seq = Number(message, SeqNum) ?? Number(message, TimeoutAt) ?? Number(message, DetectedAt);
        _ranks[rank] = seen with
        {
            TimedOut = seen.TimedOut || timedOut,
            SeqNum = seen.SeqNum ?? seq,
            OpType = seen.OpType ?? Word(message, OpType),
            LastEnqueued = seen.LastEnqueued ?? Number(message, LastEnqueued),
            LastCompleted = seen.LastCompleted ?? Number(message, LastCompleted),
        };
    }

    /// <summary>Whether the later range's table adds up to what one pass would have: the bound on ranks is not reached.</summary>
    public bool CanTakeLater(CollectiveTimeouts later) => _ranks.Count + later._ranks.Count < EngineLimits.MaxRanksListed;

    /// <summary>Adds what a later range of the log said, as if read after this table's lines: per rank and field the
    /// first word still wins, new ranks follow in their order of first appearance.</summary>
    public void TakeLater(CollectiveTimeouts later)
    {
        foreach (var (rank, next) in later._ranks)
        {
            _ranks[rank] = _ranks.TryGetValue(rank, out var seen)
                ? seen with
                {
                    TimedOut = seen.TimedOut || next.TimedOut,
                    SeqNum = seen.SeqNum ?? next.SeqNum,
                    OpType = seen.OpType ?? next.OpType,
                    LastEnqueued = seen.LastEnqueued ?? next.LastEnqueued,
                    LastCompleted = seen.LastCompleted ?? next.LastCompleted,
                }
                : next;
        }
    }

    /// <summary>The rank a watchdog line names: <c>[Rank 3]</c>, <c>[PG 0 Rank 1]</c>, <c>[PG ID 0 PG GUID 0(default_pg) Rank 2]</c>.</summary>
    private static int RankIn(ReadOnlySpan<char> message)
    {
        var at = message.IndexOf("Rank ", StringComparison.Ordinal);
        if (at < 0) return -1;
        var digits = message[(at + 5)..];
        var end = 0;
        while (end < digits.Length && end < 7 && char.IsAsciiDigit(digits[end])) end++;
        if (end == 0 || end >= digits.Length || digits[end] != ']') return -1;
        return int.Parse(digits[..end], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The integer after <paramref name="key"/> (may be -1: nothing completed yet), or null.</summary>
    private static long? Number(ReadOnlySpan<char> message, string key)
    {
        var at = message.IndexOf(key, StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = message[(at + key.Length)..];
        var end = rest.Length > 0 && rest[0] == '-' ? 1 : 0;
        while (end < rest.Length && end < 20 && char.IsAsciiDigit(rest[end])) end++;
        return long.TryParse(rest[..end], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static string? Word(ReadOnlySpan<char> message, string key)
    {
        var at = message.IndexOf(key, StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = message[(at + key.Length)..];
        var end = 0;
        while (end < rest.Length && end < MaxOpTypeChars && (char.IsAsciiLetterUpper(rest[end]) || rest[end] == '_' || char.IsAsciiDigit(rest[end]))) end++;
        return end == 0 ? null : rest[..end].ToString();
    }
}
