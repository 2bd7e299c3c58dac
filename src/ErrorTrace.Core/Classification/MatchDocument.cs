namespace ErrorTrace.Core.Classification;

/// <summary>The JSON shape of a rule's conditions; see <see cref="RuleConditions"/> for their meaning.</summary>
internal sealed class MatchDocument
{
    public List<string>? Types { get; set; }

    public List<string>? Message { get; set; }

    public List<string>? MessageRegex { get; set; }

    public List<string>? NotMessage { get; set; }

    public List<string>? Frames { get; set; }

    public List<string>? FrameRegex { get; set; }

    public List<string>? NotFrames { get; set; }

    public List<string>? Phases { get; set; }

    public List<string>? Kinds { get; set; }

    public List<string>? Levels { get; set; }

    public string? RaisedIn { get; set; }

    /// <summary>Rules on errors only: the log has no root failure at all (no traceback, abort or death).</summary>
    public bool? NoRoot { get; set; }
}
