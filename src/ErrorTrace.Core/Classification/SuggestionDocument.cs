using System.Text.Json.Serialization;

namespace ErrorTrace.Core.Classification;

/// <summary>The JSON shape of a suggestion: a string (always fits its category or rule) or an object whose
/// <c>when</c> says what the log must show for it to be given ("none about things the log never mentions").</summary>
[JsonConverter(typeof(SuggestionDocumentConverter))]
internal sealed class SuggestionDocument
{
    public string? Text { get; set; }

    public WhenDocument? When { get; set; }
}
