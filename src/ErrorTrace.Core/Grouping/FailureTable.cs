using System.IO.Hashing;
using System.Text;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Records;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Grouping;

/// <summary>
/// Distinct failures in order of first appearance. The same traceback printed by N ranks is one failure with count N:
/// its fingerprint is the kind, each exception's type and parameterised first message line, and each frame's file,
/// function and line.
/// </summary>
internal sealed class FailureTable
{
    private readonly Dictionary<ulong, FailureGroup> _byFingerprint = [];
    private readonly List<FailureGroup> _ordered = [];

    public IReadOnlyList<FailureGroup> Groups => _ordered;

    public FailureGroup? Last { get; private set; }

    /// <summary>Set while a later range of the log is read on its own (Input/RangeSplit): its first line, and what it
    /// did that depends on the failures before it.</summary>
    private long _rangeFirstLine;
    private List<ulong>? _retracted;

    /// <summary>A failure or retraction reached before the range's first line: only one pass can say what it means.</summary>
    private bool _reachedBack;

    /// <summary>From now on this table holds the failures of a range starting at <paramref name="firstLine"/> only.</summary>
    public void TrackRange(long firstLine)
    {
        _rangeFirstLine = firstLine;
        _retracted = [];
    }

    public void Record(TracebackInfo failure, int rank, in RawTimestamp timestamp, string? phase, string? logger)
    {
        if (failure.FirstLine < _rangeFirstLine) _reachedBack = true;
        var fingerprint = Fingerprint(failure);
        if (_byFingerprint.TryGetValue(fingerprint, out var group))
        {
            group.Count++;
            group.Ranks.Add(rank);
            // Interleaved ranks finish their copies in any order; the copy that started first represents the group.
            if (failure.FirstLine < group.First.FirstLine) group.Represent(failure, rank, timestamp);
            Last = group;
            return;
        }

        if (_ordered.Count >= EngineLimits.MaxFailureGroups) return;
        group = new FailureGroup(failure, rank, timestamp, phase, logger);
        group.Ranks.Add(rank);
        _byFingerprint.Add(fingerprint, group);
        _ordered.Add(group);
        Last = group;
    }

    /// <summary>A new run of the log starts (Analysis/RunTable): its failures group apart from the earlier runs' ones, so
    /// that the same error in two runs is listed in each, and the last run's copy can be the root cause.</summary>
    public void StartRun() => _byFingerprint.Clear();

    /// <summary>A chain sentence outside a traceback searched a stream's previous lookback block: in a range read on its
    /// own, that block may hold other lines than one pass's (see SeamState), so only one pass can say what it finds.</summary>
    public void NoteLookbackRead()
    {
        if (_retracted is not null) _reachedBack = true;
    }

    /// <summary>Takes back a lone exception line recorded at <paramref name="exceptionLine"/> when it turns out to open a chain.</summary>
    public void RetractBareException(long exceptionLine)
    {
        if (exceptionLine < _rangeFirstLine) _reachedBack = true;
        if (Last is not { Count: 1 } last || last.First.ExceptionLine != exceptionLine || last.First.Frames.Count != 0 || last.First.Chain.Count != 0) return;
        // Count 1 here may be more in one pass: an earlier range may hold the same failure.
        _retracted?.Add(Fingerprint(last.First));
        _byFingerprint.Remove(Fingerprint(last.First));
        _ordered.Remove(last);
        Last = _ordered.Count > 0 ? _ordered[^1] : null;
    }

    /// <summary>Whether <paramref name="later"/>, the table of the range after this one's, reads as one pass would have:
    /// nothing in it reached before its range, nothing it retracted is a failure this table holds (its count would have
    /// been more than one), and no bound is reached.</summary>
    public bool CanTakeLater(FailureTable later)
    {
        if (later._reachedBack || _ordered.Count + later._ordered.Count >= EngineLimits.MaxFailureGroups) return false;
        foreach (var fingerprint in later._retracted ?? []) if (_byFingerprint.ContainsKey(fingerprint)) return false;
        foreach (var (fingerprint, group) in later._byFingerprint)
        {
            if (_byFingerprint.TryGetValue(fingerprint, out var mine) && mine.Ranks.HighCount + group.Ranks.HighCount >= EngineLimits.MaxRanksListed) return false;
        }

        return true;
    }

    /// <summary>Adds the later range's failures as if recorded after this table's. Every failure of the later range
    /// starts after every one of this table's, so a group's representative (its earliest copy) stays this table's.</summary>
    public void TakeLater(FailureTable later)
    {
        foreach (var group in later._ordered)
        {
            var fingerprint = Fingerprint(group.First);
            if (!_byFingerprint.TryGetValue(fingerprint, out var mine))
            {
                _byFingerprint.Add(fingerprint, group);
                _ordered.Add(group);
                continue;
            }

            mine.Count += group.Count;
            mine.Ranks.AddAll(group.Ranks);
        }

        if (later.Last is { } last) Last = _byFingerprint[Fingerprint(last.First)];
    }

    public static ulong Fingerprint(TracebackInfo failure)
    {
        var text = new StringBuilder();
        Append(text, failure);
        foreach (var link in failure.Chain)
        {
            text.Append("|chain|").Append(link.ExceptionType).Append('|').Append(Masked(link.ExceptionMessage));
            foreach (var frame in link.Frames) text.Append('|').Append(frame.File).Append(':').Append(frame.Function).Append(':').Append(frame.Line);
        }

        return XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static void Append(StringBuilder text, TracebackInfo failure)
    {
        text.Append(failure.Kind).Append('|').Append(failure.ExceptionType).Append('|').Append(Masked(failure.ExceptionMessage));
        foreach (var frame in failure.Frames) text.Append('|').Append(frame.File).Append(':').Append(frame.Function).Append(':').Append(frame.Line);
        foreach (var sub in failure.SubExceptions)
        {
            text.Append("|sub{");
            Append(text, sub);
            text.Append('}');
        }
    }

    private static string Masked(string message)
    {
        var buffer = new char[Math.Min(message.Length * 2 + 32, EngineLimits.MaxMessageChars)];
        return new string(buffer, 0, Parameterizer.Mask(message, buffer));
    }
}
