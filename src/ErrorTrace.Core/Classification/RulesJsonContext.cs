using System.Text.Json.Serialization;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// Source-generated reader for rules files (AOT-safe). Unknown properties are errors, so a typo such as
/// <c>"mesage"</c> is reported instead of silently making a rule match everything else.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(RulesDocument))]
[JsonSerializable(typeof(WhenDocument))]
internal sealed partial class RulesJsonContext : JsonSerializerContext
{
}
