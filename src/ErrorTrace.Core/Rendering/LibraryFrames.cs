namespace ErrorTrace.Core.Rendering;

/// <summary>Tells the user's code from library code in a traceback, so renderers can dim the frames a user rarely needs to read.</summary>
public static class LibraryFrames
{
    // Installed packages and the standard library; a user's own code lives anywhere else.
    private static readonly string[] s_markers = ["/site-packages/", "/dist-packages/", "/usr/lib/python3", "/usr/local/lib/python3", "\\site-packages\\", "<frozen "];

    public static bool IsLibrary(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        foreach (var marker in s_markers)
        {
            if (file.Contains(marker, StringComparison.Ordinal)) return true;
        }

        return false;
    }
}
