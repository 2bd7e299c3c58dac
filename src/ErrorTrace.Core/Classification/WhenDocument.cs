namespace ErrorTrace.Core.Classification;

/// <summary>The JSON shape of a suggestion's condition; any one of its parts may hold (see <see cref="SuggestionCondition"/>).</summary>
internal sealed class WhenDocument
{
    /// <summary>Case-insensitive substrings the log must mention somewhere the classifier looked (exception messages and
    /// types, frame files and functions, error entries, the summary, the lines near the death).</summary>
    public List<string>? Mentions { get; set; }

    public List<string>? MentionsRegex { get; set; }

    /// <summary>Wording families, by name, the log must show.</summary>
    public List<string>? Wordings { get; set; }

    /// <summary>Error phases the report must have.</summary>
    public List<string>? Phases { get; set; }
}
