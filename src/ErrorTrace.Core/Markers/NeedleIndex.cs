using System.Buffers;

namespace ErrorTrace.Core.Markers;

/// <summary>
/// Which of up to 64 rules have a needle somewhere in a line, found in one pass: the vectorised multi-string search
/// jumps from one needle occurrence to the next, and at each occurrence only the needles beginning with that character
/// are compared. Asking each rule in turn (a substring search per needle per rule) cost about 40 substring searches
/// for every line that reached the markers; a repeated warning line reaches them on every training step.
/// </summary>
internal sealed class NeedleIndex
{
    private const int MaxRules = 64;

    private readonly SearchValues<string> _search;

    /// <summary>Indexed by a needle's first character (needles are ASCII): the needles starting with it, each with the
    /// bit of its rule.</summary>
    private readonly (string Needle, ulong Rule)[][] _byFirstChar = new (string, ulong)[128][];

    private readonly ulong _all;

    /// <param name="needlesByRule">Rule i's needles; rule i is bit i of <see cref="Candidates"/>.</param>
    public NeedleIndex(IReadOnlyList<string[]> needlesByRule)
    {
        if (needlesByRule.Count > MaxRules) throw new ArgumentException($"At most {MaxRules} rules.", nameof(needlesByRule));
        var entries = needlesByRule.SelectMany((needles, rule) => needles.Select(n => (Needle: n, Rule: 1UL << rule))).ToArray();
        if (entries.Any(e => e.Needle.Length == 0 || !char.IsAscii(e.Needle[0])))
            throw new ArgumentException("Needles must be non-empty and start with an ASCII character.", nameof(needlesByRule));
        _search = SearchValues.Create(entries.Select(e => e.Needle).Distinct().ToArray(), StringComparison.Ordinal);
        for (var c = 0; c < _byFirstChar.Length; c++) _byFirstChar[c] = entries.Where(e => e.Needle[0] == c).ToArray();
        _all = entries.Aggregate(0UL, (mask, e) => mask | e.Rule);
    }

    /// <summary>Bit i set when one of rule i's needles occurs in <paramref name="line"/> (overlapping occurrences
    /// included: the search resumes one character after each).</summary>
    public ulong Candidates(ReadOnlySpan<char> line)
    {
        var found = 0UL;
        var from = 0;
        while (from < line.Length && found != _all)
        {
            var at = line[from..].IndexOfAny(_search);
            if (at < 0) break;
            var rest = line[(from + at)..];
            foreach (var (needle, rule) in _byFirstChar[rest[0]])
            {
                if (rest.StartsWith(needle, StringComparison.Ordinal)) found |= rule;
            }

            from += at + 1;
        }

        return found;
    }
}
