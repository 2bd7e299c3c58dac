namespace ErrorTrace.Cli.Fleet;

/// <summary>The logs named on the command line: files as given, directories searched recursively for log names.</summary>
internal static class LogFiles
{
    private static readonly string[] s_suffixes = [".log", ".log.gz", ".out"];

    /// <summary>Every log, each once, in a stable order; <paramref name="missing"/> gets the paths that do not exist.</summary>
    public static List<string> Expand(IEnumerable<string> paths, List<string> missing)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(missing);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(Path.GetFullPath(path));
            else if (Directory.Exists(path))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
                foreach (var file in Directory.EnumerateFiles(path, "*", options))
                {
                    if (s_suffixes.Any(s => file.EndsWith(s, StringComparison.OrdinalIgnoreCase))) files.Add(Path.GetFullPath(file));
                }
            }
            else missing.Add(path);
        }

        return [.. files];
    }

    /// <summary><c>job_123.log</c> is job <c>123</c> (as <c>analyze</c> names it); any other file is its name without the
    /// log suffix.</summary>
    public static string JobId(string path)
    {
        if (Core.Input.LogFile.JobIdFromPath(path) is { } id) return id;
        var name = Path.GetFileName(path);
        foreach (var suffix in s_suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && name.Length > suffix.Length) return name[..^suffix.Length];
        }

        return name;
    }
}
