namespace ErrorTrace.Server.Logs;

/// <summary><c>realpath</c>: the absolute path with every symbolic link resolved, in every component (a symlinked
/// directory inside the logs directory counts as much as a symlinked file).</summary>
internal static class CanonicalPath
{
    private const int MaxLinks = 40;

    /// <summary>Null when a link cannot be resolved (a loop, too deep, or unreadable).</summary>
    public static string? Resolve(string path) => Resolve(path, 0);

    private static string? Resolve(string path, int depth)
    {
        if (depth > MaxLinks) return null;
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        try
        {
            foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
            {
                var next = Path.Combine(current, part);
                var info = new FileInfo(next);
                if (info.LinkTarget is not null)
                {
                    var target = info.ResolveLinkTarget(returnFinalTarget: true);
                    if (target is null) return null;
                    var resolved = Resolve(target.FullName, depth + 1);
                    if (resolved is null) return null;
                    next = resolved;
                }

                current = next;
            }
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> is strictly inside <paramref name="directory"/> (both absolute).</summary>
    public static bool IsInside(string path, string directory)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(directory);
        var prefix = directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;
        return path.Length > prefix.Length && path.StartsWith(prefix, StringComparison.Ordinal);
    }
}
