using System.Text.RegularExpressions;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// The one definition of a library frame (Sentry's <c>in_app</c>: false for installed packages, the standard library
/// and launchers, true for the job's own code). The report's <c>in_app</c> field, the classifier's <c>raised_in</c>
/// and module conditions, the CLI and the panel all read it, so a frame is never user code to one and library code
/// to another. The patterns are data (the rules file's <c>frames</c> section); a user's file adds to them, and its
/// <c>in_app</c> patterns win over every <c>library</c> pattern.
/// </summary>
internal sealed class InAppRules
{
    private const RegexOptions PathRegexOptions = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private readonly string[] _library;
    private readonly Regex? _libraryRegex;
    private readonly string[] _inApp;
    private readonly Regex? _inAppRegex;

    private InAppRules(string[] library, Regex? libraryRegex, string[] inApp, Regex? inAppRegex)
    {
        _library = library;
        _libraryRegex = libraryRegex;
        _inApp = inApp;
        _inAppRegex = inAppRegex;
    }

    /// <summary>Every frame is the job's own: what a rules file without a <c>frames</c> section adds.</summary>
    public static InAppRules None { get; } = new([], null, [], null);

    /// <summary>The patterns of <paramref name="document"/> in front of <paramref name="defaults"/>' ones.</summary>
    /// <exception cref="ArgumentException">An empty pattern or a bad regex.</exception>
    public static InAppRules Create(FramesDocument? document, InAppRules? defaults)
    {
        defaults ??= None;
        if (document is null) return defaults;
        var library = Patterns(document.Library, "frames.library");
        var inApp = Patterns(document.InApp, "frames.in_app");
        return new InAppRules(
            [.. library, .. defaults._library],
            Combine(document.LibraryRegex, defaults._libraryRegex, "frames.library_regex"),
            [.. inApp, .. defaults._inApp],
            Combine(document.InAppRegex, defaults._inAppRegex, "frames.in_app_regex"));
    }

    /// <summary>True for the job's own code; false for a library, the standard library or a launcher. A frame with no
    /// file (a C++ frame of a native backtrace, <c>c10::Error::Error</c>, a glog or gdb frame) is never the job's own:
    /// it comes from a compiled library, and counting it as the user's made a panel say "2 yours" of a C++ stack.</summary>
    public bool IsInApp(string file)
    {
        if (file.Length == 0) return false;
        var path = file.Contains('\\', StringComparison.Ordinal) ? file.Replace('\\', '/') : file;
        if (Any(_inApp, path) || (_inAppRegex is not null && RegexFactory.FirstMatch(_inAppRegex, path) >= 0)) return true;
        return !Any(_library, path) && (_libraryRegex is null || RegexFactory.FirstMatch(_libraryRegex, path) < 0);
    }

    private static bool Any(string[] substrings, string path)
    {
        foreach (var substring in substrings)
        {
            if (path.Contains(substring, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    private static string[] Patterns(List<string>? values, string field)
    {
        if (values is null) return [];
        if (values.Any(string.IsNullOrEmpty)) throw new ArgumentException($"{field} has an empty pattern");
        return [.. values.Select(v => v.Replace('\\', '/'))];
    }

    private static Regex? Combine(List<string>? patterns, Regex? defaults, string field)
    {
        if (patterns is null || patterns.Count == 0) return defaults;
        List<string> all = defaults is null ? [.. patterns] : [.. patterns, defaults.ToString()];
        return RegexFactory.Combine(all, field, PathRegexOptions);
    }
}
