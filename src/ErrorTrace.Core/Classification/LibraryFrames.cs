namespace ErrorTrace.Core.Classification;

/// <summary>
/// Tells library frames (installed packages and the standard library) from the job's own code, so
/// that a <c>KeyError</c> raised in the training script reads as a bug in it, and one raised deep in
/// a library as something the script fed the library.
/// </summary>
internal static class LibraryFrames
{
    public static bool IsLibrary(string file)
    {
        if (file.StartsWith("<frozen", StringComparison.Ordinal)) return true;
        var path = file.Contains('\\', StringComparison.Ordinal) ? file.Replace('\\', '/') : file;
        if (path.Contains("/site-packages/", StringComparison.Ordinal) ||
            path.Contains("/dist-packages/", StringComparison.Ordinal))
        {
            return true;
        }

        // The stdlib: .../lib/python3.11/x.py, .../lib64/python3.9/x.py, C:/Python311/Lib/x.py.
        return HasVersionedPython(path, "/lib/python") || HasVersionedPython(path, "/lib64/python") ||
            path.Contains("/Lib/", StringComparison.Ordinal);
    }

    private static bool HasVersionedPython(string path, string marker)
    {
        var index = path.IndexOf(marker, StringComparison.Ordinal);
        var next = index + marker.Length;
        return index >= 0 && next < path.Length && char.IsAsciiDigit(path[next]);
    }
}
