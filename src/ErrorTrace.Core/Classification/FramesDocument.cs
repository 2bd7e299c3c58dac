namespace ErrorTrace.Core.Classification;

/// <summary>The JSON shape of a rules file's <c>frames</c> section: which frames are library code (see <see cref="InAppRules"/>).</summary>
internal sealed class FramesDocument
{
    /// <summary>Free text for the file's readers: why these patterns.</summary>
    public string? Comment { get; set; }

    /// <summary>Substrings of a frame's path ('/'-separated, case-sensitive) that make it library code.</summary>
    public List<string>? Library { get; set; }

    /// <summary>Regexes over the same path (case-sensitive) that make it library code.</summary>
    public List<string>? LibraryRegex { get; set; }

    /// <summary>Substrings that make a frame the job's own code even where a library pattern matches (code of your
    /// own installed into site-packages). They win over <see cref="Library"/>.</summary>
    public List<string>? InApp { get; set; }

    public List<string>? InAppRegex { get; set; }
}
