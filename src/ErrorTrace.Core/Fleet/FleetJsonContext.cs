using System.Text.Json.Serialization;

namespace ErrorTrace.Core.Fleet;

/// <summary>Source-generated snake_case JSON for the fleet view (the service's API and <c>errortrace fleet --format json</c>
/// give the same bytes for the same groups).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(FailureList))]
[JsonSerializable(typeof(SignatureGroup))]
public sealed partial class FleetJsonContext : JsonSerializerContext;
