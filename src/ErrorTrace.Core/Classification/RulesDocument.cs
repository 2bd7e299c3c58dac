namespace ErrorTrace.Core.Classification;

/// <summary>The JSON shape of a rules file (built-in <c>rules.json</c> or the user's).</summary>
internal sealed class RulesDocument
{
    /// <summary>Free text for the file's readers.</summary>
    public string? Comment { get; set; }

    /// <summary>Category metadata by name; a user file may override a built-in category's wording or add one.</summary>
    public Dictionary<string, CategoryDocument>? Categories { get; set; }

    public List<RuleDocument>? Rules { get; set; }

    /// <summary>Wording families by name; a user file's family replaces a built-in one of the same name.</summary>
    public Dictionary<string, WordingDocument>? Wordings { get; set; }

    /// <summary>Phase hints; a user file's come first.</summary>
    public PhasesDocument? Phases { get; set; }

    /// <summary>The evidence-scoring fallback; a user file's signals are added to the built-in ones.</summary>
    public ScoringDocument? Scoring { get; set; }

    /// <summary>Which frames are library code; a user file's patterns come before the built-in ones.</summary>
    public FramesDocument? Frames { get; set; }
}
