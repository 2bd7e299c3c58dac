using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Fleet;

/// <summary>
/// The frames that identify where a failure happened, across jobs: the user's own frames (not the libraries'), as file
/// and function, never line numbers (an edit above the failing line must not start a new signature).
/// <list type="bullet">
/// <item><c>in-app</c>: the frames the report marks <c>in_app</c> (the rules file's one definition of library code);
/// when a failure has none (raised from a launcher or inside a library called by a library), all frames.</item>
/// <item><c>path-tail</c>: a user file is its last <see cref="UserPathParts"/> path parts (<c>src/train.py</c>), so two
/// checkouts of one repository (<c>/home/alice/llm/…</c>, <c>/workspace/llm/…</c>) agree; a library file is its path
/// after <c>site-packages/</c> (<c>torch/nn/modules/module.py</c>), whatever the Python and its prefix.</item>
/// <item><c>recursion</c>: a frame repeated in a row counts once, so the depth of a recursion does not split.</item>
/// <item><c>innermost</c>: at most <see cref="MaxFrames"/>, innermost first — the outer frames are the same entry
/// points for every failure and can change with a refactoring that leaves the failure as it was.</item>
/// </list>
/// </summary>
internal static class SignatureFrames
{
    public const int MaxFrames = 8;

    public const int UserPathParts = 2;

    private static readonly string[] s_packageRoots = ["/site-packages/", "/dist-packages/"];

    public static List<string> Of(IReadOnlyList<TracebackFrame> frames)
    {
        var useAll = !frames.Any(f => f.InApp);
        var picked = new List<string>(MaxFrames);
        for (var i = frames.Count - 1; i >= 0 && picked.Count < MaxFrames; i--)
        {
            var frame = frames[i];
            if (!useAll && !frame.InApp) continue;
            var key = File(frame.File) + ":" + frame.Function;
            if (picked.Count > 0 && picked[^1] == key) continue;
            picked.Add(key);
        }

        return picked;
    }

    /// <summary>The innermost user frame as <c>file:function</c> for titles, or null.</summary>
    public static string? InnermostUser(IReadOnlyList<TracebackFrame> frames)
    {
        for (var i = frames.Count - 1; i >= 0; i--)
        {
            if (frames[i].InApp) return $"{ShortFile(frames[i].File)} in {frames[i].Function}";
        }

        return null;
    }

    private static string File(string file)
    {
        var path = file.Replace('\\', '/');
        foreach (var root in s_packageRoots)
        {
            var at = path.LastIndexOf(root, StringComparison.Ordinal);
            if (at >= 0) return path[(at + root.Length)..];
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length <= UserPathParts ? string.Join('/', parts) : string.Join('/', parts[^UserPathParts..]);
    }

    private static string ShortFile(string file)
    {
        var path = file.Replace('\\', '/');
        var slash = path.LastIndexOf('/');
        return slash >= 0 ? path[(slash + 1)..] : path;
    }
}
