namespace ErrorTrace.Core.Classification;

/// <summary>The JSON shape of a wording family: the phrasings of one failure mechanism, named once and used by any
/// rule, scoring signal or suggestion that says <c>"wordings": ["name"]</c>.</summary>
internal sealed class WordingDocument
{
    /// <summary>What the mechanism is, where the wordings come from, what they might catch by mistake.</summary>
    public string? Comment { get; set; }

    /// <summary>Case-insensitive substrings: real phrases as libraries print them.</summary>
    public List<string>? Message { get; set; }

    /// <summary>.NET regexes (case-insensitive, multiline, a 1 s match timeout, the first 16 KiB of a text).</summary>
    public List<string>? MessageRegex { get; set; }
}
