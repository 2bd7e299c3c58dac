namespace ErrorTrace.Core.Classification;

/// <summary>
/// The module a library frame belongs to, as a '/'-separated path without the extension: <c>…/site-packages/torch/cuda/
/// memory.py</c> is <c>torch/cuda/memory</c>, <c>/usr/lib/python3.10/os.py</c> is <c>os</c>, <c>…/torch/lib/libc10.so</c>
/// is <c>torch/lib/libc10</c>. Rules name modules (<c>torch/cuda</c>, <c>PIL</c>, <c>tokenizers</c>) rather than files, so
/// one condition covers every file of a package wherever it is installed.
/// </summary>
internal static class FrameModule
{
    private static readonly string[] s_roots = ["/site-packages/", "/dist-packages/"];

    /// <summary>The module, or null when the path shows no installation root (the job's own code, a frozen module).</summary>
    public static string? Of(string file)
    {
        if (file.Length == 0) return null;
        var path = file.Contains('\\', StringComparison.Ordinal) ? file.Replace('\\', '/') : file;
        var start = -1;
        foreach (var root in s_roots)
        {
            var index = path.LastIndexOf(root, StringComparison.Ordinal);
            if (index >= 0) start = Math.Max(start, index + root.Length);
        }

        if (start < 0) start = AfterStdlib(path);
        if (start < 0 || start >= path.Length) return null;
        var module = path[start..];
        var dot = module.LastIndexOf('.');
        return dot > module.LastIndexOf('/') && dot > 0 ? module[..dot] : module;
    }

    /// <summary>Just after <c>lib/python3.10/</c> (or <c>lib64/python3/</c>, <c>Lib/</c>), or -1.</summary>
    private static int AfterStdlib(string path)
    {
        for (var index = path.IndexOf("python", StringComparison.Ordinal); index >= 0; index = path.IndexOf("python", index + 1, StringComparison.Ordinal))
        {
            var libStart = index - 1;
            var isLib = libStart > 3 && path[libStart] == '/' && (path.AsSpan(0, libStart).EndsWith("/lib") || path.AsSpan(0, libStart).EndsWith("/lib64"));
            var next = index + "python".Length;
            if (!isLib || next >= path.Length || !char.IsAsciiDigit(path[next])) continue;
            var slash = path.IndexOf('/', next);
            if (slash > 0) return slash + 1;
        }

        var windows = path.IndexOf("/Lib/", StringComparison.Ordinal);
        return windows >= 0 ? windows + "/Lib/".Length : -1;
    }
}
