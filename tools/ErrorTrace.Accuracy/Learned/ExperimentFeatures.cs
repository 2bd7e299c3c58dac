using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Accuracy.Learned;

/// <summary>
/// Feature groups tried on top of the library's (<c>LearnedFeatures</c>) without touching it: only a group that helps
/// in the grouped and leave-one-batch-out CV would move into the library (and the model file).
/// </summary>
internal static class ExperimentFeatures
{
    private static readonly string[] s_roots = ["site-packages/", "dist-packages/"];

    /// <summary>The base tokens plus the groups named in <paramref name="extra"/> (comma-separated): <c>pkg</c> (the
    /// packages of every frame of the root, its chain, the worker's original and sub-exceptions; a frozen importlib
    /// frame; a native library's name), <c>owner</c> (whether the innermost frame is the job's own code or a library's).</summary>
    public static IReadOnlyList<string> Add(IReadOnlyList<string> tokens, ClassificationInput input, string extra)
    {
        if (extra.Length == 0) return tokens;
        var set = new HashSet<string>(tokens, StringComparer.Ordinal);
        var groups = extra.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (input.Root is { } root)
        {
            var all = AllFrames(root).ToList();
            if (groups.Contains("pkg")) foreach (var frame in all) Package(frame.File, set);
            if (groups.Contains("owner")) Owner(root, set);
        }

        var sorted = set.ToList();
        sorted.Sort(StringComparer.Ordinal);
        return sorted;
    }

    private static IEnumerable<TracebackFrame> AllFrames(TracebackInfo root)
    {
        foreach (var f in root.Frames) yield return f;
        foreach (var link in root.Chain)
        {
            foreach (var f in link.Frames) yield return f;
        }

        if (root.Original is { } original)
        {
            foreach (var f in original.Frames) yield return f;
        }

        foreach (var sub in root.SubExceptions)
        {
            foreach (var f in sub.Frames) yield return f;
        }
    }

    private static void Package(string file, HashSet<string> into)
    {
        if (file.Length == 0) return;
        var path = file.Replace('\\', '/');
        if (path.Contains("importlib._bootstrap", StringComparison.Ordinal) || path.Contains("importlib/_bootstrap", StringComparison.Ordinal))
        {
            into.Add("pkg:importlib_bootstrap");
            return;
        }

        foreach (var root in s_roots)
        {
            var at = path.LastIndexOf(root, StringComparison.Ordinal);
            if (at < 0) continue;
            var rest = path[(at + root.Length)..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var name = (slash >= 0 ? rest[..slash] : rest).ToLowerInvariant();
            if (name.EndsWith(".py", StringComparison.Ordinal)) name = name[..^3];
            if (name.Length is > 1 and <= 30) into.Add("pkg:" + name);
            return;
        }

        var so = path.IndexOf(".so", StringComparison.Ordinal);
        if (so > 0)
        {
            var start = path.LastIndexOf('/', so) + 1;
            var lib = path[start..so].ToLowerInvariant();
            if (lib.Length is > 1 and <= 30) into.Add("so:" + lib);
        }
    }

    private static void Owner(TracebackInfo root, HashSet<string> into)
    {
        var frames = root.Original?.Frames is { Count: > 0 } o ? o : root.Chain.Count > 0 ? root.Chain[0].Frames : root.Frames;
        if (frames.Count == 0)
        {
            into.Add("inner:none");
            return;
        }

        into.Add(frames[^1].InApp ? "inner:user" : "inner:lib");
        into.Add(frames.Any(f => f.InApp) ? "anyuser:yes" : "anyuser:no");
    }
}
