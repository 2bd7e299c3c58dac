using System.Text.Json.Serialization;

namespace ErrorTrace.Core.Classification;

/// <summary>The JSON shape of one rule.</summary>
internal sealed class RuleDocument
{
    public string? Id { get; set; }

    public string? Comment { get; set; }

    public string? Category { get; set; }

    public string? Phase { get; set; }

    /// <summary><c>high</c>, <c>medium</c> (the default) or <c>low</c>: on the rule's first surface; at most medium on the others, low on the summary.</summary>
    public string? Confidence { get; set; }

    /// <summary>The surfaces the rule reads, in order: <c>root</c> (the default), <c>failures</c>, <c>errors</c>,
    /// <c>summary</c>, <c>context</c>. A string or a list: one rule for one mechanism wherever the log shows it.</summary>
    [JsonConverter(typeof(StringOrListConverter))]
    public List<string>? On { get; set; }

    public string? Description { get; set; }

    public List<SuggestionDocument>? Suggestions { get; set; }

    public MatchDocument? Match { get; set; }

    /// <summary>Rules on errors only: the matched line means the process died (see <see cref="ClassificationRule.Fatal"/>).</summary>
    public bool? Fatal { get; set; }
}
