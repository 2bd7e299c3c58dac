using System.Text.Json.Serialization;

namespace ErrorTrace.Accuracy.Corpus;

/// <summary>The last frame printed for the root cause. A suffix, not a full path: the same failure
/// on another machine has another prefix.</summary>
public sealed record ExpectedFrame
{
    /// <summary>Spelled like Python's <c>str.endswith</c> in the case files, not snake_case of the property name.</summary>
    [JsonPropertyName("file_endswith")]
    public required string FileEndsWith { get; init; }

    public required string Function { get; init; }
}
