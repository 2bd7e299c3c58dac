namespace ErrorTrace.Core.Classification;

/// <summary>The JSON shape of one rule.</summary>
internal sealed class RuleDocument
{
    public string? Id { get; set; }

    public string? Comment { get; set; }

    public string? Category { get; set; }

    public string? Phase { get; set; }

    /// <summary><c>high</c>, <c>medium</c> (the default) or <c>low</c>.</summary>
    public string? Confidence { get; set; }

    /// <summary><c>root</c> (the default), <c>failures</c>, <c>errors</c> or <c>summary</c>.</summary>
    public string? On { get; set; }

    public string? Description { get; set; }

    public List<string>? Suggestions { get; set; }

    public MatchDocument? Match { get; set; }

    /// <summary>Rules on errors only: the matched line means the process died (see <see cref="ClassificationRule.Fatal"/>).</summary>
    public bool? Fatal { get; set; }
}
