using System.IO.Hashing;

namespace ErrorTrace.Core.Grouping;

/// <summary>
/// Warning lines seen before, byte for byte, with the group each was counted in. Training code repeats the same
/// warning on every step of every rank (<c>checkpoint.py:61: UserWarning: None of the inputs have requires_grad=True</c>):
/// read outside any block, such a line always ends the same way, one more count of the same group, so the markers,
/// the block parsers' openers and the grouping need not run again (they cost ~20,000 instructions a line; a lookup
/// costs a hash and a comparison). Only warnings are remembered: an error line may open a block or continue into the
/// next lines, which depends on more than its own text.
/// </summary>
internal sealed class RepeatedWarnings
{
    /// <summary>Distinct warning lines remembered; the memo is emptied when full (it is only a cache).</summary>
    private const int MaxEntries = 1_024;

    /// <summary>Longer lines are not remembered: long warnings rarely repeat exactly, and the memo stays under 1 MiB.</summary>
    private const int MaxLineBytes = 1_024;

    private readonly Dictionary<ulong, (byte[] Line, ErrorGroup Group)> _entries = [];

    /// <summary>The group this exact line was counted in before, or null.</summary>
    public ErrorGroup? Find(ReadOnlySpan<byte> line)
    {
        if (line.Length > MaxLineBytes || _entries.Count == 0) return null;
        return _entries.TryGetValue(XxHash3.HashToUInt64(line), out var entry) && line.SequenceEqual(entry.Line) ? entry.Group : null;
    }

    public void Remember(ReadOnlySpan<byte> line, ErrorGroup group)
    {
        if (line.Length > MaxLineBytes) return;
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[XxHash3.HashToUInt64(line)] = (line.ToArray(), group);
    }
}
