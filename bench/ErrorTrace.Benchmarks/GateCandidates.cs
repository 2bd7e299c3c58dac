using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Text;

namespace ErrorTrace.Benchmarks;

/// <summary>
/// How good the line gate's bucket plan (Core's Text/BucketPlanner) is on a log, counted rather than timed: the
/// candidate windows its literal search verifies, line by line, as if it never stopped at a find. Counts do not move
/// when other sessions load the machine, and a run takes seconds where callgrind takes minutes, so a plan can be tried
/// before it is judged by the whole process's instruction count (scripts/bench/callgrind.sh).
/// </summary>
internal static class GateCandidates
{
    private const int Buckets = 8;

    /// <summary>Prints the plan (each bucket's fingerprints), then per file its lines, the lines with a candidate, the
    /// candidate windows, the (window, bucket) pairs, the fingerprint compares, and each bucket's windows.</summary>
    /// <param name="extraNeedles">Needles added to the gate's, to see what one would cost before it is written into a
    /// marker.</param>
    public static void Print(IEnumerable<string> paths, IEnumerable<string> extraNeedles)
    {
        // The gate's needles in the gate's order (the plan depends on it), any extra ones last.
        var set = new AsciiLiteralSet(UnstructuredGate.Minimal(UnstructuredGate.Needles.Concat(extraNeedles)));
        var plan = set.BucketFingerprints();
        for (var b = 0; b < plan.Length; b++) Console.WriteLine($"bucket {b}: {string.Join(" ", plan[b].Select(f => $"[{f}]"))}");
        Console.WriteLine("file\tlines\tlines with candidates\tcandidate windows\twindow-buckets\thead compares\tper bucket");
        foreach (var path in paths)
        {
            var text = File.ReadAllBytes(path).AsSpan();
            var (lines, candidateLines, windows, buckets, heads) = (0L, 0L, 0L, 0L, 0L);
            var perBucket = new long[Buckets];
            while (!text.IsEmpty)
            {
                var end = text.IndexOf((byte)'\n');
                var line = end < 0 ? text : text[..end];
                text = end < 0 ? [] : text[(end + 1)..];
                var (w, b, h) = set.Candidates(line, perBucket);
                (lines, candidateLines, windows, buckets, heads) = (lines + 1, candidateLines + (w > 0 ? 1 : 0), windows + w, buckets + b, heads + h);
            }

            Console.WriteLine($"{Path.GetFileName(path)}\t{lines}\t{candidateLines}\t{windows}\t{buckets}\t{heads}\t{string.Join(" ", perBucket)}");
        }
    }
}
