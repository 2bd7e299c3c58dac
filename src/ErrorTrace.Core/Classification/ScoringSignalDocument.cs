using System.Text.Json.Serialization;

namespace ErrorTrace.Core.Classification;

/// <summary>The JSON shape of one scoring signal: a rule's conditions with a weight for a category instead of a decision.</summary>
internal sealed class ScoringSignalDocument
{
    public string? Id { get; set; }

    public string? Comment { get; set; }

    public string? Category { get; set; }

    public double? Weight { get; set; }

    /// <summary>The surfaces, as a rule's <c>on</c>: a string or a list.</summary>
    [JsonConverter(typeof(StringOrListConverter))]
    public List<string>? On { get; set; }

    public MatchDocument? Match { get; set; }
}
