using System.Buffers;
using System.Text;
using ErrorTrace.Core.Markers;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// The hot path's shortcut. Outside any block and any multi-line record, an unstructured line matters only if it can
/// open a block or is a marker line, and every such line contains one of a few ASCII needles. The line's bytes are
/// widened to chars as Latin-1 (a vectorised copy with no validation: ASCII needles match UTF-8 text exactly, since
/// multi-byte sequences hold no ASCII bytes) and searched once; the UTF-8 decoding and the parsers run only on a hit.
/// Most lines of a training log (progress bars, metrics, NCCL INFO) never get past this.
/// </summary>
internal static class UnstructuredGate
{
    /// <summary>What can open a block (tracebacks, groups, chain sentences, crash dumps), besides the markers' needles.</summary>
    private static readonly string[] s_openers =
    [
        "Traceback", "File \"", "Fatal Python error", "Timeout (", "terminate called", "The above exception", "During handling",
        "Exception",
    ];

    private static readonly string[] s_all = Minimal(s_openers.Concat(LineMarkers.All.SelectMany(m => m.Needles)));

    private static readonly SearchValues<string> s_needles = SearchValues.Create(s_all, StringComparison.Ordinal);

    /// <summary>
    /// The needles without an upper-case letter. A line with no upper-case ASCII letter can only hold these, and the
    /// commonest unstructured lines of a training log (tqdm bars, <c>{'loss': 1.23, 'grad_norm': …}</c> dicts) have
    /// none: one vectorised range check then sends them to a search over a handful of needles, whose first three
    /// characters rarely occur, instead of the full set whose buckets match ordinary text often.
    /// </summary>
    private static readonly SearchValues<string> s_lowerCaseNeedles = SearchValues.Create(
        s_all.Where(n => !n.Any(char.IsAsciiLetterUpper)).ToArray(), StringComparison.Ordinal);

    /// <summary>Every needle, for tests.</summary>
    internal static IReadOnlyList<string> Needles => s_all;

    /// <summary>A needle that contains another needle adds nothing to "may matter"; dropping it leaves the
    /// vectorised search fewer candidates per bucket to verify.</summary>
    internal static string[] Minimal(IEnumerable<string> needles)
    {
        var all = needles.Distinct(StringComparer.Ordinal).ToArray();
        return all.Where(n => !all.Any(other => other.Length < n.Length && n.Contains(other, StringComparison.Ordinal))).ToArray();
    }

    /// <summary>True when the line may matter; <paramref name="scratch"/> holds at least one char per byte.</summary>
    public static bool MayMatter(ReadOnlySpan<byte> line, Span<char> scratch)
    {
        var needles = line.IndexOfAnyInRange((byte)'A', (byte)'Z') < 0 ? s_lowerCaseNeedles : s_needles;
        var wide = scratch[..Encoding.Latin1.GetChars(line, scratch)];
        return wide.IndexOfAny(needles) >= 0;
    }
}
