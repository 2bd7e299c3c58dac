using System.Runtime.CompilerServices;
using ErrorTrace.Core.Markers;
using ErrorTrace.Core.Text;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// The hot path's shortcut. Outside any block and any multi-line record, an unstructured line matters only if it can
/// open a block or is a marker line, and every such line contains one of a few ASCII needles. The line's bytes are
/// searched as they are (ASCII needles match UTF-8 text exactly, since multi-byte sequences hold no ASCII bytes); the
/// UTF-8 decoding and the parsers run only on a hit. Most lines of a training log (progress bars, metrics, NCCL INFO)
/// never get past this.
/// </summary>
internal static class UnstructuredGate
{
    /// <summary>What can open a block (tracebacks, groups, chain sentences, crash dumps), besides the markers' needles and
    /// the banners that start a run.</summary>
    private static readonly string[] s_openers =
    [
        "Traceback", "File \"", "Fatal Python error", "Current thread 0x", "Timeout (", "terminate called", "The above exception", "During handling",
        "Exception",
        // Yandex util's terminate handler (CatBoost): "uncaught exception:" alone, then the type and what() indented; and
        // libc++abi's "libc++abi: terminating due to uncaught exception of type std::runtime_error: …" (CppAbortParser).
        // One needle for both, without the colon: its fingerprint ("augh") is the same, so the gate's buckets are too.
        "uncaught exception",
        // IPython's arrow at a frame's failing line ("---> 216", "--> 622"): a notebook traceback pasted without its header.
        "--> ",
    ];

    private static readonly string[] s_all = Minimal(s_openers.Concat(LineMarkers.All.SelectMany(m => m.Needles)).Concat(RunBanners.Needles));

    private static readonly AsciiLiteralSet s_literals = new(s_all);

    /// <summary>Every needle, for tests.</summary>
    internal static IReadOnlyList<string> Needles => s_all;

    /// <summary>A needle that contains another needle adds nothing to "may matter"; dropping it leaves the
    /// vectorised search fewer candidates per bucket to verify.</summary>
    internal static string[] Minimal(IEnumerable<string> needles)
    {
        var all = needles.Distinct(StringComparer.Ordinal).ToArray();
        return all.Where(n => !all.Any(other => other.Length < n.Length && n.Contains(other, StringComparison.Ordinal))).ToArray();
    }

    /// <summary>True when the line may matter: a needle, or a non-ASCII end that may be a shell's translated report of a
    /// death (<see cref="LocalizedShellDeath.MayEndWith"/>: one byte compare for a line that ends in ASCII).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool MayMatter(ReadOnlySpan<byte> line) => s_literals.ContainsAny(line) || LocalizedShellDeath.MayEndWith(line);
}
