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

    public void Record(TracebackInfo failure, int rank, in RawTimestamp timestamp, string? phase, string? logger)
    {
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

    /// <summary>Takes back a lone exception line recorded at <paramref name="exceptionLine"/> when it turns out to open a chain.</summary>
    public void RetractBareException(long exceptionLine)
    {
        if (Last is not { Count: 1 } last || last.First.ExceptionLine != exceptionLine || last.First.Frames.Count != 0 || last.First.Chain.Count != 0) return;
        _byFingerprint.Remove(Fingerprint(last.First));
        _ordered.Remove(last);
        Last = _ordered.Count > 0 ? _ordered[^1] : null;
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
